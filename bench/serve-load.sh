#!/usr/bin/env bash
# Load benchmark for `kindling serve` (not a test; nothing here asserts a number).
#
#   bench/serve-load.sh [SECONDS] [CONNECTIONS]      (defaults: 30 s, 16 connections)
#
# Starts `java -jar target/kindling.jar serve --listen 127.0.0.1:0`, warms it up for 10 s, then
# runs wrk (Debian's package; installed with apt-get if missing) for SECONDS with CONNECTIONS
# keep-alive connections on one thread, each POSTing a typical 2 KB cloud-config
# (samples/cloud-config/users-and-ssh-keys.yaml) to /v1/validate as fast as its answers come back:
# a closed loop, so the load is bounded by the connection count. Prints wrk's requests/s and
# latency percentiles, how many answers were not 200, and the load average around the run (the
# machine may be shared). Everything stays on loopback.
#
# Builds nothing: run `mvn -B -ntp package -DskipTests` first.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-30}"
connections="${2:-16}"
jar="target/kindling.jar"
config="samples/cloud-config/users-and-ssh-keys.yaml"

if [ ! -f "$jar" ]; then
  echo "bench: $jar is missing; build it first: mvn -B -ntp package -DskipTests" >&2
  exit 2
fi
if ! command -v wrk >/dev/null 2>&1; then
  apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends wrk >/dev/null
fi

work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

java -jar "$jar" serve --listen 127.0.0.1:0 >"$work/out" 2>"$work/log" &
server_pid=$!
url=""
for _ in $(seq 1 300); do
  if [ -s "$work/out" ]; then
    url="$(head -1 "$work/out" | sed -n 's|^listening on \(http://127\.0\.0\.1:[0-9]*/\)$|\1|p')"
    break
  fi
  sleep 0.1
done
if [ -z "$url" ]; then
  echo "bench: kindling serve did not start" >&2
  cat "$work/out" "$work/log" >&2
  exit 1
fi

# wrk's Lua script reads the body, byte for byte, from the file.
cat >"$work/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/octet-stream"
local f = assert(io.open("$(readlink -f "$config")", "rb"))
wrk.body = f:read("*a")
f:close()
function done(summary, latency, requests)
  io.write(string.format("answers other than 2xx/3xx: %d of %d\n", summary.errors.status,
    summary.requests))
end
LUA

echo "bench: ${url}v1/validate, body $config ($(wc -c <"$config") bytes)"
curl -s --data-binary @"$config" -H 'Content-Type: application/octet-stream' "${url}v1/validate" \
  | grep -q '"files"' || { echo "bench: /v1/validate did not answer a report" >&2; exit 1; }
echo "bench: warm-up 10 s"
wrk -t1 -c"$connections" -d10s -s "$work/post.lua" "${url}v1/validate" >/dev/null
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "bench: measuring ${seconds} s with $connections connections (load average before: $load_before)"
wrk -t1 -c"$connections" -d"${seconds}s" --latency -s "$work/post.lua" "${url}v1/validate" \
  | tee "$work/wrk.txt"
echo "bench: load average after: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores;" \
  "$(java -version 2>&1 | head -1)"
