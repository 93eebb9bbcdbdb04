#!/usr/bin/env bash
# Installs the third-party tools `cargo xtask interop` checks exports with:
# pandoc (citeproc), bibtex (texlive-binaries + texlive-base for plain.bst),
# biber, and the Python readers bibtexparser (v2) and rispy.
set -euo pipefail

need_apt=()
command -v pandoc >/dev/null 2>&1 || need_apt+=(pandoc)
command -v bibtex >/dev/null 2>&1 || need_apt+=(texlive-binaries texlive-base)
command -v biber >/dev/null 2>&1 || need_apt+=(biber)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "install-interop-tools: need root to apt-get install ${need_apt[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

if ! python3 -c 'import bibtexparser, rispy, sys; sys.exit(0 if bibtexparser.__version__.startswith("2") else 1)' 2>/dev/null; then
  python3 -m pip install -q "bibtexparser==2.1.0" "rispy==0.10.0"
fi
echo "install-interop-tools: pandoc, bibtex, biber, bibtexparser 2, rispy ready"
