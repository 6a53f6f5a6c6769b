# shellcheck shell=bash
# Scenario 3: --auto picks the right source from the guest's DMI strings (qemu -smbios type=1):
# "Google Compute Engine" -> the GCE metadata server (Metadata-Flavor: Google), "OpenStack Nova"
# -> the OpenStack metadata service. kindling-auto.service is the only agent unit enabled.

scenario_3_auto() {
  auto_vm gce "Google" "Google Compute Engine" gce-metadata
  auto_vm openstack "OpenStack Foundation" "OpenStack Nova" openstack-metadata
}

auto_vm() {
  local flavor=$1 vendor=$2 product=$3 expected=$4 vm=auto-$1 fixtures=$E2E_RUN/auto-$1-fixtures disk port
  rm -rf "$fixtures"
  local user_data="#cloud-config
write_files:
  - path: /etc/kindling-e2e/platform
    content: $flavor
"
  if [ "$flavor" = gce ]; then
    local i=$fixtures/computeMetadata/v1/instance
    mkdir -p "$i/attributes" "$i/network-interfaces/0/access-configs/0"
    printf '%s' "$user_data" > "$i/attributes/user-data"
    printf 'auto-gce.c.e2e-project.internal' > "$i/hostname"
    printf '4242424242' > "$i/id"
    printf '10.128.0.5' > "$i/network-interfaces/0/ip"
    printf '34.0.2.5' > "$i/network-interfaces/0/access-configs/0/external-ip"
  else
    local o=$fixtures/openstack/latest
    mkdir -p "$o"
    printf '%s' "$user_data" > "$o/user_data"
    printf '{"uuid": "0e2e0000-aaaa-bbbb-cccc-000000000003", "hostname": "auto-openstack", "public_keys": {}}' \
      > "$o/meta_data.json"
  fi
  port=$(start_emulator "auto-$flavor" "$flavor" "$fixtures")
  disk=$(new_disk "$vm")
  enable_unit "$disk" kindling-auto.service
  start_vm "$vm" "$disk" "$port" "" -smbios "type=1,manufacturer=$vendor,product=$product"
  wait_agent "$vm" 300 || { fail "$vm: guest agent never answered"; stop_vm "$vm" "$disk"; return 1; }
  check_eq "$vm: agent unit finished" active "$(wait_unit "$vm" kindling-auto.service 300)"
  echo "  kindling-auto.service ran $(kindling_duration "$vm" kindling-auto.service) s"
  check_eq "$vm: --auto selected $expected" "$expected" "$(report_query "$vm" "r['datasource']")"
  check_eq "$vm: user data applied" "$flavor" "$(guest "$vm" cat /etc/kindling-e2e/platform)"
  stop_vm "$vm" "$disk"
}
