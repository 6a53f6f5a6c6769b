# A throw-away systemd-nspawn container booted from the cached e2e test image (sourced by
# packaging/training-dbus.sh and bench/startup-dbus.sh): real systemd and D-Bus as PID 1,
# --volatile=overlay (every write goes to a tmpfs and is gone at power-off), --private-network
# (loopback only), the staged /usr/lib/kindling and /usr/bin/kindling bound in at the paths the
# class archive records.
#
#   container_image                  prints the cached image's root directory, or fails
#   container_start LOG [ARGS...]    boots it (extra systemd-nspawn ARGS, e.g. --bind=...), waits
#                                    until systemd is running; sets $container_pid1; fails with a
#                                    reason in LOG when it cannot
#   inside COMMAND...                runs COMMAND in the container (clean environment)
#   container_stop                   powers it off (callers run it from their EXIT trap)

container_image() {
  local key rootfs
  key=$(bash e2e/image/build-image.sh --print-key) || return 1
  rootfs=${KINDLING_E2E_CACHE:-/var/cache/kindling-e2e}/$key/rootfs
  [ -d "$rootfs/usr/lib/systemd" ] || return 1
  echo "$rootfs"
}

container_nspawn=""
container_pid1=""

container_stop() {
  if [ -n "$container_pid1" ] && kill -0 "$container_pid1" 2> /dev/null; then
    nsenter --target "$container_pid1" --all systemctl poweroff --no-block > /dev/null 2>&1 || true
    for _ in $(seq 150); do kill -0 "$container_nspawn" 2> /dev/null || break; sleep 0.2; done
    kill -9 "$container_pid1" 2> /dev/null || true # gone already after the poweroff
  fi
  # nspawn killed here exits 137: that is the expected end, not a failure of the caller (which
  # may run under set -e, from its EXIT trap, where a failing last command becomes the exit status).
  if [ -n "$container_nspawn" ]; then
    kill -9 "$container_nspawn" 2> /dev/null || true
    wait "$container_nspawn" 2> /dev/null || true
  fi
  container_nspawn=""
  container_pid1=""
}

inside() { nsenter --target "$container_pid1" --all env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin "$@"; }

container_start() {
  local log=$1 rootfs state child
  shift
  rootfs=$(container_image) || { echo "no cached test image (bash e2e/nspawn/prepare.sh builds it)" >> "$log"; return 1; }
  systemd-nspawn --quiet --boot --directory="$rootfs" --volatile=overlay --private-network \
    --register=no --keep-unit --console=passive --machine="kindling-$$" \
    --bind-ro=/dev/null:/etc/fstab --bind-ro=/usr/lib/kindling --bind-ro=/usr/bin/kindling \
    "$@" < /dev/null >> "$log" 2>&1 &
  container_nspawn=$!
  for _ in $(seq 300); do
    for child in $(pgrep -P "$container_nspawn"); do
      [ "$(cat "/proc/$child/comm" 2> /dev/null)" = systemd ] && container_pid1=$child
    done
    [ -n "$container_pid1" ] && break
    kill -0 "$container_nspawn" 2> /dev/null || break
    sleep 0.1
  done
  [ -n "$container_pid1" ] || { echo "the container did not start" >> "$log"; return 1; }
  state=""
  for _ in $(seq 600); do
    state=$(inside systemctl is-system-running 2> /dev/null)
    case $state in running | degraded) return 0 ;; esac
    sleep 0.1
  done
  echo "the container did not boot (state '$state')" >> "$log"
  return 1
}
