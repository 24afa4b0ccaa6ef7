#!/usr/bin/env bash
# The main job on the embedded default: import the seed table into the default SQLite
# database (perfbudget.db in the current directory) and list what was stored.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-venv.sh
seed="${PERFBUDGET_SEED:-../shared/seeds/000_e2047472f0d7711d.txt}"
.venv/bin/perfbudget import "$seed"
.venv/bin/perfbudget list projects
