#!/bin/sh
# Re-exports every study-note notebook (notebooks/[A-J]-*.gbook) into a temporary
# folder and compares it with the committed Markdown and SVGs here, so a change to
# a notebook, the language or the renderer that is not re-exported shows up.
#   docs/notebooks/check-exports.sh [path/to/gradbook]     exit 1 on any difference
#   docs/notebooks/check-exports.sh --update [gradbook]    rewrite the exports
set -eu
# An export shows numbers computed afresh, and OpenBLAS rounds differently on each
# CPU's kernels: both the committed exports and the check use the Nehalem kernels,
# which every x86-64 CPU runs, so the comparison is the same on every machine.
export OPENBLAS_CORETYPE=Nehalem
update=0
if [ "${1:-}" = "--update" ]; then update=1; shift; fi
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-"$root/.build/release/gradbook"}
here="$root/docs/notebooks"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for nb in "$root"/notebooks/[A-J]-*.gbook; do
    name=$(basename "$nb" .gbook)
    "$bin" export "$nb" -o "$tmp/$name.md" >/dev/null
done
if [ "$update" = 1 ]; then
    rm -f "$here"/*.md "$here"/*.svg
    cp "$tmp"/* "$here"/
    echo "re-exported $(ls "$tmp" | grep -c '\.md$') notebooks"
    exit 0
fi
status=0
for f in "$tmp"/*; do
    base=$(basename "$f")
    if ! cmp -s "$f" "$here/$base"; then echo "stale: docs/notebooks/$base"; status=1; fi
done
for f in "$here"/*.md "$here"/*.svg; do
    base=$(basename "$f")
    [ -e "$tmp/$base" ] || { echo "orphan: docs/notebooks/$base"; status=1; }
done
[ "$status" = 0 ] && echo "docs/notebooks is current ($(ls "$tmp" | grep -c '\.md$') notebooks)"
exit $status
