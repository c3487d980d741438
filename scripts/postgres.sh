# Sourced by test.sh: starts a throwaway PostgreSQL (Debian's package) for the tests that run
# against it, on a private socket directory and port, and exports CHECKOUT_TEST_POSTGRES_URL
# (an admin URL; each test creates its own database). The cluster is removed on exit.

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$pg_bin" ]; then
  echo "PostgreSQL is not installed (scripts/setup.sh installs Debian's postgresql)." >&2
  return 1
fi
pg_root=$(mktemp -d /tmp/checkout-pg.XXXXXX)
pg_port=${CHECKOUT_TEST_POSTGRES_PORT:-54329}
# initdb refuses to run as root: run the cluster as Debian's postgres user then.
if [ "$(id -u)" -eq 0 ]; then
  chown postgres "$pg_root"
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi
as_pg "$pg_bin/initdb" -D "$pg_root/data" -U checkout --auth=trust -E UTF8 >"$pg_root/initdb.log" 2>&1 || { cat "$pg_root/initdb.log" >&2; return 1; }
as_pg "$pg_bin/pg_ctl" -D "$pg_root/data" -l "$pg_root/server.log" -w \
  -o "-k $pg_root -p $pg_port -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null \
  || { cat "$pg_root/server.log" >&2; return 1; }
export CHECKOUT_TEST_POSTGRES_URL="postgres://checkout@127.0.0.1:$pg_port/postgres"
stop_postgres() { as_pg "$pg_bin/pg_ctl" -D "$pg_root/data" -m immediate stop >/dev/null 2>&1; rm -rf "$pg_root"; }
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port for the tests"
