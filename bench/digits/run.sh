#!/bin/sh
# Digits (UCI 8×8, 1347 train / 450 test rows, one seeded split): Gradbook's MLP and
# CNN against scikit-learn's MLPClassifier on the same split, in the same run.
# Gradbook times are whole processes (start-up and loading included, a few ms);
# sklearn's is its fit alone. BIN names the gradbook binary (default the release
# build); PYTHON a Python with scikit-learn (default: python3 if it has sklearn,
# else /usr/bin/python3, where Debian's python3-sklearn installs it).
set -e
here="$(cd "$(dirname "$0")" && pwd)"
BIN="$(cd "$here/../.." && pwd)/${BIN:-.build/release/gradbook}"
if [ -z "$PYTHON" ]; then
    PYTHON=python3
    $PYTHON -c "import sklearn" 2>/dev/null || { [ -x /usr/bin/python3 ] && PYTHON=/usr/bin/python3; }
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$here"/*.gb "$here/sklearn_mlp.py" "$work/"
cd "$work"
"$BIN" split.gb
now() { date +%s.%N; }
for model in mlp cnn; do
    t0=$(now)
    acc=$("$BIN" $model.gb)
    t1=$(now)
    echo "$model $acc $t0 $t1" | awk '{ printf "gradbook  %s  accuracy %s  train %.3f s (whole process)\n", ($1 == "mlp" ? "MLP(128)" : "CNN     "), $2, $4 - $3 }'
done
$PYTHON sklearn_mlp.py
