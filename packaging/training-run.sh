#!/usr/bin/env bash
# The AppCDS training run (called by build-dist.sh inside its private mount namespace): runs
# every command of the staged /usr/bin/kindling once, each writing the list of classes it loaded
# to WORKDIR/classes-N.lst. Commands may fail (no systemd here): only the classes matter. Every
# network request goes to a metadata emulator on 127.0.0.1 started from the test classes.
set -uo pipefail
work=${1:?usage: training-run.sh WORKDIR}
n=0
k() {
  n=$((n + 1))
  KINDLING_JAVA_OPTS="-XX:DumpLoadedClassList=$work/classes-$n.lst" /usr/bin/kindling "$@" \
    > "$work/out-$n.log" 2>&1
  echo "training: kindling $* -> $?" >> "$work/training.log"
}
samples=samples/cloud-config
first=$(ls "$samples"/*.yaml | head -1)

k --help
k --version
k validate "$samples"
k validate --format json "$samples" src/test/resources/validate/golden
k validate --format sarif "$samples"
k validate --strict - < "$first"
k render --from-file "$first"
k render --from-file "$first" --format json --root "$work/render"
k run --from-file "$first" --root "$work/run" --systemd none --report "$work/report.json"
k run --from-file "$first" --root "$work/run" --systemd none --report "$work/report.json"

# The network path and D-Bus: a loopback metadata emulator and a private bus (no systemd on it,
# so calls fail after connecting, which still loads the connection and marshalling classes).
if [ -d target/test-classes/dev/kindling/testing ]; then
  port_file=$work/emulator.port
  java -cp "target/test-classes:/usr/lib/kindling/kindling.jar" dev.kindling.testing.MetadataEmulator \
    --port 0 --flavor ec2 --port-file "$port_file" > "$work/emulator.log" 2>&1 &
  emu=$!
  for _ in $(seq 50); do [ -s "$port_file" ] && break; sleep 0.1; done
  if [ -s "$port_file" ]; then
    url=http://127.0.0.1:$(cat "$port_file")/
    k fetch --from-ec2-metadata "$url" --format json
    bus_dir=$(mktemp -d)
    dbus-daemon --session --address="unix:path=$bus_dir/bus" --nofork --nopidfile \
      > /dev/null 2>&1 &
    bus=$!
    sleep 0.3
    DBUS_SYSTEM_BUS_ADDRESS="unix:path=$bus_dir/bus" \
      k run --from-ec2-metadata "$url" --root "$work/run-dbus" --systemd dbus --timeout 10
    kill "$bus" 2>/dev/null
    rm -rf "$bus_dir"
  fi
  kill "$emu" 2>/dev/null
  wait "$emu" 2>/dev/null
fi
cat "$work/training.log"
exit 0
