# ensure_venv VENV REQUIREMENTS: a Python virtual environment at VENV holding
# exactly REQUIREMENTS. Reuses one whose recorded hash of REQUIREMENTS matches,
# so a second `make test` installs nothing. Sourced by Tests/jupyter/run.sh and
# bench/kernel/run.sh.
ensure_venv() {
    local venv=$1 requirements=$2 stamp want
    stamp="$venv/.requirements-$(basename "$requirements" .txt)-$(basename "$(dirname "$requirements")").sha256"
    want=$(sha256sum "$requirements" | cut -d' ' -f1)
    if [ -x "$venv/bin/python" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then return 0; fi
    if [ ! -x "$venv/bin/python" ]; then
        if ! python3 -m venv "$venv" 2>/dev/null; then
            # Debian splits venv support out of python3.
            local sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
            rm -rf "$venv"
            $sudo apt-get install -y -qq python3-venv >/dev/null 2>&1 || true
            python3 -m venv "$venv" || { echo "cannot create a venv at $venv"; return 1; }
        fi
    fi
    echo "installing $(basename "$(dirname "$requirements")")/$(basename "$requirements") into $venv"
    "$venv/bin/python" -m pip install -q --disable-pip-version-check -r "$requirements" \
        || { echo "pip install -r $requirements failed"; return 1; }
    echo "$want" >"$stamp"
}
