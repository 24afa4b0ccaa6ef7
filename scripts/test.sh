#!/usr/bin/env bash
# The whole test suite on a fresh machine: virtualenv, system parts, lint, types, tests.
# As root it installs what the tests use (PostgreSQL server, Chromium) when missing;
# otherwise it says plainly what is missing. A throwaway PostgreSQL cluster is started
# for the store tests, with a streaming replica of it (read routing tests), and both are
# stopped afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
have_pg() { ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1; }
have_pg || need_apt+=(postgresql)
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v soffice >/dev/null 2>&1 || need_apt+=(libreoffice-writer-nogui libreoffice-calc-nogui)
if [ "${#need_apt[@]}" -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "» 安装系统组件：${need_apt[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${need_apt[@]}" fonts-noto-cjk >/dev/null
  else
    echo "缺少系统组件：${need_apt[*]}（请以 root 运行本脚本自动安装，或自行安装）。依赖它们的测试将失败。" >&2
  fi
fi

bash scripts/setup-venv.sh dev

pgdir="$(mktemp -d /tmp/perfbudget-pg.XXXXXX)"
cleanup() {
  status=$?
  # On a failure, what the standby logged of its streaming (the replica tests depend on it).
  if [ "$status" -ne 0 ] && [ -f "$pgdir/replica.log" ]; then
    grep -E "FATAL|ERROR|PANIC|WARNING" "$pgdir/replica.log" | grep -v "does not exist" | tail -n 20 >&2 || true
  fi
  bash scripts/pg.sh stop "$pgdir"
}
trap cleanup EXIT
if url="$(bash scripts/pg.sh start "$pgdir")"; then
  export PERFBUDGET_TEST_PG="$url"
  echo "» 临时 PostgreSQL 已启动：$url"
  if replica_url="$(bash scripts/pg.sh replica "$pgdir")"; then
    export PERFBUDGET_TEST_PG_REPLICA="$replica_url"
    echo "» 流复制只读副本已启动：$replica_url"
  else
    echo "无法启动流复制只读副本，副本测试将失败（见 $pgdir/*.log）。" >&2
  fi
else
  echo "无法启动临时 PostgreSQL，PostgreSQL 测试将失败（见 $pgdir/*.log）。" >&2
fi
if command -v chromium >/dev/null 2>&1; then export PERFBUDGET_TEST_CHROMIUM="$(command -v chromium)"; fi

echo "» ruff"
.venv/bin/ruff check src tests bench scripts
echo "» mypy"
.venv/bin/mypy
echo "» pytest"
# Three workers on two cores (many tests wait on LibreOffice, Chromium or PostgreSQL); worksteal: a worker that
# runs out takes half of the longest queue, so slow tests queued together do not end the run on one worker
# (docs/development.md).
.venv/bin/python -m pytest -n 3 --dist worksteal -q "$@"
