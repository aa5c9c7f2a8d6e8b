#!/usr/bin/env bash
# Several portal instances behind nginx, proven live (issue 14, docs/decisions/0009, docs/operations.md):
#   scripts/scale-out.sh                  everything below, about 3 minutes
#   scripts/scale-out.sh --duration 20    seconds of wrk during the kill -9 (default 20); throughput runs take half
#   scripts/scale-out.sh --keep           leave the work folder (logs, nginx.conf) in place
# It publishes the portal (Release), starts a throwaway PostgreSQL cluster, Redis, three portal instances
# (Production, Database__Provider=PostgreSql, ConnectionStrings__Redis, one shared uploads folder) and nginx in front
# of them with TLS, then checks and prints a table:
#   1. sign in through nginx and keep working (12 bulletins saved) while requests land on different instances;
#   2. publish through one instance, read it on each of the others (straight to them) within 2 s;
#   3. wrk through nginx while one instance is killed with kill -9 and restarted: no failed request, no 500;
#   4. a known number of residents through nginx: every instance shows the exact figure within 5 s, and after a
#      graceful stop of all three the stored totals equal the requests made;
#   5. throughput through nginx to one instance and to three, on this same machine.
# Everything listens on 127.0.0.1 only. Not part of CI (.ci/run). Needs root for apt-get (nginx, wrk, redis-server,
# postgresql) and to run PostgreSQL as the postgres user. Exit code 0 when every check passes.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

DURATION=20
KEEP=0
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) DURATION="$2"; shift ;;
    --keep) KEEP=1 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
need() { command -v "$1" >/dev/null 2>&1; }
missing=()
need nginx || [ -x /usr/sbin/nginx ] || missing+=(nginx)
need wrk || missing+=(wrk)
need redis-server || missing+=(redis-server)
need curl || missing+=(curl)
need openssl || missing+=(openssl)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} (Debian packages)..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)

WORK=$(mktemp -d /tmp/d5news-scale-out-XXXXXX)
chmod 755 "$WORK"
PIDS=()
PG_STARTED=0
cleanup() {
  set +e
  # The instances first, and waited for: their last counts are written before the database stops.
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null; done
  [ -f "$WORK/nginx/nginx.pid" ] && kill "$(cat "$WORK/nginx/nginx.pid")" 2>/dev/null
  [ -f "$WORK/redis/redis.pid" ] && kill "$(cat "$WORK/redis/redis.pid")" 2>/dev/null
  [ "$PG_STARTED" = 1 ] && as_postgres "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -m fast -w stop >/dev/null 2>&1
  if [ "$KEEP" = 1 ]; then echo "Work folder kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

free_port() {
  local p
  for p in $(seq "$1" $(($1 + 300))); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null && ! grep -qx "$p" "$WORK/ports" 2>/dev/null; then
      echo "$p" >>"$WORK/ports"; echo "$p"; return
    fi
  done
  echo "no free port" >&2; exit 1
}

echo "Load before the run (the machine is shared): $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
echo "Publishing the portal (Release)..."
dotnet publish src/District5News.Web -c Release -o "$WORK/portal" --nologo -v quiet >/dev/null

# --- PostgreSQL: a throwaway cluster in the work folder, as the integration tests start it -----------------------
PG_PORT=$(free_port 25432)
mkdir -p "$WORK/pg"
[ "$(id -u)" = 0 ] && chown postgres: "$WORK/pg"
as_postgres "$PG_BIN/initdb" -D "$WORK/pg/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_postgres "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/server.log" -w start \
  -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$WORK/pg -c max_connections=300" >/dev/null
PG_STARTED=1
NEWS="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=district5news"
psql_value() { "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d district5news -tAc "$1"; }

# --- Redis: the shared page cache and the content-change channel ------------------------------------------------
REDIS_PORT=$(free_port 26379)
mkdir -p "$WORK/redis"
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$WORK/redis" --save "" --appendonly no \
  --maxmemory 256mb --maxmemory-policy allkeys-lru --daemonize yes --pidfile "$WORK/redis/redis.pid" \
  --logfile "$WORK/redis/redis.log"

# --- The portal: three instances on one database, one Redis, one uploads folder ----------------------------------
NGINX_PORT=$(free_port 18443)
SINGLE_PORT=$(free_port 18444)
PORTS=($(free_port 15001) $(free_port 15002) $(free_port 15003))
mkdir -p "$WORK/uploads" "$WORK/logs"
portal_env() { # name, then the command; called in a subshell, which it becomes
  exec env ASPNETCORE_ENVIRONMENT=Production DOTNET_hostBuilder__reloadConfigOnChange=false \
    Database__Provider=PostgreSql ConnectionStrings__News="$NEWS" ConnectionStrings__Redis="127.0.0.1:$REDIS_PORT" \
    Uploads__Path="$WORK/uploads" Site__BaseUrl="https://127.0.0.1:$NGINX_PORT" AllowedHosts="127.0.0.1" \
    Serilog__WriteTo__1__Args__path="$WORK/logs/portal-$1-.log" "${@:2}"
}
ADMIN=admin@quan5.gov.vn
PASSWORD="Scale#Out$(date +%s)"
(cd "$WORK/portal" && echo "$PASSWORD" | portal_env setup Database__CreateIfMissing=true dotnet District5News.Web.dll create-user --email "$ADMIN" --role Administrator >/dev/null)

INSTANCE_PID=()
start_instance() { # index
  local i=$1
  (cd "$WORK/portal" && portal_env "$i" dotnet District5News.Web.dll --urls "http://127.0.0.1:${PORTS[$i]}" >>"$WORK/logs/instance-$i.out" 2>&1) &
  INSTANCE_PID[$i]=$!
  PIDS+=($!)
}
wait_ready() { # index
  local i=$1
  for _ in $(seq 1 600); do
    curl -fs -o /dev/null "http://127.0.0.1:${PORTS[$i]}/healthz/ready" && return 0
    sleep 0.1
  done
  echo "instance $i did not become ready" >&2; exit 1
}
for i in 0 1 2; do start_instance "$i"; done
for i in 0 1 2; do wait_ready "$i"; done
echo "Instances ready on ${PORTS[*]}; PostgreSQL on $PG_PORT, Redis on $REDIS_PORT."

# --- nginx: TLS in front, the configuration of docs/operations.md on 127.0.0.1 ------------------------------------
mkdir -p "$WORK/nginx/tmp"
chmod -R 777 "$WORK/nginx/tmp"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1" \
  -keyout "$WORK/nginx/key.pem" -out "$WORK/nginx/cert.pem" 2>/dev/null
cat >"$WORK/nginx/nginx.conf" <<NGINX
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
    client_body_temp_path $WORK/nginx/tmp/body;
    proxy_temp_path $WORK/nginx/tmp/proxy;
    fastcgi_temp_path $WORK/nginx/tmp/fastcgi;
    uwsgi_temp_path $WORK/nginx/tmp/uwsgi;
    scgi_temp_path $WORK/nginx/tmp/scgi;
    log_format balanced '\$status "\$upstream_addr" "\$upstream_status" \$request_method \$request_uri';
    access_log $WORK/nginx/access.log balanced;
    server_tokens off;

    upstream portal {
        server 127.0.0.1:${PORTS[0]} max_fails=1 fail_timeout=5s;
        server 127.0.0.1:${PORTS[1]} max_fails=1 fail_timeout=5s;
        server 127.0.0.1:${PORTS[2]} max_fails=1 fail_timeout=5s;
        keepalive 32;
    }
    upstream portal_single {
        server 127.0.0.1:${PORTS[0]};
        keepalive 32;
    }

    proxy_http_version 1.1;
    proxy_set_header Host              \$host;
    proxy_set_header X-Forwarded-Proto \$scheme;
    proxy_set_header X-Forwarded-For   \$remote_addr;
    proxy_set_header Connection        "";
    # A request whose instance died before answering goes to the next one; only GET/HEAD (idempotent) are retried.
    proxy_next_upstream error timeout http_502 http_503 http_504;
    proxy_next_upstream_tries 3;
    proxy_connect_timeout 2s;
    client_max_body_size 8m;

    server {
        listen 127.0.0.1:$NGINX_PORT ssl;
        server_name 127.0.0.1;
        ssl_certificate     $WORK/nginx/cert.pem;
        ssl_certificate_key $WORK/nginx/key.pem;
        # For this script only: which instance answered.
        add_header X-Upstream \$upstream_addr always;
        location / { proxy_pass http://portal; }
    }
    server {
        listen 127.0.0.1:$SINGLE_PORT ssl;
        server_name 127.0.0.1;
        ssl_certificate     $WORK/nginx/cert.pem;
        ssl_certificate_key $WORK/nginx/key.pem;
        location / { proxy_pass http://portal_single; }
    }
}
NGINX
"$NGINX" -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" -e "$WORK/nginx/error.log"
BASE="https://127.0.0.1:$NGINX_PORT"
DRIVE="python3 $ROOT/scripts/scale-out.py"
RESULTS=()
FAILED=0
row() { RESULTS+=("| $1 | $2 | $3 |"); [ "$3" = pass ] || FAILED=1; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

# 1. Staff work through nginx while requests land on every instance.
echo "1. Signing in and saving 12 bulletins through nginx..."
WORKED=$($DRIVE work "$BASE" "$ADMIN" "$PASSWORD" 12)
SPREAD=$(echo "$WORKED" | json "', '.join(f'{k}: {v}' for k, v in sorted(d['upstreams'].items()))")
INSTANCES_USED=$(echo "$WORKED" | json "len(d['upstreams'])")
WORK_FAILURES=$(echo "$WORKED" | json "len(d['failures'])")
echo "$WORKED" | json "'\n'.join(d['paths'])" >"$WORK/paths"
row "Sign in through nginx, save 12 bulletins (form, save, list each)" "requests by instance: $SPREAD; $WORK_FAILURES failed" \
  "$([ "$INSTANCES_USED" = 3 ] && [ "$WORK_FAILURES" = 0 ] && echo pass || echo FAIL)"

# 2. Publish through one instance, read on the others.
echo "2. Publishing through one instance, reading on the others..."
INSTANCE_URLS=()
for p in "${PORTS[@]}"; do INSTANCE_URLS+=("http://127.0.0.1:$p"); done
PUBLISHED=$($DRIVE publish "$BASE" "$ADMIN" "$PASSWORD" "${INSTANCE_URLS[@]}")
ON=$(echo "$PUBLISHED" | json "d['publishedOn']")
SEEN=$(echo "$PUBLISHED" | json "'; '.join(f'{k.split(\":\")[-1]}: {v} ms' for k, v in d['visibleAfterMs'].items() if not '$ON'.endswith(k.split(':')[-1]))")
SLOWEST=$(echo "$PUBLISHED" | json "max(d['visibleAfterMs'].values()) if len(d['visibleAfterMs']) == 3 else 99999")
row "Publish through ${ON##*:}, home page of the other instances (straight to them) shows it" "$SEEN" \
  "$([ "$SLOWEST" -le 2000 ] && echo pass || echo FAIL)"

# 3. wrk through nginx; one instance killed with kill -9 after a quarter of the run, restarted at half.
cat >"$WORK/mix.lua" <<LUA
local paths = { "/" }
for line in io.lines("$WORK/paths") do paths[#paths + 1] = line end
local n = 0
wrk.headers["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36"
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1])
end
LUA
echo "3. wrk through nginx for ${DURATION} s, kill -9 of one instance and its restart..."
: >"$WORK/nginx/access.log"
wrk -t1 -c16 -d"${DURATION}s" --timeout 10s -s "$WORK/mix.lua" "$BASE" >"$WORK/wrk-kill.txt" 2>&1 &
WRK_PID=$!
sleep $((DURATION / 4))
kill -9 "${INSTANCE_PID[1]}"
KILLED_AT=$(date +%s.%N)
sleep $((DURATION / 4))
start_instance 1
wait_ready 1
RESTARTED_IN=$(python3 -c "import time; print(round(time.time() - $KILLED_AT, 1))")
wait "$WRK_PID"
REQUESTS=$(awk '/requests in/ {print $1}' "$WORK/wrk-kill.txt")
NON2XX=$(awk -F': *' '/Non-2xx/ {print $2}' "$WORK/wrk-kill.txt"); NON2XX=${NON2XX:-0}
SOCKET=$(awk '/Socket errors/ {s=0; for (i=1;i<=NF;i++) if ($i ~ /^[0-9]+,?$/) s+=$i; print s}' "$WORK/wrk-kill.txt"); SOCKET=${SOCKET:-0}
FIVEXX=$(awk '$1 ~ /^5/' "$WORK/nginx/access.log" | wc -l)
RETRIED=$(grep -c ', 127.0.0.1:' "$WORK/nginx/access.log" || true)
RPS=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk-kill.txt")
row "wrk ${DURATION} s through nginx; instance ${PORTS[1]} killed (kill -9) at $((DURATION / 4)) s, back ${RESTARTED_IN} s later" \
  "$REQUESTS requests ($RPS/s), $NON2XX non-2xx, $SOCKET socket errors, $FIVEXX answered 5xx; nginx retried $RETRIED on another instance" \
  "$([ "$NON2XX" = 0 ] && [ "$SOCKET" = 0 ] && [ "$FIVEXX" = 0 ] && echo pass || echo FAIL)"

# 4. Exact counts: a new bulletin, 300 residents through nginx, figures shown within 5 s, totals after a graceful stop.
echo "4. Counting 300 residents through three instances..."
sleep 2 # everything counted so far is written (flush every second)
VISITS_BEFORE=$(psql_value 'SELECT "Visits" FROM "SiteCounters"')
COUNTED_PATH=$($DRIVE work "$BASE" "$ADMIN" "$PASSWORD" 1 | json "d['paths'][0]")
COUNTED_ID=$(echo "$COUNTED_PATH" | cut -d/ -f3)
COUNTED=$($DRIVE count "$BASE" "$COUNTED_PATH" 300)
COUNT_SPREAD=$(echo "$COUNTED" | json "', '.join(f'{k.split(\":\")[-1]}: {v}' for k, v in sorted(d['upstreams'].items()))")
COUNT_FAILURES=$(echo "$COUNTED" | json "len(d['failures'])")
sleep 5
SHOWN=()
for url in "${INSTANCE_URLS[@]}"; do SHOWN+=("$($DRIVE shown "$url" "$COUNTED_PATH")"); done
row "300 residents read one bulletin through nginx ($COUNT_SPREAD); 5 s later each instance shows" \
  "${SHOWN[*]}" "$([ "${SHOWN[*]}" = "300 300 300" ] && [ "$COUNT_FAILURES" = 0 ] && echo pass || echo FAIL)"
for i in 0 1 2; do kill -TERM "${INSTANCE_PID[$i]}"; done
for i in 0 1 2; do wait "${INSTANCE_PID[$i]}" 2>/dev/null || true; done
STORED_VIEWS=$(psql_value "SELECT \"Views\" FROM \"Articles\" WHERE \"Id\" = $COUNTED_ID")
VISITS_AFTER=$(psql_value 'SELECT "Visits" FROM "SiteCounters"')
row "Graceful stop of all three (SIGTERM), then the database" \
  "bulletin views $STORED_VIEWS, site visits +$((VISITS_AFTER - VISITS_BEFORE))" \
  "$([ "$STORED_VIEWS" = 300 ] && [ $((VISITS_AFTER - VISITS_BEFORE)) = 300 ] && echo pass || echo FAIL)"

# 5. Throughput: one instance and three, through nginx, the same mix.
echo "5. Throughput, one instance and three..."
for i in 0 1 2; do start_instance "$i"; done
for i in 0 1 2; do wait_ready "$i"; done
HALF=$((DURATION / 2))
# Warm each instance (JIT, its connections) straight, then through nginx.
for p in "${PORTS[@]}"; do while read -r path; do curl -s -o /dev/null "http://127.0.0.1:$p$path"; done < <(echo /; cat "$WORK/paths"); done
wrk -t1 -c16 -d3s --timeout 10s -s "$WORK/mix.lua" "$BASE" >/dev/null 2>&1
wrk -t1 -c16 -d"${HALF}s" --timeout 10s --latency -s "$WORK/mix.lua" "https://127.0.0.1:$SINGLE_PORT" >"$WORK/wrk-one.txt" 2>&1
wrk -t1 -c16 -d"${HALF}s" --timeout 10s --latency -s "$WORK/mix.lua" "$BASE" >"$WORK/wrk-three.txt" 2>&1
ONE=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk-one.txt")
THREE=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk-three.txt")
ONE_P99=$(awk '/ 99%/ {print $2}' "$WORK/wrk-one.txt")
THREE_P99=$(awk '/ 99%/ {print $2}' "$WORK/wrk-three.txt")
row "Throughput through nginx, ${HALF} s each, 16 connections, $(nproc) cores shared by everything" \
  "one instance $ONE req/s (p99 ${ONE_P99:-?}); three instances $THREE req/s (p99 ${THREE_P99:-?})" pass

echo
echo "| check | result | |"
echo "| --- | --- | --- |"
printf '%s\n' "${RESULTS[@]}"
echo
echo "Load after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
exit $FAILED
