#!/usr/bin/env bash
# The D-Bus part of the AppCDS training run (called by build-dist.sh inside its private mount
# namespace, after training-run.sh): the boot path itself, `kindling run --systemd dbus` on the
# root `/`, can only run where applying a config is harmless. So it runs in a container booted
# with systemd-nspawn from the cached e2e test image (real systemd and D-Bus as PID 1,
# --volatile=overlay: every write goes to a tmpfs and is gone at power-off; --private-network:
# loopback only), with the staged /usr/lib/kindling and /usr/bin/kindling bound in at the paths
# the archive records. Each command writes the classes it loaded to WORKDIR/classes-dbus-N.lst.
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
key=$(bash e2e/image/build-image.sh --print-key)
rootfs=${KINDLING_E2E_CACHE:-/var/cache/kindling-e2e}/$key/rootfs
if [ ! -d "$rootfs/usr/lib/systemd" ]; then
  log "no cached test image ($rootfs; bash e2e/nspawn/prepare.sh builds it): the D-Bus path is not trained"
  exit 0
fi

# What the boot path does: hostname, a user, SSH keys, a file, a unit written, enabled and
# started, a drop-in, a masked unit, an etcd2 drop-in; then the same again (nothing changes);
# then a script user data (a transient unit).
mkdir -p "$work/dbus"
cat > "$work/dbus/user-data" << 'YAML'
#cloud-config
hostname: kindling-training
users:
  - name: trainee
    groups: [users]
ssh_authorized_keys:
  - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINgVQDXmSyv1iVN9K3gjUdp7xctsoV1o6DCzzX5XnLfd training
write_files:
  - path: /etc/kindling-training.conf
    permissions: "0640"
    content: trained
coreos:
  etcd2:
    name: training
  units:
    - name: kindling-training.service
      command: start
      enable: true
      content: |
        [Unit]
        Description=Kindling AppCDS training unit
        [Service]
        Type=oneshot
        RemainAfterExit=yes
        ExecStart=/bin/true
        [Install]
        WantedBy=multi-user.target
      drop_ins:
        - name: 10-training.conf
          content: |
            [Service]
            Environment=TRAINING=1
    - name: kindling-training-restart.service
      command: restart
      content: |
        [Service]
        Type=oneshot
        ExecStart=/bin/true
    - name: kindling-training-masked.service
      mask: true
YAML
printf '#!/bin/sh\necho kindling training script\n' > "$work/dbus/script"

nspawn=""
pid1=""
cleanup() {
  if [ -n "$pid1" ] && kill -0 "$pid1" 2> /dev/null; then
    nsenter --target "$pid1" --all systemctl poweroff --no-block > /dev/null 2>&1
    for _ in $(seq 150); do kill -0 "$nspawn" 2> /dev/null || break; sleep 0.2; done
    kill -9 "$pid1" 2> /dev/null
  fi
  [ -n "$nspawn" ] && kill -9 "$nspawn" 2> /dev/null
  [ -n "$nspawn" ] && wait "$nspawn" 2> /dev/null
}
trap cleanup EXIT

systemd-nspawn --quiet --boot --directory="$rootfs" --volatile=overlay --private-network \
  --register=no --keep-unit --console=passive --machine="kindling-training-$$" \
  --bind-ro=/dev/null:/etc/fstab --bind-ro=/usr/lib/kindling --bind-ro=/usr/bin/kindling \
  --bind="$work/dbus:/training" < /dev/null > "$work/nspawn.log" 2>&1 &
nspawn=$!
for _ in $(seq 300); do
  for child in $(pgrep -P "$nspawn"); do
    [ "$(cat "/proc/$child/comm" 2> /dev/null)" = systemd ] && pid1=$child
  done
  [ -n "$pid1" ] && break
  kill -0 "$nspawn" 2> /dev/null || break
  sleep 0.1
done
if [ -z "$pid1" ]; then
  log "the container did not start (see below): the D-Bus path is not trained"
  tail -5 "$work/nspawn.log" | sed 's/^/    /' >> "$work/training.log"
  exit 0
fi
inside() { nsenter --target "$pid1" --all env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin "$@"; }
state=""
for _ in $(seq 600); do
  state=$(inside systemctl is-system-running 2> /dev/null)
  case $state in running | degraded) break ;; esac
  sleep 0.1
done
case $state in
  running | degraded) ;;
  *)
    log "the container did not boot (state '$state'): the D-Bus path is not trained"
    exit 0
    ;;
esac

n=0
k() {
  n=$((n + 1))
  inside KINDLING_JAVA_OPTS="-XX:DumpLoadedClassList=/training/classes-dbus-$n.lst" \
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
