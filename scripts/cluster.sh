#!/usr/bin/env bash
# A ConnectUi cluster on this machine: PostgreSQL (an unprivileged cluster in a temporary folder), Redis on a loopback
# port, N ConnectUi instances (the published app) and nginx in front with sticky sessions (deploy/nginx/).
#
#   scripts/cluster.sh                      start (2 instances); prints the proxy address and writes DIR/cluster.env
#   scripts/cluster.sh --instances 3        start 3 instances
#   scripts/cluster.sh --dir DIR            keep everything in DIR (default: $TMPDIR/connectui-cluster)
#   scripts/cluster.sh --app DIR            run an already published app instead of publishing one
#   scripts/cluster.sh --stop [--dir DIR]   stop what a start in DIR started (by PID), and delete DIR
#   scripts/cluster.sh --start-instance N [--dir DIR]   start instance N again (after it was stopped or killed)
#
# Installs postgresql, redis-server and nginx from Debian when missing (needs root for that). Extra app settings are
# inherited from the environment (ConnectUi__RateLimits__PerCaller__PermitLimit=10 scripts/cluster.sh ...).
# Environment: ASPNETCORE_ENVIRONMENT (default Development: sandbox providers on, sessions optional).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"

dir="${TMPDIR:-/tmp}/connectui-cluster"
instances=2
app=""
action=start
while [ $# -gt 0 ]; do
    case "$1" in
        --stop) action=stop ;;
        --start-instance) action=start-instance; instance="$2"; shift ;;
        --dir) dir="$2"; shift ;;
        --instances) instances="$2"; shift ;;
        --app) app="$2"; shift ;;
        -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
        *) echo "Unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done

log() { echo "cluster: $*" >&2; }

stop_pid_file() {
    local file="$1" pid
    [ -f "$file" ] || return 0
    pid="$(cat "$file")"
    if kill -0 "$pid" 2>/dev/null; then
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$file"
}

as_postgres() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

launch_instance() { # launch_instance N: starts instance N from DIR/instance-N.env, in the background
    local n="$1"
    (
        # shellcheck disable=SC1090
        source "$dir/instance-$n.env"
        cd "$app"
        exec dotnet ConnectUi.dll >>"$dir/instance-$n.log" 2>&1
    ) &
    echo $! > "$dir/instance-$n.pid"
}

if [ "$action" = start-instance ]; then
    [ -f "$dir/instance-$instance.env" ] || { echo "cluster: no instance $instance in $dir" >&2; exit 1; }
    if [ -f "$dir/instance-$instance.pid" ] && kill -0 "$(cat "$dir/instance-$instance.pid")" 2>/dev/null; then
        echo "cluster: instance $instance is already running" >&2; exit 1
    fi
    launch_instance "$instance"
    url="$(grep '^export ASPNETCORE_URLS=' "$dir/instance-$instance.env" | cut -d= -f2-)"
    for _ in $(seq 450); do curl -fsS "$url/health/ready" >/dev/null 2>&1 && break; sleep 0.2; done
    curl -fsS "$url/health/ready" >/dev/null || { echo "cluster: instance $instance did not come up (log $dir/instance-$instance.log)" >&2; exit 1; }
    sed -i "s/^INSTANCE_${instance}_PID=.*/INSTANCE_${instance}_PID=$(cat "$dir/instance-$instance.pid")/" "$dir/cluster.env"
    log "instance $instance on $url again (PID $(cat "$dir/instance-$instance.pid"))"
    exit 0
fi

if [ "$action" = stop ]; then
    [ -d "$dir" ] || { log "nothing to stop in $dir"; exit 0; }
    stop_pid_file "$dir/nginx/nginx.pid"
    for file in "$dir"/instance-*.pid; do [ -e "$file" ] && stop_pid_file "$file"; done
    stop_pid_file "$dir/redis.pid"
    if [ -f "$dir/pg/postmaster.pid" ]; then
        pgbin="$(cat "$dir/pgbin")"
        as_postgres "$pgbin/pg_ctl" -D "$dir/pg" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    log "stopped and removed $dir"
    exit 0
fi

# --- packages ---------------------------------------------------------------------------------------------------
pg_bin_dir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
missing=()
[ -n "$(pg_bin_dir)" ] || missing+=(postgresql)
command -v redis-server >/dev/null || missing+=(redis-server)
command -v curl >/dev/null || missing+=(curl)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "cluster: missing ${missing[*]}; installing needs root: sudo apt-get install -y ${missing[*]}" >&2
        exit 3
    fi
    log "installing ${missing[*]} from Debian"
    apt-get update -qq
    # policy-rc.d keeps the packages from starting system-wide services: this script runs its own.
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null || { rm -f /usr/sbin/policy-rc.d; exit 3; }
    rm -f /usr/sbin/policy-rc.d
fi
pgbin="$(pg_bin_dir)"
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"

if [ -e "$dir/cluster.env" ]; then
    echo "cluster: $dir already holds a cluster; stop it first (scripts/cluster.sh --stop --dir $dir)" >&2
    exit 1
fi
mkdir -p "$dir"
chmod 755 "$dir"
echo "$pgbin" > "$dir/pgbin"
started=0
trap '[ "$started" -eq 1 ] || { log "start failed; logs are in $dir"; }' EXIT

# A free loopback port: random, then checked (nothing answers on it).
free_port() {
    local port
    while :; do
        port=$(( 20000 + RANDOM % 30000 ))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
    done
}

wait_for() { # wait_for SECONDS DESCRIPTION COMMAND...
    local seconds="$1" what="$2"; shift 2
    for _ in $(seq $(( seconds * 5 ))); do "$@" >/dev/null 2>&1 && return 0; sleep 0.2; done
    echo "cluster: $what did not come up within ${seconds}s (logs in $dir)" >&2
    return 1
}

# --- PostgreSQL -------------------------------------------------------------------------------------------------
pg_port="$(free_port)"
mkdir -p "$dir/pg"
[ "$(id -u)" -eq 0 ] && chown postgres: "$dir/pg"
as_postgres "$pgbin/initdb" -D "$dir/pg" -A trust -U connectui -E UTF8 --no-sync >/dev/null
as_postgres "$pgbin/pg_ctl" -D "$dir/pg" -w -l "$dir/pg/log" \
    -o "-p $pg_port -k $dir/pg -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
as_postgres "$pgbin/createdb" -h 127.0.0.1 -p "$pg_port" -U connectui connectui
pg_connection="Host=127.0.0.1;Port=$pg_port;Database=connectui;Username=connectui"
log "PostgreSQL on 127.0.0.1:$pg_port ($dir/pg)"

# --- Redis ------------------------------------------------------------------------------------------------------
redis_port="$(free_port)"
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" --dir "$dir" >/dev/null
wait_for 10 "Redis" bash -c "exec 3<>/dev/tcp/127.0.0.1/$redis_port"
log "Redis on 127.0.0.1:$redis_port"

# --- ConnectUi ----------------------------------------------------------------------------------------------------
if [ -z "$app" ]; then
    app="$dir/app"
    log "publishing ConnectUi (Release) to $app"
    dotnet publish "$repo/ConnectUi" -c Release -o "$app" --nologo -v quiet >/dev/null
fi
[ -f "$app/ConnectUi.dll" ] || { echo "cluster: no ConnectUi.dll in $app" >&2; exit 1; }

proxy_port="$(free_port)"
proxy_url="http://127.0.0.1:$proxy_port"
{
    echo "PROXY_URL=$proxy_url"
    echo "POSTGRES_CONNECTION=$pg_connection"
    echo "POSTGRES_BIN=$pgbin"
    echo "REDIS_CONNECTION=127.0.0.1:$redis_port"
    echo "INSTANCES=$instances"
} > "$dir/cluster.env.partial"

upstreams=""
for i in $(seq "$instances"); do
    port="$(free_port)"
    url="http://127.0.0.1:$port"
    # What the instance runs with, kept so --start-instance starts it again the same way.
    {
        echo "app=$(printf '%q' "$app")"
        echo "export ASPNETCORE_ENVIRONMENT=$(printf '%q' "${ASPNETCORE_ENVIRONMENT:-Development}")"
        echo "export ASPNETCORE_URLS=$url"
        echo "export ConnectUi__Database__Provider=PostgreSql"
        echo "export ConnectionStrings__ConnectUi=$(printf '%q' "$pg_connection")"
        echo "export ConnectionStrings__Redis=127.0.0.1:$redis_port"
        echo "export ConnectUi__PublicBaseUrl=$proxy_url"
        # "|| true": with no extra settings in the environment grep finds nothing, which is not a failure.
        { env | grep -E '^(ConnectUi__|ConnectionStrings__|Logging__)' | grep -vE '^(ConnectUi__Database__Provider|ConnectionStrings__ConnectUi|ConnectionStrings__Redis|ConnectUi__PublicBaseUrl)=' || true; } \
            | while IFS='=' read -r key value; do echo "export $key=$(printf '%q' "$value")"; done
    } > "$dir/instance-$i.env"
    launch_instance "$i"
    echo "INSTANCE_${i}_URL=$url" >> "$dir/cluster.env.partial"
    echo "INSTANCE_${i}_PID=$(cat "$dir/instance-$i.pid")" >> "$dir/cluster.env.partial"
    upstreams+="        server 127.0.0.1:$port max_fails=1 fail_timeout=10s;"$'\n'
done
for i in $(seq "$instances"); do
    url="$(grep "^INSTANCE_${i}_URL=" "$dir/cluster.env.partial" | cut -d= -f2-)"
    wait_for 120 "instance $i ($url)" curl -fsS "$url/health/ready"
    # The first render of each page compiles it: do that now rather than on a person's (or a test's) first visit.
    for page in / /connect/konnektive /connect/connectwise-psa; do curl -s -o /dev/null --max-time 60 "$url$page" || true; done
    log "instance $i on $url (PID $(cat "$dir/instance-$i.pid"), log $dir/instance-$i.log)"
done

# --- nginx --------------------------------------------------------------------------------------------------------
mkdir -p "$dir/nginx/logs" "$dir/nginx/conf"
cp "$repo"/deploy/nginx/connectui-affinity.conf "$repo"/deploy/nginx/connectui-proxy.conf "$repo"/deploy/nginx/connectui-errors.conf "$dir/nginx/conf/"
# Plain http on loopback: the affinity cookie cannot be Secure/SameSite=None there.
sed -i 's/; Secure; SameSite=None/; SameSite=Lax/' "$dir/nginx/conf/connectui-affinity.conf"
user_line=""
if [ "$(id -u)" -eq 0 ]; then
    user_line="user www-data;"
    chown -R www-data: "$dir/nginx"
fi
cat > "$dir/nginx/nginx.conf" <<NGINX
$user_line
worker_processes 1;
pid $dir/nginx/nginx.pid;
error_log $dir/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
    access_log $dir/nginx/logs/access.log;
    client_body_temp_path $dir/nginx/client_body;
    proxy_temp_path $dir/nginx/proxy;
    fastcgi_temp_path $dir/nginx/fastcgi;
    uwsgi_temp_path $dir/nginx/uwsgi;
    scgi_temp_path $dir/nginx/scgi;
    include $dir/nginx/conf/connectui-affinity.conf;
    upstream connectui {
        hash \$connectui_affinity consistent;
$upstreams        keepalive 16;
    }
    server {
        listen 127.0.0.1:$proxy_port;
        client_max_body_size 1m;
        include $dir/nginx/conf/connectui-errors.conf;
        location / {
            include $dir/nginx/conf/connectui-proxy.conf;
            # Which instance answered: the cluster tests use it to stop the right one.
            add_header X-ConnectUi-Upstream \$upstream_addr always;
        }
    }
}
NGINX
"$nginx_bin" -c "$dir/nginx/nginx.conf" -p "$dir/nginx" -e "$dir/nginx/logs/error.log"
wait_for 10 "nginx" curl -fsS "$proxy_url/health/live"
echo "NGINX_PID=$(cat "$dir/nginx/nginx.pid")" >> "$dir/cluster.env.partial"
mv "$dir/cluster.env.partial" "$dir/cluster.env"
started=1
log "nginx on $proxy_url (sticky by cookie over $instances instances)"
echo "ConnectUi cluster: $proxy_url   (state: $dir/cluster.env; stop: scripts/cluster.sh --stop --dir $dir)"
