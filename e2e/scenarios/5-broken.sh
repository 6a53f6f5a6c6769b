# shellcheck shell=bash
# Scenario 5: a broken config. The hostname and the SSH keys are still applied (they come first),
# the agent's unit fails visibly, the machine still boots to multi-user and is reachable, and the
# report names each failing step.

scenario_5_broken() {
  local vm=broken fixtures=$E2E_RUN/broken-fixtures disk port ssh_port
  ssh_keypair
  ec2_fixtures "$fixtures" "#cloud-config
hostname: broken-but-reachable
ssh_authorized_keys:
  - $(cat "$E2E_RUN/id_e2e.pub")
write_files:
  - path: /etc/kindling-e2e/undecodable
    encoding: base64
    content: 'this is not base64!'
coreos:
  units:
    - name: does-not-exist.service
      command: start
"
  port=$(start_emulator broken ec2 "$fixtures")
  disk=$(new_disk "$vm")
  enable_unit "$disk" kindling-ec2.service
  ssh_port=$(free_port)
  start_vm "$vm" "$disk" "$port" ",hostfwd=tcp:127.0.0.1:$ssh_port-:22"
  wait_agent "$vm" 300 || { fail "broken: guest agent never answered"; stop_vm "$vm" "$disk"; return 1; }
  check_eq "broken: the agent's unit fails visibly" failed "$(wait_unit "$vm" kindling-ec2.service 300)"
  echo "  kindling-ec2.service ran $(kindling_duration "$vm" kindling-ec2.service) s"
  check_eq "broken: hostname still applied" broken-but-reachable "$(guest "$vm" hostname)"
  check_contains "broken: SSH key still installed for core" "$(cut -d' ' -f2 "$E2E_RUN/id_e2e.pub")" \
    "$(guest "$vm" cat /home/core/.ssh/authorized_keys)"
  local target
  for _ in $(seq 60); do
    target=$(guest "$vm" systemctl is-active multi-user.target)
    [ "$target" = active ] && break
    sleep 2
  done
  check_eq "broken: the machine still reaches multi-user.target" active "$target"
  local failed
  failed=$(report_query "$vm" "'; '.join(a['description'] for a in r['actions'] if a['status'] in ('failed', 'rejected'))")
  check_contains "broken: report names the undecodable file" "/etc/kindling-e2e/undecodable" "$failed"
  check_contains "broken: report names the unit that does not exist" "does-not-exist.service" "$failed"
  check "broken: no file written for the undecodable content" guest "$vm" test ! -e /etc/kindling-e2e/undecodable
  if guest "$vm" test -x /usr/sbin/sshd > /dev/null; then
    check_eq "broken: core logs in over SSH" core "$(ssh_to "$ssh_port" core whoami)"
  fi
  stop_vm "$vm" "$disk"
}
