#!/usr/bin/env bash
# Start-up benchmark (not a test): `java -jar target/kindling.jar` against the runtime image
# (target/dist/root/usr/bin/kindling: jlink + AppCDS + tuned flags) for `validate` of one sample
# and for a full `run --root DIR --systemd none` from the loopback metadata emulator, with the
# JVM hello-world floor on the same runtimes, measured in one interleaved run.
#
#   bench/startup.sh [RUNS]        (default 15; needs mvn -Pdist package and test classes)
#
# Prints median and minimum wall time (ms) and median peak RSS (MB, GNU time %M) per variant.
# Only 127.0.0.1 is contacted.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-15}
command -v /usr/bin/time > /dev/null || apt-get -o DPkg::Lock::Timeout=900 install -y -qq time > /dev/null
jar=target/kindling.jar
image=target/dist/root/usr/bin/kindling
lib=target/dist/root/usr/lib/kindling
[ -f "$jar" ] && [ -x "$image" ] || { echo "bench: run mvn -Pdist package first" >&2; exit 2; }
work=$(mktemp -d)
emu=""
cleanup() { [ -n "$emu" ] && kill "$emu" 2> /dev/null; rm -rf "$work"; }
trap cleanup EXIT

sample=$(ls samples/cloud-config/*.yaml | head -1)
mkdir -p "$work/md/latest/meta-data"
cp "$sample" "$work/md/latest/user-data"
printf 'i-bench' > "$work/md/latest/meta-data/instance-id"
printf '10.0.0.5' > "$work/md/latest/meta-data/local-ipv4"
printf '203.0.113.5' > "$work/md/latest/meta-data/public-ipv4"
java -cp target/test-classes:"$jar" dev.kindling.testing.MetadataEmulator 0 ec2 "$work/md" \
  > "$work/port" 2> "$work/emulator.log" &
emu=$!
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.1; done
port=$(head -1 "$work/port")
url=http://127.0.0.1:$port/

mkdir -p "$work/hello"
cat > "$work/hello/Hello.java" <<'JAVA'
public class Hello { public static void main(String[] a) { System.out.println("hello"); } }
JAVA
javac -d "$work/hello" "$work/hello/Hello.java"

declare -A cmd=(
  [floor:jdk17-hello]="java -cp $work/hello Hello"
  [floor:image-hello]="$lib/runtime/bin/java -Xshare:auto -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp $work/hello Hello"
  [validate:java-jar]="java -jar $jar validate $sample"
  [validate:image]="$image validate $sample"
  [run:java-jar]="java -jar $jar run --from-ec2-metadata $url --root $work/root-a --systemd none --report $work/a.json"
  [run:image]="$image run --from-ec2-metadata $url --root $work/root-b --systemd none --report $work/b.json"
)
order=(floor:jdk17-hello floor:image-hello validate:java-jar validate:image run:java-jar run:image)
for v in "${order[@]}"; do : > "$work/$v.ms"; : > "$work/$v.kb"; done
for round in $(seq 0 "$runs"); do
  for v in "${order[@]}"; do
    start=$(date +%s%N)
    /usr/bin/time -f %M -o "$work/rss" ${cmd[$v]} > /dev/null 2>&1 || true
    end=$(date +%s%N)
    [ "$round" = 0 ] && continue # warm-up round
    echo $(((end - start) / 1000000)) >> "$work/$v.ms"
    cat "$work/rss" >> "$work/$v.kb"
  done
done
median() { sort -n "$1" | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
printf '%-22s %10s %8s %12s\n' variant "median ms" "min ms" "median RSS MB"
for v in "${order[@]}"; do
  printf '%-22s %10s %8s %12s\n' "$v" "$(median "$work/$v.ms")" "$(sort -n "$work/$v.ms" | head -1)" \
    "$(awk -v k="$(median "$work/$v.kb")" 'BEGIN {printf "%.1f", k/1024}')"
done
echo "($runs runs each, interleaved, after one warm-up round; $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg))"
