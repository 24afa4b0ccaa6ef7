#!/usr/bin/env bash
# Start or stop a throwaway PostgreSQL cluster for the tests, and a streaming replica of it.
#   scripts/pg.sh start DIR     → a primary in DIR/data; prints its connection URL on stdout
#   scripts/pg.sh replica DIR   → a hot standby of DIR's primary in DIR/replica (pg_basebackup -R,
#                                 streaming replication); prints the standby's URL on stdout
#   scripts/pg.sh stop DIR      → stops the replica (if any) and the primary, removes DIR
# PERFBUDGET_PG_OPTIONS adds server options, e.g. "-c shared_buffers=1GB" for the province-size
# benchmarks (docs/scale.md, "Server settings").
# As root, the clusters run as the unprivileged user "perfbudget-test" (created if missing),
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
# Throwaway settings (no fsync), plus what a streaming replica needs from its primary:
# wal_level=replica and WAL senders (initdb's pg_hba.conf already trusts replication from 127.0.0.1).
server_options() {
  echo "-p $1 -k $2 -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c wal_level=replica -c max_wal_senders=10 -c hot_standby=on ${PERFBUDGET_PG_OPTIONS:-}"
}
new_port() { echo "${PERFBUDGET_TEST_PG_PORT:-$(( 40000 + RANDOM % 20000 ))}"; }
case "$action" in
  start)
    if [ -z "$bindir" ]; then echo "没有找到 PostgreSQL（initdb）。" >&2; exit 3; fi
    if [ "$(id -u)" = "0" ] && ! id perfbudget-test >/dev/null 2>&1; then
      useradd --system --no-create-home --shell /usr/sbin/nologin perfbudget-test
    fi
    mkdir -p "$dir"
    [ "$(id -u)" = "0" ] && chown perfbudget-test "$dir"
    port="$(new_port)"
    run_as "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || run_as "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1
    # Make sure replication connections from 127.0.0.1 are trusted (initdb adds this line; keep it explicit).
    grep -qE '^host[[:space:]]+replication[[:space:]]+all[[:space:]]+127\.0\.0\.1/32[[:space:]]+trust' "$dir/data/pg_hba.conf" \
      || echo "host replication all 127.0.0.1/32 trust" >>"$dir/data/pg_hba.conf"
    run_as "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o "$(server_options "$port" "$dir")" start >/dev/null
    echo "postgresql+psycopg://postgres@127.0.0.1:$port/postgres"
    ;;
  replica)
    if [ -z "$bindir" ]; then echo "没有找到 PostgreSQL（pg_basebackup）。" >&2; exit 3; fi
    if [ ! -f "$dir/data/postmaster.pid" ]; then echo "主库未运行：$dir/data（先运行 scripts/pg.sh start $dir）" >&2; exit 4; fi
    primary_port="$(sed -n 4p "$dir/data/postmaster.pid")"
    port="$(new_port)"
    while [ "$port" = "$primary_port" ]; do port="$(( 40000 + RANDOM % 20000 ))"; done
    # -R writes standby.signal, primary_conninfo and primary_slot_name; -X stream copies the WAL made during
    # the copy. -C -S: a physical replication slot, so the primary keeps every WAL segment until the standby
    # has received it. Without it a busy primary (the tests' DROP DATABASE forces a checkpoint each time)
    # can recycle a segment the standby has not fetched yet, and streaming stops for good.
    run_as "$bindir/pg_basebackup" -h 127.0.0.1 -p "$primary_port" -U postgres -D "$dir/replica" -R -X stream \
      -C -S perfbudget_replica -c fast >"$dir/basebackup.log" 2>&1
    run_as "$bindir/pg_ctl" -D "$dir/replica" -l "$dir/replica.log" -w -o "$(server_options "$port" "$dir")" start >/dev/null
    echo "postgresql+psycopg://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    if [ -n "$bindir" ]; then
      for cluster in "$dir/replica" "$dir/data"; do
        if [ -d "$cluster" ]; then run_as "$bindir/pg_ctl" -D "$cluster" -m fast -w stop >/dev/null 2>&1 || true; fi
      done
    fi
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start|replica|stop DIR" >&2; exit 2 ;;
esac
