#!/usr/bin/env bash
# Create .venv (Python 3.11+) and install perfbudget into it; re-installs only when pyproject.toml changed.
# Usage: scripts/setup-venv.sh [dev]
set -euo pipefail
cd "$(dirname "$0")/.."
extra="${1:-}"
py=""
for candidate in python3.13 python3.12 python3.11 python3; do
  if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    py="$candidate"; break
  fi
done
if [ -z "$py" ]; then
  echo "perfbudget 需要 Python 3.11 或更高版本，但没有找到（python3.11/python3）。" >&2
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  echo "» 创建虚拟环境 .venv（$($py --version)）"
  "$py" -m venv .venv
fi
stamp=".venv/.perfbudget-installed${extra:+-$extra}"
want="$(sha256sum pyproject.toml | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "» 安装依赖（pip install -e .${extra:+[$extra]}）"
  .venv/bin/python -m pip install --quiet --upgrade pip >/dev/null 2>&1 || true
  .venv/bin/python -m pip install --quiet -e ".${extra:+[$extra]}"
  echo "$want" > "$stamp"
fi
