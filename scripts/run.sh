#!/usr/bin/env bash
# The main job on the embedded default: read the seed table and print it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-venv.sh
seed="${PERFBUDGET_SEED:-../shared/seeds/000_e2047472f0d7711d.txt}"
.venv/bin/perfbudget read "$seed"
