# shellcheck shell=bash
# shellcheck source=2-ec2.sh
# Scenario 9: bootcmd, runcmd and #include. The EC2 user data is an include file naming two URLs
# on a second emulator of the host (the first pinned by its sha256); bootcmd runs first, a unit
# the config starts next, runcmd last. The same disk boots a second time: bootcmd and the unit run
# again, runcmd does not (once per instance). In the guest, an include whose pin does not match
# is refused, and kindling status and query read what the run kept.

# The EC2 fixtures of scenario 2 (when only this scenario runs, its file is not sourced yet).
declare -F ec2_fixtures > /dev/null || source "$REPO/e2e/scenarios/2-ec2.sh"

scenario_9_commands() {
  local vm=commands fixtures=$E2E_RUN/commands-fixtures includes=$E2E_RUN/commands-includes
  local disk port inc_port sha base=http://169.254.169.254:8080
  ssh_keypair
  rm -rf "$includes"
  mkdir -p "$includes"
  cat > "$includes/base.yaml" <<'YAML'
#cloud-config
bootcmd:
  - mkdir -p /var/lib/kindling-e2e && echo bootcmd >> /var/lib/kindling-e2e/order.log
coreos:
  units:
    - name: e2e-order.service
      command: start
      content: |
        [Service]
        Type=oneshot
        ExecStart=/bin/sh -c 'echo unit >> /var/lib/kindling-e2e/order.log'
YAML
  cat > "$includes/last.yaml" <<'YAML'
#cloud-config
runcmd:
  - [sh, -c, "echo runcmd >> /var/lib/kindling-e2e/order.log"]
  - echo "ip $private_ipv4" > /var/lib/kindling-e2e/runcmd-ip
YAML
  sha=$(sha256sum "$includes/base.yaml" | cut -d' ' -f1)
  ec2_fixtures "$fixtures" "#include
$base/base.yaml sha256=$sha
$base/last.yaml
"
  port=$(start_emulator commands ec2 "$fixtures")
  inc_port=$(start_emulator commands-includes plain "$includes")
  local fwd=",guestfwd=tcp:169.254.169.254:8080-cmd:/usr/bin/python3 $E2E_LIB/relay.py $inc_port"
  disk=$(new_disk "$vm")
  enable_unit "$disk" kindling-ec2.service
  start_vm "$vm" "$disk" "$port" "$fwd"
  wait_agent "$vm" 300 || { fail "commands: guest agent never answered"; stop_vm "$vm" "$disk"; return 1; }
  check_eq "commands: agent unit finished" active "$(wait_unit "$vm" kindling-ec2.service 300)"
  echo "  kindling-ec2.service ran $(kindling_duration "$vm" kindling-ec2.service) s"
  check_eq "commands: bootcmd first, the unit, runcmd last" "bootcmd unit runcmd" \
    "$(guest "$vm" cat /var/lib/kindling-e2e/order.log | tr '\n' ' ' | sed 's/ $//')"
  check_eq "commands: runcmd templated from metadata" "ip 10.0.1.17" \
    "$(guest "$vm" cat /var/lib/kindling-e2e/runcmd-ip)"
  check_eq "commands: every command ok with exit status 0 in the report" "ok 0,ok 0,ok 0" \
    "$(report_query "$vm" "','.join(a['status'] + ' ' + str(a.get('exitStatus')) for a in r['actions'] if a['type'] in ('bootcmd', 'runcmd'))")"
  check "commands: both includes fetched from the host" \
    grep -q "GET /base.yaml" "$E2E_RUN/commands-includes-emulator.log"
  check_contains "commands: kindling status says done" "status: done" \
    "$(guest "$vm" kindling status)"
  check_eq "commands: kindling query private_ipv4" 10.0.1.17 \
    "$(guest "$vm" kindling query private_ipv4)"
  check_eq "commands: the instance is recorded" i-0e2e000000000001 \
    "$(guest "$vm" cat /var/lib/kindling/instance-id)"
  # A pin that does not match: the include is refused, nothing is applied.
  local refused
  refused=$(guest "$vm" sh -c "printf '#include\n$base/base.yaml sha256=%064d\n' 0 > /run/bad-include; \
kindling render --from-file /run/bad-include 2>&1; echo exit=\$?")
  check_contains "commands: pin mismatch refused" "content refused" "$refused"
  check_contains "commands: pin mismatch exits 1" "exit=1" "$refused"
  stop_vm "$vm" "$disk"

  # The same disk boots again: a second boot of the same instance.
  start_vm "$vm-2" "$disk" "$port" "$fwd"
  vm=$vm-2
  wait_agent "$vm" 300 || { fail "commands: second boot: guest agent never answered"; stop_vm "$vm" "$disk"; return 1; }
  check_eq "commands: second boot: agent unit finished" active "$(wait_unit "$vm" kindling-ec2.service 300)"
  check_eq "commands: second boot: bootcmd and the unit again, runcmd not" \
    "bootcmd unit runcmd bootcmd unit" \
    "$(guest "$vm" cat /var/lib/kindling-e2e/order.log | tr '\n' ' ' | sed 's/ $//')"
  check_eq "commands: second boot: runcmd unchanged (ran already for this instance)" "unchanged,unchanged" \
    "$(report_query "$vm" "','.join(a['status'] for a in r['actions'] if a['type'] == 'runcmd')")"
  stop_vm "$vm" "$disk"
}
