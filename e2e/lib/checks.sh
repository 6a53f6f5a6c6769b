# shellcheck shell=bash
# Assertions and shared helpers for the e2e scenarios (sourced by e2e/run).
PASSED=0
FAILED=0
declare -a SERVER_PIDS=()

pass() { PASSED=$((PASSED + 1)); echo "  PASS $*"; }
fail() { FAILED=$((FAILED + 1)); echo "  FAIL $*"; }

# check DESCRIPTION CMD...: pass when the command succeeds.
check() {
  local what=$1
  shift
  local out
  if out=$("$@" 2>&1); then pass "$what"; else fail "$what: $(echo "$out" | tail -3 | tr '\n' ' ')"; fi
}

# check_eq DESCRIPTION EXPECTED ACTUAL
check_eq() {
  if [ "$2" = "$3" ]; then pass "$1"; else fail "$1: expected '$2', got '$3'"; fi
}

# check_contains DESCRIPTION NEEDLE HAYSTACK
check_contains() {
  if [[ $3 == *"$2"* ]]; then pass "$1"; else fail "$1: '$2' not in: $(echo "$3" | head -5 | tr '\n' ' ')"; fi
}

summary() {
  echo "e2e: $PASSED passed, $FAILED failed"
  [ "$FAILED" -eq 0 ]
}

# free_port: an unused TCP port on 127.0.0.1.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# start_emulator NAME FLAVOR FIXTURE_DIR: the metadata emulator from the test classes, on
# 127.0.0.1 (requests logged to NAME-emulator.log); prints its port.
start_emulator() {
  local name=$1 flavor=$2 dir=$3 log=$E2E_RUN/$1-emulator.log
  java -cp "$REPO_CLASSPATH" dev.kindling.testing.MetadataEmulator 0 "$flavor" "$dir" --log \
    > "$log.port" 2> "$log" &
  SERVER_PIDS+=($!)
  local start=$SECONDS
  until [ -s "$log.port" ] || ((SECONDS - start > 60)); do sleep 0.2; done
  head -1 "$log.port"
}

stop_all_servers() {
  local pid
  for pid in "${SERVER_PIDS[@]}"; do kill "$pid" 2> /dev/null || true; done
}

# new_disk NAME: a fresh copy of the base image with Kindling's runtime image injected.
new_disk() {
  local disk=$E2E_RUN/$1.raw
  cp --sparse=always "$E2E_IMAGE/base.ext4" "$disk"
  inject_tree "$disk" "$REPO/target/dist/root"
  echo "$disk"
}

# enable_unit DISK UNIT [TARGET]: the .wants link a `systemctl enable` would make.
enable_unit() {
  local disk=$1 unit=$2 target=${3:-multi-user.target}
  debugfs -w -f - "$disk" > /dev/null 2>&1 <<CMDS
mkdir /etc/systemd/system/$target.wants
symlink /etc/systemd/system/$target.wants/$unit /usr/lib/systemd/system/$unit
CMDS
}

# kindling_duration VM UNIT: seconds the agent's unit ran, from systemd's own timestamps.
kindling_duration() {
  local start end
  start=$(guest "$1" systemctl show -P ExecMainStartTimestampMonotonic "$2")
  end=$(guest "$1" systemctl show -P ExecMainExitTimestampMonotonic "$2")
  python3 -c "print(f'{($end - $start) / 1e6:.1f}')" 2> /dev/null || echo "?"
}

# report_json VM: Kindling's run report from the guest.
report_json() { guest "$1" cat /run/kindling/report.json; }

# jq-like access to the report without jq: report_query VM PYTHON_EXPR (r = the report dict).
report_query() {
  local vm=$1 expr=$2
  report_json "$vm" | python3 -c "import json,sys; r=json.load(sys.stdin); print($expr)"
}

# ssh_keypair: the keys the scenarios install (made once per run).
ssh_keypair() {
  [ -f "$E2E_RUN/id_e2e" ] || ssh-keygen -q -t ed25519 -N '' -C e2e@kindling -f "$E2E_RUN/id_e2e"
  [ -f "$E2E_RUN/id_meta" ] || ssh-keygen -q -t ed25519 -N '' -C meta@kindling -f "$E2E_RUN/id_meta"
}

# ssh_to PORT USER CMD...: run a command over SSH through a hostfwd port on 127.0.0.1.
ssh_to() {
  local port=$1 user=$2
  shift 2
  ssh -i "$E2E_RUN/id_e2e" -p "$port" -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
    -o BatchMode=yes -o ConnectTimeout=20 -o LogLevel=ERROR "$user@127.0.0.1" "$@"
}
