#!/usr/bin/env bash
# Prepares this machine for Skriptoteket: Debian packages, a private PostgreSQL 15, the Docker
# engine and the runner image, then writes $STATE/env.sh for the callers to source.
# Idempotent and quick when everything is already there (every step checks before it acts).
#
#   scripts/prepare.sh [--with-browser]     (as root; --with-browser also installs chromium)
#
# Settings: SKRIPTOTEKET_STATE_DIR (default <repo>/.local), SKRIPTOTEKET_PG_PORT (55432),
# SKRIPTOTEKET_PG_PASSWORD (skriptoteket).
set -euo pipefail
umask 022 # the postgres user must be able to traverse the state dir

with_browser=0
for arg in "$@"; do
  case "$arg" in
    --with-browser) with_browser=1 ;;
    -h | --help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "unknown argument: $arg (usage: $0 [--with-browser])" >&2; exit 2 ;;
  esac
done

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
state=${SKRIPTOTEKET_STATE_DIR:-$repo/.local}
pg_port=${SKRIPTOTEKET_PG_PORT:-55432}
pg_password=${SKRIPTOTEKET_PG_PASSWORD:-skriptoteket}
pg_bin=/usr/lib/postgresql/15/bin
pg_data="$state/pgdata"
# A local cluster (several silo processes, each with its pools) and parallel test hosts need more than
# PostgreSQL's default 100 connections.
pg_max_connections=400
pg_options="-p $pg_port -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=$pg_max_connections"
docker=/usr/bin/docker # Debian's client (the /usr/local one lacks buildx)
export DEBIAN_FRONTEND=noninteractive

now_us() { echo "${EPOCHREALTIME/./}"; }
since() { local d=$(( $(now_us) - $1 )); printf '%d.%01ds' $((d / 1000000)) $((d % 1000000 / 100000)); }
log() { echo "[prepare] $*"; }
die() { echo "[prepare] ERROR: $*" >&2; exit 1; }
as_postgres() { runuser -u postgres -- "$@"; }

[ "$(id -u)" = 0 ] || die "run as root (installs packages, starts dockerd and PostgreSQL)"
t_all=$(now_us)
mkdir -p "$state"
# Parallel callers (e.g. two test runs) wait for each other instead of racing apt or initdb.
# fd 8 is closed for every daemon started below, or the daemon would hold the lock forever.
exec 8>"$state/prepare.lock"
flock 8

# --- Debian packages: look first, touch apt only when something is missing ------------------
t=$(now_us)
missing=()
{ command -v dockerd >/dev/null && [ -x /usr/bin/docker ]; } || missing+=(docker.io)
command -v debootstrap >/dev/null || missing+=(debootstrap)
{ [ -x "$pg_bin/initdb" ] && [ -x "$pg_bin/psql" ]; } || missing+=(postgresql-15)
if [ "$with_browser" = 1 ] && [ ! -x /usr/bin/chromium ]; then missing+=(chromium); fi
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]} (log: $state/apt.log)"
  # Keep package scripts from starting services (dockerd, a system PostgreSQL on 5432):
  # this script starts what it needs itself, its own way.
  policy=/usr/sbin/policy-rc.d
  own_policy=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod 755 "$policy" && own_policy=1
  fi
  apt_ok=1
  {
    apt-get update -q &&
      apt-get install -y -q --no-install-recommends --no-upgrade -o Dpkg::Use-Pty=0 "${missing[@]}"
  } >"$state/apt.log" 2>&1 || apt_ok=0
  [ "$own_policy" = 0 ] || rm -f "$policy"
  [ "$apt_ok" = 1 ] || { tail -n 30 "$state/apt.log" >&2; die "apt-get failed"; }
  log "packages installed in $(since "$t")"
else
  log "packages present ($(since "$t"))"
fi

# --- private PostgreSQL 15 on 127.0.0.1:$pg_port, socket in /tmp --------------------------------
t=$(now_us)
as_postgres test -x "$state" ||
  die "user postgres cannot reach $state: every parent folder needs o+x"

# PID 1 here does not reap children, so a dead postmaster can linger as a zombie whose PID still
# "exists": a pid/lock file naming a zombie or a non-postgres process is stale and must go.
stale_pid_file() {
  local file=$1 pid
  [ -f "$file" ] || return 1
  pid=$(head -n 1 "$file" 2>/dev/null | tr -dc '0-9')
  [ -n "$pid" ] || return 0
  [ -r "/proc/$pid/stat" ] || return 0
  [ "$(awk '{ print $3 }' "/proc/$pid/stat" 2>/dev/null)" != Z ] || return 0
  [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = postgres ] || return 0
  return 1
}

if [ ! -f "$pg_data/PG_VERSION" ]; then
  install -d -o postgres -g postgres -m 0700 "$pg_data"
  as_postgres "$pg_bin/initdb" -D "$pg_data" --auth-local=trust --auth-host=scram-sha-256 \
    -E UTF8 --locale=C.UTF-8 >"$state/initdb.log" 2>&1 ||
    { cat "$state/initdb.log" >&2; die "initdb failed"; }
fi
if ! as_postgres "$pg_bin/pg_isready" -q -h /tmp -p "$pg_port"; then
  for f in "$pg_data/postmaster.pid" "/tmp/.s.PGSQL.$pg_port.lock"; do
    if stale_pid_file "$f"; then rm -f "$f"; fi
  done
  touch "$state/postgres.log" && chown postgres:postgres "$state/postgres.log"
  if [ -f "$pg_data/postmaster.pid" ]; then
    log "postgres is starting up already; waiting"
  else
    as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -w -t 60 -l "$state/postgres.log" start \
      -o "$pg_options" >/dev/null 8>&- ||
      { tail -n 20 "$state/postgres.log" >&2; die "PostgreSQL did not start"; }
  fi
  for _ in $(seq 1 300); do
    as_postgres "$pg_bin/pg_isready" -q -h /tmp -p "$pg_port" && break
    sleep 0.1
  done
  as_postgres "$pg_bin/pg_isready" -q -h /tmp -p "$pg_port" ||
    { tail -n 20 "$state/postgres.log" >&2; die "PostgreSQL is not accepting connections"; }
fi
if [ "$(as_postgres "$pg_bin/psql" -h /tmp -p "$pg_port" -U postgres -d postgres -qAtc 'SHOW max_connections')" -lt "$pg_max_connections" ]; then
  log "restarting postgres with max_connections=$pg_max_connections (it was started with fewer)"
  as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -w -t 60 -m fast -l "$state/postgres.log" restart \
    -o "$pg_options" >/dev/null 8>&- ||
    { tail -n 20 "$state/postgres.log" >&2; die "PostgreSQL did not restart"; }
fi
# Role and database, idempotently, in one psql round trip. The password is (re)set every time so
# that changing SKRIPTOTEKET_PG_PASSWORD takes effect.
as_postgres "$pg_bin/psql" -h /tmp -p "$pg_port" -U postgres -d postgres -qAt -v ON_ERROR_STOP=1 \
  -v pw="$pg_password" >/dev/null <<'SQL'
SELECT 'CREATE ROLE skriptoteket' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'skriptoteket') \gexec
ALTER ROLE skriptoteket WITH LOGIN CREATEDB PASSWORD :'pw';
SELECT 'CREATE DATABASE skriptoteket OWNER skriptoteket' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'skriptoteket') \gexec
SQL
log "postgres ready on 127.0.0.1:$pg_port in $(since "$t")"

# --- Docker engine (no systemd here: start dockerd ourselves) ------------------------------------
t=$(now_us)
if ! "$docker" info >/dev/null 2>&1; then
  pid=$(cat /var/run/docker.pid 2>/dev/null || true)
  if [ -n "$pid" ] && [ "$(awk '{ print $3 }' "/proc/$pid/stat" 2>/dev/null)" != Z ] &&
    [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = dockerd ]; then
    log "dockerd (pid $pid) is starting up already; waiting"
  else
    rm -f /var/run/docker.pid
    # setsid + redirects: the daemon must not hold our caller's terminal or pipes open.
    (setsid dockerd </dev/null >>"$state/dockerd.log" 2>&1 8>&- &)
  fi
  for _ in $(seq 1 150); do
    "$docker" info >/dev/null 2>&1 && break
    sleep 0.2
  done
  "$docker" info >/dev/null 2>&1 || { tail -n 20 "$state/dockerd.log" >&2; die "dockerd did not come up"; }
  log "dockerd started in $(since "$t")"
else
  log "dockerd running ($(since "$t"))"
fi

# --- runner image (content-hashed: a no-op unless runner-image/ changed) -------------------------
t=$(now_us)
runner_image=$(SKRIPTOTEKET_STATE_DIR="$state" "$repo/runner-image/build.sh" 8>&-)
log "runner image $runner_image ($(since "$t"))"

# --- env.sh for callers: `. .local/env.sh` ------------------------------------------------------
conn="Host=127.0.0.1;Port=$pg_port;Database=skriptoteket;Username=skriptoteket;Password=$pg_password"
# Tests create and drop their own databases: same user (it has CREATEDB), maintenance database.
admin="Host=127.0.0.1;Port=$pg_port;Database=postgres;Username=skriptoteket;Password=$pg_password"
export_line() { local q="'\\''"; printf "export %s='%s'\n" "$1" "${2//\'/$q}"; }
{
  echo "# Written by scripts/prepare.sh; regenerated on every run."
  export_line ConnectionStrings__Skriptoteket "$conn"
  export_line SKRIPTOTEKET_PG_ADMIN "$admin"
  export_line Execution__RunnerImage "$runner_image"
  export_line Execution__DockerEndpoint unix:///var/run/docker.sock
  # Also when chromium is already there, so a later run without the flag does not drop it.
  if [ "$with_browser" = 1 ] || [ -x /usr/bin/chromium ]; then
    export_line SKRIPTOTEKET_CHROMIUM /usr/bin/chromium
  fi
} >"$state/env.sh.tmp"
mv "$state/env.sh.tmp" "$state/env.sh"
log "wrote $state/env.sh; all done in $(since "$t_all")"
