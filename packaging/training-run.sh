#!/usr/bin/env bash
# The AppCDS training run (called by build-dist.sh inside its private mount namespace): runs
# every command of the staged /usr/bin/kindling once (and the coreos-cloudinit launcher's run and
# -validate), each writing the list of classes it loaded to WORKDIR/classes-N-ARCHIVE.lst: ARCHIVE
# is the archive the launcher starts that command line from (packaging/lib/archive.sh: kindling,
# kindling-validate, kindling-run or kindling-run-local), so that build-dist.sh makes each
# archive from its own commands' lists.
# Commands may fail (no systemd here): only the classes matter. Every network request goes to a
# metadata emulator on 127.0.0.1 started from the test classes.
set -uo pipefail
work=${1:?usage: training-run.sh WORKDIR}
source packaging/lib/archive.sh
n=0
launch() { # PROGRAM ARCHIVE ARGS...: runs PROGRAM ARGS, the classes it loads listed for ARCHIVE
  local program=$1 list=${2%.jsa} status
  shift 2
  n=$((n + 1))
  KINDLING_JAVA_OPTS="-XX:DumpLoadedClassList=$work/classes-$n-$list.lst" "$program" "$@" \
    > "$work/out-$n.log" 2>&1
  status=$?
  echo "training: ${program##*/} $* -> $status" >> "$work/training.log"
  if [ "$status" -gt 1 ]; then tail -2 "$work/out-$n.log" | sed 's/^/    /' >> "$work/training.log"; fi
}
k() { # the kindling launcher
  kindling_archive "$@"
  launch /usr/bin/kindling "$archive" "$@"
}
c() { # the coreos-cloudinit launcher, which starts from run's archives
  kindling_archive run "$@"
  launch /usr/bin/coreos-cloudinit "$archive" "$@"
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
mkdir -p "$work/render" "$work/run/etc" "$work/run/home/core"
# A first-boot root with the core user, so that run walks the success paths (SSH keys installed).
echo 'core:x:500:500:CoreOS Admin:/home/core:/bin/bash' > "$work/run/etc/passwd"
echo 'core:x:500:' > "$work/run/etc/group"
k render --from-file "$first" --format json --root "$work/render"
k run --from-file "$first" --root "$work/run" --systemd none --report "$work/report.json"
k run --from-file "$first" --root "$work/run" --systemd none --report "$work/report.json"
# Images that call coreos-cloudinit at boot (its flags, its validate mode).
c -from-file="$first" -root="$work/run" -systemd=none -report="$work/report.json"
c -validate -from-file="$first"

# A run from each local datasource a boot uses (the config drive with its network_data.json
# converted, Azure's waagent directory, a VMware OVF environment): `run` has archives of its own,
# made from the run commands' classes alone, so every datasource's path must be walked here.
configdrive=src/test/resources/datasource/configdrive
k run --from-configdrive "$configdrive/network-data" --convert-netconf openstack --root "$work/run" \
  --systemd none --report "$work/report.json"
k run --from-configdrive "$configdrive/openstack-latest" --root "$work/run" --systemd none \
  --report "$work/report.json"
k run --from-waagent src/test/resources/datasource/waagent/classic --root "$work/run" \
  --systemd none --report "$work/report.json"
k run --from-vmware-ovf-env src/test/resources/datasource/vmware/ovf-env/ovf-env.xml \
  --convert-netconf vmware --root "$work/run" --systemd none --report "$work/report.json"

# The network paths: a loopback metadata emulator per metadata service. (`run --systemd dbus`
# only runs against the root `/`, which a build must never touch: training-dbus.sh runs it in a
# container.)
emulated() { # MODE FIXTURE COMMAND...: runs COMMAND with $url set to an emulator of MODE
  local mode=$1 fixture=$2 port_file=$work/emulator-$1.port emu
  shift 2
  java -cp "target/test-classes:/usr/lib/kindling/kindling.jar" dev.kindling.testing.MetadataEmulator \
    0 "$mode" "src/test/resources/datasource/$fixture" > "$port_file" 2>> "$work/emulator.log" &
  emu=$!
  for _ in $(seq 50); do [ -s "$port_file" ] && break; sleep 0.1; done
  if [ -s "$port_file" ]; then
    url=http://127.0.0.1:$(head -1 "$port_file")/
    "$@"
  fi
  kill "$emu" 2>/dev/null
  wait "$emu" 2>/dev/null
}
ec2() {
  k fetch --from-ec2-metadata "$url" --format json
  k run --from-ec2-metadata "$url" --root "$work/run" --systemd none --report "$work/report-ec2.json"
  c -from-ec2-metadata="$url" -root="$work/run" -systemd=none -report="$work/report-ec2.json"
}
from() { # OPTION [RUN OPTIONS...]: one run from the emulator's URL
  local option=$1
  shift
  k run "$option" "$url" "$@" --root "$work/run" --systemd none --report "$work/report.json"
}
plain() {
  k run --from-url "${url}cloud-config.yaml" --root "$work/run" --systemd none --report "$work/report.json"
}
if [ -d target/test-classes/dev/kindling/testing ]; then
  emulated ec2 ec2/basic ec2
  emulated openstack openstack/basic from --from-openstack-metadata --convert-netconf openstack
  emulated gce gce/basic from --from-gce-metadata
  emulated digitalocean digitalocean/basic from --from-digitalocean-metadata
  emulated packet packet/basic from --from-packet-metadata --convert-netconf packet
  emulated plain plain/basic plain
fi
# The boot path (run --systemd dbus) in a throw-away container, where the machine allows one.
bash packaging/training-dbus.sh "$work"
cat "$work/training.log"
# A stack trace means the runtime image lacks something (a module, a service provider): fail the
# build rather than ship an image that breaks at boot.
if grep -l -E '^\s+at [a-z]|NoClassDefFoundError|No implementation of' "$work"/out-*.log; then
  echo "training: a command crashed on the runtime image (see above)" >&2
  exit 1
fi
exit 0
