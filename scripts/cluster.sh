#!/usr/bin/env bash
# A local Skriptoteket cluster on loopback, against this machine's PostgreSQL and dockerd (docs/deployment.md):
#   scripts/cluster.sh up      start what is not running: 2 runner silos, 1 plain silo, 1 web node; wait until ready
#   scripts/cluster.sh down    stop (SIGTERM, then SIGKILL after 60 s) only the processes this script started
#   scripts/cluster.sh status  each process, its readiness, and the Orleans membership table's view of the cluster
# Every node is the same published host started by scripts/host.sh; only environment settings differ
# (docs/adr/0010-cluster-roles.md). State, logs and pids live in .local/cluster/.
# Environment: SKRIPTOTEKET_CLUSTER_RUNNERS (default 2), SKRIPTOTEKET_CLUSTER_PORT (web node's HTTP port,
# default 5180; node i uses port + i, silo port 11200 + offset + i, gateway 30200 + offset + i, metrics
# 9470 + offset + i, offset = port - 5180), SKRIPTOTEKET_CLUSTER_ID (default local-cluster),
# SKRIPTOTEKET_CLUSTER_POOL (connections per pool and node, default 8: four nodes share the local PostgreSQL's
# 100 connections with everything else on this machine; each node has two pools).
set -euo pipefail
cd "$(dirname "$0")/.."

state=.local/cluster
runners=${SKRIPTOTEKET_CLUSTER_RUNNERS:-2}
web_port=${SKRIPTOTEKET_CLUSTER_PORT:-5180}
offset=$((web_port - 5180))
cluster_id=${SKRIPTOTEKET_CLUSTER_ID:-local-cluster}
pool=${SKRIPTOTEKET_CLUSTER_POOL:-8}

log() { echo "[cluster] $*"; }
die() { echo "[cluster] ERROR: $*" >&2; exit 1; }

# name:role:index — the web node is index 0, so its port is the one to open in a browser.
nodes() {
  echo "web-1:web:0"
  local i
  for i in $(seq 1 "$runners"); do echo "runner-$i:runner:$i"; done
  echo "silo-1:silo:$((runners + 1))"
}

# The pid in a node's pid file when that process is alive, not a zombie, and is the published host.
node_pid() {
  local file="$state/$1.pid" pid
  [ -f "$file" ] || return 1
  pid=$(tr -dc '0-9' <"$file")
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || return 1
  [ "$(awk '{ print $3 }' "/proc/$pid/stat" 2>/dev/null)" != Z ] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q 'Skriptoteket.Silo.dll' || return 1
  echo "$pid"
}

http_status() { curl -s -o /dev/null -m 2 -w '%{http_code}' "http://127.0.0.1:$1$2" 2>/dev/null || true; }

ensure_environment() {
  [ -f .local/env.sh ] || scripts/prepare.sh
  # shellcheck source=/dev/null
  source .local/env.sh
  local stamp=.local/publish/.published
  if [ ! -f "$stamp" ] ||
    [ -n "$(find src -newer "$stamp" -type f -not -path '*/bin/*' -not -path '*/obj/*' -print -quit)" ]; then
    log "publishing the host (missing or older than src/)"
    scripts/publish.sh
  fi
}

start_node() {
  local name=$1 role=$2 index=$3 execution=false web=false
  if pid=$(node_pid "$name"); then
    log "$name already running (pid $pid)"
    return
  fi
  case $role in
    runner) execution=true ;;
    web) web=true ;;
  esac
  (
    export SKRIPTOTEKET_PORT=$((web_port + index))
    export Orleans__ClusterId="$cluster_id"
    export Orleans__SiloName="$name"
    export Orleans__SiloPort=$((11200 + offset + index))
    export Orleans__GatewayPort=$((30200 + offset + index))
    export Telemetry__MetricsPort=$((9470 + offset + index))
    export Execution__Enabled=$execution
    export Web__Enabled=$web
    export ConnectionStrings__Skriptoteket="$ConnectionStrings__Skriptoteket;Maximum Pool Size=$pool;Connection Idle Lifetime=60"
    # setsid: the node outlives this script's terminal; the inner shell writes its own pid, which the
    # host keeps (host.sh execs dotnet), so `down` signals exactly this process.
    setsid bash -c 'echo $$ >"$1"; exec scripts/host.sh' _ "$state/$name.pid" \
      >>"$state/$name.log" 2>&1 </dev/null &
  )
  log "$name ($role) starting on http://127.0.0.1:$((web_port + index)) (log: $state/$name.log)"
}

wait_ready() {
  local name=$1 index=$2 deadline=$((SECONDS + 120))
  while [ "$SECONDS" -lt "$deadline" ]; do
    node_pid "$name" >/dev/null || { tail -n 20 "$state/$name.log" >&2; die "$name exited while starting"; }
    [ "$(http_status $((web_port + index)) /readyz)" = 200 ] && return
    sleep 0.5
  done
  tail -n 20 "$state/$name.log" >&2
  die "$name was not ready within 120 s"
}

up() {
  ensure_environment
  mkdir -p "$state"
  local name role index
  while IFS=: read -r name role index; do start_node "$name" "$role" "$index"; done < <(nodes)
  while IFS=: read -r name role index; do wait_ready "$name" "$index"; done < <(nodes)
  log "cluster '$cluster_id' ready: open http://127.0.0.1:$web_port (dashboard: /dashboard)"
}

down() {
  local name role index pid stopped=()
  while IFS=: read -r name role index; do
    if pid=$(node_pid "$name"); then
      kill -TERM "$pid"
      stopped+=("$name:$pid")
    fi
  done < <(nodes)
  for entry in "${stopped[@]}"; do
    name=${entry%%:*} pid=${entry##*:}
    for _ in $(seq 1 120); do node_pid "$name" >/dev/null || break; sleep 0.5; done
    if node_pid "$name" >/dev/null; then
      log "$name (pid $pid) did not stop within 60 s: SIGKILL"
      kill -KILL "$pid"
    fi
    log "$name stopped"
  done
  while IFS=: read -r name role index; do rm -f "$state/$name.pid"; done < <(nodes)
  [ ${#stopped[@]} -gt 0 ] || log "nothing running"
}

status() {
  printf '%-10s %-7s %-8s %-6s %-6s %s\n' NODE ROLE PID HTTP READYZ LOG
  local name role index pid port
  while IFS=: read -r name role index; do
    port=$((web_port + index))
    if pid=$(node_pid "$name"); then
      printf '%-10s %-7s %-8s %-6s %-6s %s\n' "$name" "$role" "$pid" "$port" "$(http_status "$port" /readyz)" "$state/$name.log"
    else
      printf '%-10s %-7s %-8s %-6s %-6s %s\n' "$name" "$role" stopped "$port" - "$state/$name.log"
    fi
  done < <(nodes)
  [ -f .local/env.sh ] || return 0
  # shellcheck source=/dev/null
  source .local/env.sh
  echo
  echo "Membership table (cluster '$cluster_id'; status 3 = active, 6 = dead):"
  membership_query | column -t -s '|' || log "PostgreSQL does not answer"
}

# Host, port, database, user and password from the Npgsql connection string the nodes use.
membership_query() {
  local part key value host=127.0.0.1 port=5432 database=skriptoteket user=skriptoteket password=
  IFS=';' read -ra parts <<<"$ConnectionStrings__Skriptoteket"
  for part in "${parts[@]}"; do
    key=${part%%=*} value=${part#*=}
    case ${key,,} in
      host | server) host=$value ;;
      port) port=$value ;;
      database) database=$value ;;
      username | "user id" | user) user=$value ;;
      password) password=$value ;;
    esac
  done
  PGPASSWORD=$password psql -h "$host" -p "$port" -U "$user" -d "$database" -qAt -v ON_ERROR_STOP=1 -c "
    SELECT 'SILO|ADDRESS|STATUS|STARTED|LAST ALIVE'
    UNION ALL
    SELECT * FROM (SELECT silo_name || '|' || address || ':' || port || '|' || status || '|' ||
      to_char(start_time AT TIME ZONE 'UTC', 'HH24:MI:SS') || '|' || to_char(i_am_alive_time AT TIME ZONE 'UTC', 'HH24:MI:SS')
      FROM orleans_membership WHERE deployment_id = '$cluster_id' ORDER BY status, silo_name, start_time DESC) rows"
}

case ${1:-} in
  up) up ;;
  down) down ;;
  status) status ;;
  *) die "usage: scripts/cluster.sh up|down|status" ;;
esac
