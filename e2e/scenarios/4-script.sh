# shellcheck shell=bash
# Scenario 4: a script user data ("#!/bin/bash" on a config-drive) runs once as a transient unit;
# its exit status is in the run report.

scenario_4_script() {
  local vm=script dir=$E2E_RUN/script-drive disk
  mkdir -p "$dir/openstack/latest"
  printf '{"uuid": "0e2e0000-0000-0000-0000-000000000004"}' > "$dir/openstack/latest/meta_data.json"
  cat > "$dir/openstack/latest/user_data" <<'SCRIPT'
#!/bin/bash
set -e
echo "ran as $(id -un) in unit ${INVOCATION_ID:+a systemd unit}" >> /var/lib/kindling-e2e-script.log
SCRIPT
  make_configdrive "$dir" "$E2E_RUN/$vm.iso" vfat
  disk=$(new_disk "$vm")
  enable_unit "$disk" kindling-configdrive.service
  start_vm "$vm" "$disk" - "" -drive "file=$E2E_RUN/$vm.iso,if=virtio,format=raw,readonly=on"
  wait_agent "$vm" 300 || { fail "script: guest agent never answered"; stop_vm "$vm" "$disk"; return 1; }
  check_eq "script: agent unit finished" active "$(wait_unit "$vm" kindling-configdrive.service 300)"
  echo "  kindling-configdrive.service ran $(kindling_duration "$vm" kindling-configdrive.service) s"
  check_eq "script: ran exactly once, as root, in a systemd unit" "ran as root in unit a systemd unit" \
    "$(guest "$vm" cat /var/lib/kindling-e2e-script.log)"
  check_eq "script: exit status 0 in the report" "ok 0" \
    "$(report_query "$vm" "' '.join(str(a.get(k)) for a in r['actions'] if a['type'] == 'run-script' for k in ('status', 'exitStatus'))")"
  check_contains "script: transient unit in the journal" "coreos-cloudinit-" \
    "$(guest "$vm" journalctl -b --no-pager -o cat -u 'coreos-cloudinit-*')"
  stop_vm "$vm" "$disk"
}
