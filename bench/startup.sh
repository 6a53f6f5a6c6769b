#!/usr/bin/env bash
# Start-up benchmark (not a test; nothing here asserts a time): the installed runtime image
# against the JVM hello-world floor of the same runtime with the same flags, for
#   validate SAMPLE
#   run --from-file SAMPLE --root DIR --systemd none
#   run --from-ec2-metadata http://127.0.0.1:PORT/ --root DIR --systemd none   (loopback emulator)
#   run --from-configdrive DIR --convert-netconf openstack --root DIR --systemd none (a config
#     drive's tree with network_data.json, as OpenStack attaches it)
# measured in one interleaved run, then a start-up profile of each command: where the
# milliseconds go (JVM creation, each phase of the program, HTTP, YAML, fsync, D-Bus, exit) and
# which classes each phase loads, by library, from the archive or from the jar.
#
#   bench/startup.sh [RUNS]        (default 15; needs mvn -Pdist package and the test classes)
#   bench/startup.sh --dbus [RUNS] the boot path with --systemd dbus, in a systemd-nspawn
#                                  container booted from the cached e2e image (bench/startup-dbus.sh)
#
# The image's class archive records the jar's installed path (/usr/lib/kindling/kindling.jar), so
# the image is measured where it is installed: the script re-runs itself in a private mount
# namespace in which the staged tree is overlaid (read-only) on /usr; the host's /usr is not
# touched. Every measured run, floor included, runs with -Xshare:on: a run whose archive cannot
# be used fails instead of passing for a slow one, and a run that exits non-zero stops the
# benchmark. Only 127.0.0.1 is contacted. The machine's load average is printed with the numbers.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = --dbus ]; then
  shift
  exec bash bench/startup-dbus.sh "$@"
fi
runs=${1:-15}
profile_runs=${KINDLING_BENCH_PROFILE_RUNS:-5}
staged=${KINDLING_BENCH_DIST:-$PWD/target/dist}/root
[ -x "$staged/usr/bin/kindling" ] && [ -d target/test-classes/dev/kindling/testing ] || {
  echo "bench: run mvn -Pdist package first" >&2
  exit 2
}
command -v /usr/bin/time > /dev/null || apt-get -o DPkg::Lock::Timeout=900 install -y -qq time > /dev/null

if [ "${KINDLING_BENCH_NS:-}" != 1 ]; then
  [ "$(id -u)" = 0 ] || {
    echo "bench: needs root for a private mount namespace (the image runs from /usr)" >&2
    exit 2
  }
  exec env KINDLING_BENCH_NS=1 unshare --mount --propagation private -- bash -ec '
    mount -t overlay overlay -o "lowerdir=$1/usr:/usr" /usr
    shift
    exec bash "$@"' _ "$staged" "$PWD/bench/startup.sh" "$runs"
fi

image=/usr/bin/kindling
lib=/usr/lib/kindling
source bench/lib/profile.sh
flags=$(sed -n 's/^flags="\(.*\)"$/\1/p' "$image")
runtime=$("$lib/runtime/bin/java" -XshowSettings:properties -version 2>&1 |
  sed -n 's/^ *java.runtime.version = //p')

work=$(mktemp -d)
emu=""
cleanup() {
  [ -n "$emu" ] && kill "$emu" 2> /dev/null
  rm -rf "$work"
}
trap cleanup EXIT

sample=samples/cloud-config/docker-redis.yaml
mkdir -p "$work/md/latest/meta-data/public-keys/0"
cp "$sample" "$work/md/latest/user-data"
printf 'i-bench' > "$work/md/latest/meta-data/instance-id"
printf 'bench-node.example.internal' > "$work/md/latest/meta-data/hostname"
printf '10.0.0.5' > "$work/md/latest/meta-data/local-ipv4"
printf '203.0.113.5' > "$work/md/latest/meta-data/public-ipv4"
printf '0=bench\n' > "$work/md/latest/meta-data/public-keys/_index"
cp src/test/resources/datasource/ec2/basic/latest/meta-data/public-keys/0/openssh-key \
  "$work/md/latest/meta-data/public-keys/0/openssh-key"
# TCP_NODELAY: the JDK's HTTP server writes a response's headers and body as two segments, and
# without it the second one waits for the client's delayed ACK (40 ms a request); a metadata
# service does not.
java -Dsun.net.httpserver.nodelay=true -cp target/test-classes:"$lib/kindling.jar" \
  dev.kindling.testing.MetadataEmulator 0 ec2 "$work/md" > "$work/port" 2> "$work/emulator.log" &
emu=$!
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.1; done
url=http://127.0.0.1:$(head -1 "$work/port")/
# A config drive's tree: the sample as user_data, a metadata document and network_data.json.
drive=$work/configdrive
mkdir -p "$drive/openstack/latest"
cp "$sample" "$drive/openstack/latest/user_data"
cp src/test/resources/datasource/configdrive/network-data/openstack/latest/{meta_data,network_data}.json \
  "$drive/openstack/latest/"

# A first-boot root for every run: the core user exists (its SSH keys are installed), nothing else.
fresh_root() {
  rm -rf "$work/root"
  mkdir -p "$work/root/etc" "$work/root/home/core"
  echo 'core:x:500:500:CoreOS Admin:/home/core:/bin/bash' > "$work/root/etc/passwd"
  echo 'core:x:500:' > "$work/root/etc/group"
}

mkdir -p "$work/hello"
cat > "$work/hello/Hello.java" << 'JAVA'
public class Hello { public static void main(String[] a) { System.out.println("hello"); } }
JAVA
javac --release 17 -d "$work/hello" "$work/hello/Hello.java"

order=(floor validate run-file run-ec2 run-configdrive)
declare -A label=(
  [floor]="JVM hello world (floor)"
  [validate]="validate SAMPLE"
  [run-file]="run --from-file SAMPLE"
  [run-ec2]="run --from-ec2-metadata (loopback)"
  [run-configdrive]="run --from-configdrive DIR"
)
declare -A cmd=(
  [floor]="$lib/runtime/bin/java $flags -cp $work/hello Hello"
  [validate]="$image validate $sample"
  [run-file]="$image run --from-file $sample --root $work/root --systemd none --report $work/report.json"
  [run-ec2]="$image run --from-ec2-metadata $url --root $work/root --systemd none --report $work/report.json"
  [run-configdrive]="$image run --from-configdrive $drive --convert-netconf openstack --root $work/root --systemd none --report $work/report.json"
)

# One measured run: VARIANT [EXTRA JVM OPTIONS]; wall ms to $work/VARIANT.ms, RSS to .kb, CPU
# time (user + system, all threads: what the run costs whatever else the machine runs) to .cpu, and the
# epoch nanoseconds around it to $work/last.times (the profile lines them up with the trace).
measure() {
  local v=$1 status=0 start end
  fresh_root
  start=$(date +%s%N)
  KINDLING_JAVA_OPTS="-Xshare:on ${2:-}" /usr/bin/time -f '%M %U %S' -o "$work/rss" ${cmd[$v]} \
    > "$work/out" 2> "$work/err" || status=$?
  end=$(date +%s%N)
  if [ "$status" != 0 ]; then
    echo "bench: $v exited $status:" >&2
    tail -5 "$work/err" >&2
    exit 1
  fi
  echo "$start $end" > "$work/last.times"
}
# The floor takes the flags from the command line, not from KINDLING_JAVA_OPTS.
cmd[floor]="${cmd[floor]/ -cp / -Xshare:on -cp }"

for v in "${order[@]}"; do : > "$work/$v.ms"; : > "$work/$v.kb"; : > "$work/$v.cpu"; done
for round in $(seq 0 "$runs"); do
  for v in "${order[@]}"; do
    if [ "$round" = 0 ]; then # warm-up round; it logs which archive each command started from
      measure "$v" "-Xlog:cds=info:file=$work/$v.cds"
      continue
    fi
    measure "$v"
    read -r start end < "$work/last.times"
    echo $(((end - start) / 1000000)) >> "$work/$v.ms"
    tail -1 "$work/rss" | cut -d' ' -f1 >> "$work/$v.kb"
    tail -1 "$work/rss" | awk '{printf "%d\n", ($2 + $3) * 1000}' >> "$work/$v.cpu"
  done
done

echo "kindling start-up: the installed image ($runtime, flags: $flags), medians of $runs runs"
echo "each, interleaved, after one warm-up round; every run used the archive (-Xshare:on) and"
echo "exited 0; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
# The archive each command started from (the launcher picks it from the command line).
for v in "${order[@]}"; do
  archive="the runtime's default CDS archive"
  [ -f "$work/$v.cds" ] && archive=$(sed -n 's|.*Opened shared archive file .*/\([^/]*\)\.$|\1|p' "$work/$v.cds")
  echo "${label[$v]}: $archive"
done | paste -sd ';' | sed 's/;/; /g; s/^/archives: /'
echo
# ratio: medians; min ratio: the fastest run of each (least disturbed by the machine's other work);
# CPU ratio: median CPU time against the floor's.
floor=$(median < "$work/floor.ms")
floor_min=$(sort -n "$work/floor.ms" | head -1)
floor_cpu=$(median < "$work/floor.cpu")
printf '| %-36s | %6s | %6s | %5s | %5s | %9s | %6s | %9s | %6s |\n' what "now ms" "min ms" floor \
  ratio "min ratio" "CPU ms" "CPU ratio" "RSS MB"
printf '|%s|%s|%s|%s|%s|%s|%s|%s|%s|\n' "$(dashes 38)" "$(dashes 8)" "$(dashes 8)" "$(dashes 7)" \
  "$(dashes 7)" "$(dashes 11)" "$(dashes 8)" "$(dashes 11)" "$(dashes 8)"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f", (b > 0 ? a / b : 0)}'; }
for v in "${order[@]}"; do
  m=$(median < "$work/$v.ms")
  low=$(sort -n "$work/$v.ms" | head -1)
  cpu=$(median < "$work/$v.cpu")
  printf '| %-36s | %6s | %6s | %5s | %4s× | %8s× | %6s | %8s× | %6s |\n' "${label[$v]}" "$m" \
    "$low" "$floor" "$(ratio "$m" "$floor")" "$(ratio "$low" "$floor_min")" "$cpu" \
    "$(ratio "$cpu" "$floor_cpu")" \
    "$(awk -v k="$(median < "$work/$v.kb")" 'BEGIN {printf "%.1f", k / 1024}')"
done

# The profile: traced runs (phase marks and spans, JVM creation from -Xlog:startuptime), then one
# run that logs every class loaded, with the same clock.
for v in "${order[@]:1}"; do
  : > "$work/$v.trace"
  for _ in $(seq "$profile_runs"); do
    measure "$v" "-Dkindling.trace=true -Xlog:startuptime:file=$work/startup.log:tn,un"
    { cat "$work/last.times"; cat "$work/startup.log"; grep '^kindling-trace ' "$work/err"; echo end; } \
      >> "$work/$v.trace"
  done
  measure "$v" "-Dkindling.trace=true -Xlog:class+load:file=$work/classes.log:tn"
  grep '^kindling-trace mark ' "$work/err" > "$work/$v.marks"
  cp "$work/classes.log" "$work/$v.classes"
  echo
  echo "profile: ${label[$v]} (median of $profile_runs traced runs; classes from one more run)"
  profile_table "$work/$v.trace" "$work/$v.marks" "$work/$v.classes"
done
