#!/usr/bin/env bash
# Benchmark (not a test): the whole `kindling fetch` process against the loopback EC2 emulator.
# Starts the metadata emulator on 127.0.0.1 (IMDSv2 rules, fixture ec2/basic), runs
#   java -jar target/kindling.jar fetch --from-ec2-metadata http://127.0.0.1:PORT/
# N times (default 10), and prints the median wall time and the peak resident set size.
# Usage: bench/fetch-ec2.sh [N] [extra JVM options...]
#   e.g. bench/fetch-ec2.sh 10 -XX:TieredStopAtLevel=1 -XX:+UseSerialGC
# Needs: target/kindling.jar and target/test-classes (mvn -B -ntp -q package -DskipTests),
# GNU time (/usr/bin/time; Debian package "time"). Contacts nothing but 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${1:-10}"
shift || true
jvm_opts=("$@")

[ -f target/kindling.jar ] && [ -d target/test-classes/dev/kindling/testing ] || {
  echo "build first: mvn -B -ntp -q package -DskipTests" >&2
  exit 2
}
[ -x /usr/bin/time ] || { echo "needs GNU time (/usr/bin/time): apt-get install time" >&2; exit 2; }

work="$(mktemp -d)"
emulator_pid=""
cleanup() {
  if [ -n "$emulator_pid" ]; then
    kill "$emulator_pid" 2>/dev/null || true
    wait "$emulator_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

java -cp target/test-classes:target/classes dev.kindling.testing.MetadataEmulator \
  0 ec2 src/test/resources/datasource/ec2/basic >"$work/emulator.out" 2>"$work/emulator.err" &
emulator_pid=$!
for _ in $(seq 1 100); do
  [ -s "$work/emulator.out" ] && break
  sleep 0.1
done
port="$(head -n1 "$work/emulator.out")"
[[ "$port" =~ ^[0-9]+$ ]] || { echo "emulator did not start: $(cat "$work/emulator.err")" >&2; exit 1; }
url="http://127.0.0.1:$port/"

# One warm-up run (page cache), not counted.
java "${jvm_opts[@]}" -jar target/kindling.jar fetch --from-ec2-metadata "$url" >/dev/null 2>&1

for i in $(seq 1 "$runs"); do
  /usr/bin/time -f '%e %M' -o "$work/time.$i" \
    java "${jvm_opts[@]}" -jar target/kindling.jar fetch --from-ec2-metadata "$url" \
    >"$work/out.$i" 2>"$work/err.$i" || { echo "run $i failed:" >&2; cat "$work/err.$i" >&2; exit 1; }
done
grep -q '^datasource: *ec2-metadata' "$work/out.1" || { echo "unexpected output" >&2; exit 1; }

cat "$work"/time.* | python3 -c '
import statistics, sys
rows = [line.split() for line in sys.stdin if line.strip()]
wall = [float(r[0]) * 1000 for r in rows]
rss = [int(r[1]) / 1024 for r in rows]
print(f"runs: {len(rows)}")
print(f"wall ms: median {statistics.median(wall):.0f}, min {min(wall):.0f}, max {max(wall):.0f}")
print(f"peak RSS MB: max {max(rss):.1f}, median {statistics.median(rss):.1f}")
'
