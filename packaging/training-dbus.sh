#!/usr/bin/env bash
# The D-Bus part of the AppCDS training run (called by build-dist.sh inside its private mount
# namespace, after training-run.sh): the boot path itself, `kindling run --systemd dbus` on the
# root `/`, can only run where applying a config is harmless. So it runs in a container booted
# with systemd-nspawn from the cached e2e test image (real systemd and D-Bus as PID 1,
# --volatile=overlay: every write goes to a tmpfs and is gone at power-off; --private-network:
# loopback only), with the staged /usr/lib/kindling and /usr/bin/kindling bound in at the paths
# the archive records. Each command (all of them `run`) writes the classes it loaded to
# WORKDIR/classes-dbus-N-ARCHIVE.lst (ARCHIVE as in training-run.sh).
#
#   packaging/training-dbus.sh WORKDIR
#
# Optional: without root, systemd-nspawn or a cached image (e2e/nspawn/prepare.sh builds it) it
# says that the D-Bus path is not trained and exits 0; the archive then only lacks those classes.
set -uo pipefail
work=${1:?usage: training-dbus.sh WORKDIR}
log() { echo "training-dbus: $*" >> "$work/training.log"; }

if [ "$(id -u)" != 0 ] || ! command -v systemd-nspawn > /dev/null || ! command -v nsenter > /dev/null; then
  log "no root or no systemd-nspawn: the D-Bus path is not trained"
  exit 0
fi
source packaging/lib/container.sh
if ! container_image > /dev/null; then
  log "no cached test image (bash e2e/nspawn/prepare.sh builds it): the D-Bus path is not trained"
  exit 0
fi

# What the boot path does: hostname, a user, SSH keys, a file, a unit written, enabled and
# started, a drop-in, a masked unit, an etcd2 drop-in; then the same again (nothing changes);
# then a script user data (a transient unit).
mkdir -p "$work/dbus"
cp packaging/boot-path.yaml "$work/dbus/user-data"
printf '#!/bin/sh\necho kindling training script\n' > "$work/dbus/script"

trap container_stop EXIT
if ! container_start "$work/nspawn.log" --bind="$work/dbus:/training"; then
  log "the container did not start or boot (see below): the D-Bus path is not trained"
  tail -5 "$work/nspawn.log" | sed 's/^/    /' >> "$work/training.log"
  exit 0
fi

source packaging/lib/archive.sh
n=0
k() {
  n=$((n + 1))
  kindling_archive "$@"
  inside KINDLING_JAVA_OPTS="-XX:DumpLoadedClassList=/training/classes-dbus-$n-${archive%.jsa}.lst" \
    timeout -k 10 180 /usr/bin/kindling "$@" > "$work/out-dbus-$n.log" 2>&1
  local status=$?
  log "kindling $* -> $status (in a container, --systemd dbus)"
  [ "$status" -gt 1 ] && tail -2 "$work/out-dbus-$n.log" | sed 's/^/    /' >> "$work/training.log"
  cp "$work/out-dbus-$n.log" "$work/out-$((1000 + n)).log" # checked for crashes by the caller
}
k run --from-file /training/user-data --report /training/report-1.json
k run --from-file /training/user-data --report /training/report-2.json
k run --from-file /training/script --report /training/report-3.json
cp "$work"/dbus/classes-dbus-*.lst "$work/" 2> /dev/null
exit 0
