#!/usr/bin/env bash
# Start-up benchmark of the boot path itself (not a test; nothing here asserts a time):
# `kindling run --from-file USER-DATA` with the default --systemd dbus on the root `/`, in a
# throw-away systemd-nspawn container booted from the cached e2e test image (real systemd and
# D-Bus, loopback only, every write gone at power-off), against the JVM hello-world floor of the
# same runtime with the same flags, in the same container, interleaved; then its start-up
# profile, as bench/startup.sh prints it.
#
#   bench/startup-dbus.sh [RUNS]      (default 10; also: bench/startup.sh --dbus [RUNS])
#
# Needs root, systemd-nspawn, the cached test image (bash e2e/nspawn/prepare.sh) and the runtime
# image (mvn -Pdist package), which is overlaid on /usr in a private mount namespace and bound
# into the container. The user data (packaging/boot-path.yaml) sets the hostname, adds a user and
# SSH keys, writes a file, writes, enables and starts a unit with a drop-in, restarts one, masks
# one; the first run applies it, so the measured runs are the run of every later boot: the same
# user data again, each step checked, most unchanged, units started or restarted over D-Bus.
# Every run uses the archive (-Xshare:on) and must exit 0.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
profile_runs=${KINDLING_BENCH_PROFILE_RUNS:-5}
staged=${KINDLING_BENCH_DIST:-$PWD/target/dist}/root
[ -x "$staged/usr/bin/kindling" ] || { echo "bench: run mvn -Pdist package first" >&2; exit 2; }
[ "$(id -u)" = 0 ] && command -v systemd-nspawn > /dev/null && command -v nsenter > /dev/null || {
  echo "bench: needs root and systemd-nspawn" >&2
  exit 2
}
if [ "${KINDLING_BENCH_NS:-}" != 1 ]; then
  exec env KINDLING_BENCH_NS=1 unshare --mount --propagation private -- bash -ec '
    mount -t overlay overlay -o "lowerdir=$1/usr:/usr" /usr
    shift
    exec bash "$@"' _ "$staged" "$PWD/bench/startup-dbus.sh" "$runs"
fi
source bench/lib/profile.sh
source packaging/lib/container.sh
container_image > /dev/null || {
  echo "bench: no cached test image (bash e2e/nspawn/prepare.sh builds it)" >&2
  exit 2
}
flags=$(sed -n 's/^flags="\(.*\)"$/\1/p' /usr/bin/kindling)

work=$(mktemp -d)
cleanup() {
  container_stop
  rm -rf "$work"
}
mkdir -p "$work/hello"
cat > "$work/hello/Hello.java" << 'JAVA'
public class Hello { public static void main(String[] a) { System.out.println("hello"); } }
JAVA
javac --release 17 -d "$work/hello" "$work/hello/Hello.java"
cp packaging/boot-path.yaml "$work/user-data"

# The loop runs inside the container (no nsenter in the measured time): RUNS rounds of floor and
# run, interleaved, after one warm-up round that also applies the user data the first time;
# then the traced runs for the profile.
cat > "$work/loop.sh" << 'LOOP'
set -u
runs=$1 profile_runs=$2 flags=$3
java=/usr/lib/kindling/runtime/bin/java
measure() { # NAME OPTS COMMAND...: one run; epoch ns around it to /bench/last.times
  local name=$1 opts=$2 start end status=0
  shift 2
  start=$(date +%s%N)
  KINDLING_JAVA_OPTS="-Xshare:on $opts" "$@" > /bench/out 2> /bench/err || status=$?
  end=$(date +%s%N)
  if [ "$status" != 0 ]; then
    echo "$name exited $status" > /bench/failed
    tail -5 /bench/err >> /bench/failed
    exit 1
  fi
  echo "$start $end" > /bench/last.times
}
run=(/usr/bin/kindling run --from-file /bench/user-data --report /bench/report.json)
: > /bench/floor.ms
: > /bench/run.ms
for round in $(seq 0 "$runs"); do
  measure floor "" $java -Xshare:on $flags -cp /bench/hello Hello
  [ "$round" = 0 ] || { read -r s e < /bench/last.times; echo $(((e - s) / 1000000)) >> /bench/floor.ms; }
  measure run "" "${run[@]}"
  [ "$round" = 0 ] || { read -r s e < /bench/last.times; echo $(((e - s) / 1000000)) >> /bench/run.ms; }
done
: > /bench/run.trace
for _ in $(seq "$profile_runs"); do
  measure run "-Dkindling.trace=true -Xlog:startuptime:file=/bench/startup.log:tn,un" "${run[@]}"
  { cat /bench/last.times; cat /bench/startup.log; grep '^kindling-trace ' /bench/err; echo end; } >> /bench/run.trace
done
measure run "-Dkindling.trace=true -Xlog:class+load:file=/bench/classes.log:tn" "${run[@]}"
grep '^kindling-trace mark ' /bench/err > /bench/run.marks
LOOP

trap cleanup EXIT
container_start "$work/nspawn.log" --bind="$work:/bench" || {
  echo "bench: the container did not start:" >&2
  tail -5 "$work/nspawn.log" >&2
  exit 1
}
if ! inside bash /bench/loop.sh "$runs" "$profile_runs" "$flags"; then
  echo "bench: a measured command failed:" >&2
  cat "$work/failed" >&2 2> /dev/null
  exit 1
fi

floor=$(median < "$work/floor.ms")
m=$(median < "$work/run.ms")
echo "kindling start-up, the boot path with --systemd dbus in a systemd-nspawn container (real"
echo "systemd and D-Bus); the installed image (flags: $flags), medians of $runs runs each,"
echo "interleaved, after one warm-up round; every run used the archive (-Xshare:on) and exited 0;"
echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
echo
printf '| %-36s | %7s | %7s | %6s | %6s |\n' what "now ms" "min ms" floor ratio
printf '|%s|%s|%s|%s|%s|\n' "$(dashes 38)" "$(dashes 9)" "$(dashes 9)" "$(dashes 8)" "$(dashes 8)"
printf '| %-36s | %7s | %7s | %6s | %5s× |\n' "JVM hello world (floor)" "$floor" \
  "$(sort -n "$work/floor.ms" | head -1)" "$floor" 1.0
printf '| %-36s | %7s | %7s | %6s | %5s× |\n' "run --from-file (--systemd dbus)" "$m" \
  "$(sort -n "$work/run.ms" | head -1)" "$floor" "$(awk -v a="$m" -v b="$floor" 'BEGIN {printf "%.1f", a / b}')"
echo
echo "profile: run --from-file, --systemd dbus (median of $profile_runs traced runs; classes from one more run)"
profile_table "$work/run.trace" "$work/run.marks" "$work/classes.log"
