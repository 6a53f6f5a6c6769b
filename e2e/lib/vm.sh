# shellcheck shell=bash
# VM helpers for e2e/run (sourced). Every qemu runs under TCG unless KVM really works, with user
# networking restricted (restrict=on): the guest reaches only the explicit forwards below, and
# hostfwd listens on 127.0.0.1 only. All of it runs inside e2e/run's private network namespace.

E2E_LIB=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
declare -A VM_PID VM_DIR VM_ARGS

# inject_tree DISK STAGEDIR: copy a staged tree (dirs, files with modes and mtimes, symlinks) into
# an ext4 image without mounting it (debugfs), replacing existing files.
inject_tree() {
  local disk=$1 stage=$2 cmds
  cmds=$(mktemp)
  (cd "$stage" && find . -mindepth 1 -printf '%y %m %T@ %P\n') | sort -k4 | while read -r type mode mtime path; do
    case $type in
      d) echo "mkdir /$path" ;;
      f)
        echo "rm /$path"
        echo "write $stage/$path /$path"
        echo "sif /$path mode 0100$mode"
        echo "sif /$path mtime @${mtime%.*}"
        ;;
      l)
        echo "rm /$path"
        echo "symlink /$path $(readlink "$stage/$path")"
        ;;
    esac
  done > "$cmds"
  debugfs -w -f "$cmds" "$disk" > /dev/null 2>&1
  rm -f "$cmds"
}

# write_guest_file DISK PATH CONTENT [MODE]: put one file into the image.
write_guest_file() {
  local disk=$1 path=$2 content=$3 mode=${4:-644} tmp
  tmp=$(mktemp)
  printf '%s' "$content" > "$tmp"
  debugfs -w -f - "$disk" > /dev/null 2>&1 <<CMDS
rm $path
write $tmp $path
sif $path mode 0100$mode
CMDS
  rm -f "$tmp"
}

# make_configdrive DIR OUT [iso|vfat]: a config-drive labelled config-2 from DIR (no mount).
make_configdrive() {
  local dir=$1 out=$2 kind=${3:-iso}
  if [ "$kind" = iso ]; then
    xorriso -as mkisofs -quiet -V config-2 -J -R -o "$out" "$dir" 2> /dev/null
  else
    rm -f "$out"
    mkfs.vfat -C -n config-2 "$out" 4096 > /dev/null 2>&1
    MTOOLS_SKIP_CHECK=1 mcopy -s -i "$out" "$dir"/* ::/
  fi
}

# start_vm NAME DISK METADATA_PORT HOSTFWD [extra qemu args...]: boot a guest in the background.
# METADATA_PORT: the host loopback port that the guest's 169.254.169.254:80 is relayed to ("-"
# for none). HOSTFWD: extra ",hostfwd=tcp:127.0.0.1:H-:G" items ("" for none).
start_vm() {
  local name=$1 disk=$2 md_port=$3 hostfwd=$4
  VM_ARGS[$name]=$(printf '%q ' "$@") # for restart_silent_vm
  shift 4
  local dir=$E2E_RUN/$name accel fwd=""
  mkdir -p "$dir"
  accel=$("$E2E_LIB/detect-accel.sh" "$E2E_IMAGE/vmlinuz")
  if [ "$md_port" != - ]; then
    fwd=",guestfwd=tcp:169.254.169.254:80-cmd:/usr/bin/python3 $E2E_LIB/relay.py $md_port"
  fi
  local cpu=max
  [ "$accel" = kvm ] && cpu=host
  setpriv --pdeathsig KILL qemu-system-x86_64 -accel "$accel" -cpu "$cpu" -machine pc \
    -m "${VM_MEMORY:-1024}" -smp "${VM_CPUS:-2}" -nodefaults -no-user-config -display none -no-reboot \
    -kernel "$E2E_IMAGE/vmlinuz" -initrd "$E2E_IMAGE/initrd.img" \
    -append "root=/dev/vda rw console=ttyS0 net.ifnames=0 systemd.show_status=1 quiet loglevel=3 ${VM_APPEND:-}" \
    -drive "file=$disk,if=virtio,format=raw,cache=unsafe" \
    -netdev "user,id=n0,restrict=on,net=169.254.0.0/16,host=169.254.0.2,dns=169.254.0.3,dhcpstart=169.254.0.15$fwd$hostfwd" \
    -device virtio-net-pci,netdev=n0 -device virtio-rng-pci \
    -serial "file:$dir/console.log" \
    -chardev "socket,id=qga0,path=$dir/qga.sock,server=on,wait=off" \
    -device virtio-serial-pci -device virtserialport,chardev=qga0,name=org.qemu.guest_agent.0 \
    "$@" > "$dir/qemu.log" 2>&1 &
  VM_PID[$name]=$!
  VM_DIR[$name]=$dir
  echo "${VM_PID[$name]}" >> "$E2E_RUN/pids"
}

# wait_console NAME REGEX SECONDS: wait for a line on the serial console.
wait_console() {
  local name=$1 regex=$2 limit=$3 start=$SECONDS
  while ((SECONDS - start < limit)); do
    grep -qE "$regex" "${VM_DIR[$name]}/console.log" 2> /dev/null && return 0
    kill -0 "${VM_PID[$name]}" 2> /dev/null || return 1
    sleep 0.5
  done
  return 1
}

# restart_silent_vm NAME: a guest whose serial console stays empty has not started its kernel
# (a qemu TCG start that hung, seen about once in 35 boots here; a booting guest prints systemd's
# status within ~15 s): kill that qemu and start the same guest again, once, saying so. Its disk
# is untouched, since nothing in the guest ran.
restart_silent_vm() {
  local name=$1 limit=${E2E_SILENT_CONSOLE_LIMIT:-120}
  wait_console "$name" '.' "$limit" && return 0
  kill -0 "${VM_PID[$name]}" 2> /dev/null || return 1
  echo "  note: $name printed nothing on its console in $limit s: restarting qemu once"
  kill -9 "${VM_PID[$name]}" 2> /dev/null || true
  wait "${VM_PID[$name]}" 2> /dev/null || true
  : > "${VM_DIR[$name]}/console.log"
  eval "start_vm ${VM_ARGS[$name]}"
}

# wait_agent NAME SECONDS: wait until the guest agent answers (restarting a guest that never
# started its kernel, once).
wait_agent() {
  local name=$1 limit=$2 start=$SECONDS
  restart_silent_vm "$name" || return 1
  while ((SECONDS - start < limit)); do
    python3 "$E2E_LIB/qga.py" "${VM_DIR[$name]}/qga.sock" --ping && return 0
    kill -0 "${VM_PID[$name]}" 2> /dev/null || return 1
    sleep 1
  done
  return 1
}

# wait_unit NAME UNIT SECONDS: wait until a oneshot unit has finished, watching the serial
# console for the agent's summary line (polling through the guest agent would steal the guest's
# CPU under TCG), then print its final ActiveState.
wait_unit() {
  local name=$1 unit=$2 limit=$3
  # Kindling's last log line ("N actions: ..."), or systemd's failure line (unit names are
  # ellipsized on the console, so match neither on the name).
  wait_console "$name" 'kindling\[[0-9]+\]: INFO [0-9]+ actions:|Failed to start' "$limit" || true
  local state start=$SECONDS
  while ((SECONDS - start < 60)); do
    state=$(guest "$name" systemctl show -P ActiveState "$unit" 2> /dev/null)
    case $state in
      active | failed) echo "$state"; return 0 ;;
    esac
    sleep 2
  done
  echo "${state:-unknown}"
  return 1
}

# guest NAME CMD ARG...: run a command in the guest, print its output, return its status.
guest() {
  local name=$1
  shift
  python3 "$E2E_LIB/qga.py" "${VM_DIR[$name]}/qga.sock" --timeout 120 -- "$@"
}

# stop_vm NAME: power off through the agent (SIGKILL after 30 s), then copy the guest journal
# and Kindling's state out of the disk for the artifacts.
stop_vm() {
  local name=$1 disk=${2:-}
  local pid=${VM_PID[$name]:-}
  [ -n "$pid" ] || return 0
  python3 "$E2E_LIB/qga.py" "${VM_DIR[$name]}/qga.sock" --timeout 5 -- systemctl poweroff --no-block > /dev/null 2>&1 || true
  local start=$SECONDS
  while kill -0 "$pid" 2> /dev/null && ((SECONDS - start < 30)); do sleep 0.5; done
  kill -9 "$pid" 2> /dev/null || true
  wait "$pid" 2> /dev/null || true
  unset "VM_PID[$name]"
  if [ -n "$disk" ] && [ -f "$disk" ]; then
    local out=${VM_DIR[$name]}/guest
    mkdir -p "$out"
    debugfs -R "rdump /var/log/journal $out" "$disk" > /dev/null 2>&1 || true
    journalctl -D "$out/journal" -o short-monotonic --no-pager > "${VM_DIR[$name]}/journal.txt" 2> /dev/null || true
  fi
}

stop_all_vms() {
  local name
  for name in "${!VM_PID[@]}"; do
    kill -9 "${VM_PID[$name]}" 2> /dev/null || true
  done
}
