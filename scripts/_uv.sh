# Sourced by the scripts: make sure uv is there, then install the locked workspace.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if command -v uv >/dev/null 2>&1; then
  UV=(uv)
else
  if ! python3 -m uv --version >/dev/null 2>&1; then
    echo "Installing uv (the Python package manager this project uses)…" >&2
    python3 -m pip install --quiet --disable-pip-version-check uv
  fi
  UV=(python3 -m uv)
fi
"${UV[@]}" sync --locked --all-packages --quiet
