#!/usr/bin/env bash
# Start-up benchmark (not a test): `java -jar target/kindling.jar` against the runtime image
# (target/dist: jlink + AppCDS + tuned flags) for `validate` of one sample and for a full
# `run --root DIR --systemd none` from the loopback metadata emulator, with the JVM hello-world
# floor on the same runtimes, measured in one interleaved run.
#
#   bench/startup.sh [RUNS]        (default 15; needs mvn -Pdist package and test classes)
#
# The AppCDS archive records the jar's installed path (/usr/lib/kindling/kindling.jar), so the
# image is measured where it is installed: the script re-runs itself in a private mount namespace
# in which the staged tree is overlaid (read-only) on /usr; the host's /usr is not touched. Before
# measuring it proves the archive is used (-Xshare:on) and that every command succeeds, so a
# broken archive or a failing command can never pass for a fast one.
#
# Prints median and minimum wall time (ms) and median peak RSS (MB, GNU time %M) per variant.
# Only 127.0.0.1 is contacted.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-15}
jar=$PWD/target/kindling.jar
staged=$PWD/target/dist/root
[ -f "$jar" ] && [ -x "$staged/usr/bin/kindling" ] || {
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
    exec bash "$2" "$3"' _ "$staged" "$PWD/bench/startup.sh" "$runs"
fi

image=/usr/bin/kindling
lib=/usr/lib/kindling
KINDLING_JAVA_OPTS=-Xshare:on "$image" --version > /dev/null 2>&1 || {
  echo "bench: the AppCDS archive does not match the runtime image (rebuild with -Pdist)" >&2
  exit 1
}

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
java -cp target/test-classes:"$jar" dev.kindling.testing.MetadataEmulator 0 ec2 "$work/md" \
  > "$work/port" 2> "$work/emulator.log" &
emu=$!
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.1; done
url=http://127.0.0.1:$(head -1 "$work/port")/

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
javac -d "$work/hello" "$work/hello/Hello.java"

run_args="run --from-ec2-metadata $url --root $work/root --systemd none --report $work/report.json"
declare -A cmd=(
  [floor:jdk17-hello]="java -cp $work/hello Hello"
  [floor:image-hello]="$lib/runtime/bin/java -Xshare:auto -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -cp $work/hello Hello"
  [validate:java-jar]="java -jar $jar validate $sample"
  [validate:image]="$image validate $sample"
  [run:java-jar]="java -jar $jar $run_args"
  [run:image]="$image $run_args"
)
order=(floor:jdk17-hello floor:image-hello validate:java-jar validate:image run:java-jar run:image)
for v in "${order[@]}"; do : > "$work/$v.ms"; : > "$work/$v.kb"; done
for round in $(seq 0 "$runs"); do
  for v in "${order[@]}"; do
    fresh_root
    start=$(date +%s%N)
    status=0
    /usr/bin/time -f %M -o "$work/rss" ${cmd[$v]} > "$work/out" 2>&1 || status=$?
    end=$(date +%s%N)
    if [ "$status" != 0 ]; then
      echo "bench: $v exited $status:" >&2
      tail -5 "$work/out" >&2
      exit 1
    fi
    [ "$round" = 0 ] && continue # warm-up round
    echo $(((end - start) / 1000000)) >> "$work/$v.ms"
    tail -1 "$work/rss" >> "$work/$v.kb"
  done
done
median() { sort -n "$1" | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
printf '%-22s %10s %8s %12s\n' variant "median ms" "min ms" "median RSS MB"
for v in "${order[@]}"; do
  printf '%-22s %10s %8s %12s\n' "$v" "$(median "$work/$v.ms")" "$(sort -n "$work/$v.ms" | head -1)" \
    "$(awk -v k="$(median "$work/$v.kb")" 'BEGIN {printf "%.1f", k/1024}')"
done
echo "($runs runs each, interleaved, after one warm-up round; every run exited 0;" \
  "$(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg))"
