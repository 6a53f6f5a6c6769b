# shellcheck shell=bash
# Scenario 6: the config-drive machine of scenario 1 boots a second time, and the agent is also
# run again in the same boot. Nothing persistent is rewritten, no unit command runs that the
# config does not ask for, and the second in-boot run changes nothing at all.

DISK_REUSED_BY[configdrive]=6-second-boot

scenario_6_second_boot() {
  local vm=configdrive disk=$E2E_RUN/configdrive.raw
  [ -f "$disk" ] && [ -f "$E2E_RUN/configdrive.iso" ] || { fail "second-boot: needs scenario 1's disk"; return 1; }
  start_vm "$vm-2" "$disk" - "" -drive "file=$E2E_RUN/configdrive.iso,if=virtio,format=raw,readonly=on"
  vm=$vm-2
  wait_agent "$vm" 300 || { fail "second-boot: guest agent never answered"; stop_vm "$vm" "$disk"; return 1; }
  check_eq "second-boot: agent unit finished" active "$(wait_unit "$vm" kindling-configdrive.service 300)"
  echo "  kindling-configdrive.service ran $(kindling_duration "$vm" kindling-configdrive.service) s"
  check_eq "second-boot: write_files target not rewritten (same inode)" \
    "$(cat "$E2E_RUN/configdrive-inode.txt")" "$(guest "$vm" stat -c %i /etc/kindling-e2e/address.conf)"
  check_eq "second-boot: every /etc file action unchanged" "" \
    "$(report_query "$vm" "' '.join(a['description'] for a in r['actions'] if a['type'] in ('write-file', 'place-unit', 'place-drop-in', 'mask-unit') and '/etc/' in a['description'] and a['status'] != 'unchanged')")"
  check_eq "second-boot: only the unit commands the config asks for" "start hello.service,start etcd2.service" \
    "$(report_query "$vm" "','.join(a['description'] for a in r['actions'] if a['type'] == 'unit-command')")"
  check_eq "second-boot: no user re-created" "" \
    "$(report_query "$vm" "' '.join(a['description'] for a in r['actions'] if a['type'] == 'create-user' and a['status'] not in ('unchanged', 'ok'))")"
  # Run the agent again in the same boot: now nothing at all may change.
  local etcd_since
  etcd_since=$(guest "$vm" systemctl show -P ActiveEnterTimestampMonotonic etcd.service)
  guest "$vm" systemctl restart kindling-configdrive.service > /dev/null
  check_eq "second-boot: rerun changed no file" "" \
    "$(report_query "$vm" "' '.join(a['description'] for a in r['actions'] if a['type'] in ('write-file', 'place-unit', 'place-drop-in', 'mask-unit', 'merge-environment-file', 'authorize-ssh-keys') and a['status'] not in ('unchanged',))")"
  check_eq "second-boot: etcd not restarted by the rerun (start of a running unit is a no-op)" \
    "$etcd_since" "$(guest "$vm" systemctl show -P ActiveEnterTimestampMonotonic etcd.service)"
  stop_vm "$vm" "$disk"
}
