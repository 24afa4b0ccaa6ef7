#!/usr/bin/env bash
# Start or stop a throwaway PostgreSQL cluster for the tests.
#   scripts/pg.sh start DIR   → prints the connection URL on stdout
#   scripts/pg.sh stop DIR
# As root, the cluster runs as the unprivileged user "perfbudget-test" (created if missing),
# since PostgreSQL refuses to run as root.
set -euo pipefail
action="$1"; dir="$2"
bindir=""
for candidate in /usr/lib/postgresql/*/bin; do
  [ -x "$candidate/initdb" ] && bindir="$candidate"
done
if [ -z "$bindir" ] && command -v initdb >/dev/null 2>&1; then bindir="$(dirname "$(command -v initdb)")"; fi
run_as() {
  if [ "$(id -u)" = "0" ]; then runuser -u perfbudget-test -- "$@"; else "$@"; fi
}
case "$action" in
  start)
    if [ -z "$bindir" ]; then echo "没有找到 PostgreSQL（initdb）。" >&2; exit 3; fi
    if [ "$(id -u)" = "0" ] && ! id perfbudget-test >/dev/null 2>&1; then
      useradd --system --no-create-home --shell /usr/sbin/nologin perfbudget-test
    fi
    mkdir -p "$dir"
    [ "$(id -u)" = "0" ] && chown perfbudget-test "$dir"
    port="${PERFBUDGET_TEST_PG_PORT:-$(( 40000 + RANDOM % 20000 ))}"
    run_as "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || run_as "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1
    run_as "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null
    echo "postgresql+psycopg://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    if [ -n "$bindir" ] && [ -d "$dir/data" ]; then
      run_as "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
