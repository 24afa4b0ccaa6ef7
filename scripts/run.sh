#!/usr/bin/env bash
# The main job on the embedded default: import the seed table into the default SQLite database
# (perfbudget.db in the current directory), list what was stored, review it, create a demo admin
# account and start the web application, printing the address and the credentials.
# Environment: PERFBUDGET_SEED, PERFBUDGET_DB, PERFBUDGET_HOST, PERFBUDGET_PORT,
# PERFBUDGET_DEMO_USER, PERFBUDGET_DEMO_PASSWORD.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-venv.sh
seed="${PERFBUDGET_SEED:-examples/000_e2047472f0d7711d.txt}"
export PERFBUDGET_DB="${PERFBUDGET_DB:-sqlite:///perfbudget.db}"
host="${PERFBUDGET_HOST:-127.0.0.1}"
port="${PERFBUDGET_PORT:-8000}"
pb=.venv/bin/perfbudget

$pb import "$seed"
$pb list projects
# The review's findings are shown in the web app too; exit code 1 (findings at error level) is expected here.
$pb review --db "$PERFBUDGET_DB" --save --actor 演示审核 2>&1 | tail -n 3 || true

demo_user="${PERFBUDGET_DEMO_USER:-admin}"
demo_password="${PERFBUDGET_DEMO_PASSWORD:-perfbudget-demo}"
users="$($pb user list --json)"
if grep -q "\"username\": \"$demo_user\"" <<<"$users"; then
  $pb user passwd "$demo_user" --password "$demo_password" >/dev/null
else
  $pb user add "$demo_user" --role admin --name 演示管理员 --password "$demo_password" >/dev/null
fi
echo
echo "网页端 · web app: http://$host:$port/    演示账号 · demo account: $demo_user    密码 · password: $demo_password"
echo "（按 Ctrl+C 停止 · press Ctrl+C to stop）"
exec $pb serve --host "$host" --port "$port"
