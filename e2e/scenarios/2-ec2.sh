# shellcheck shell=bash
# Scenario 2: the EC2 metadata emulator with IMDSv2. User data fetched with a session token,
# $private_ipv4 from metadata, the metadata SSH key installed for core, /etc/environment COREOS_*
# written, hostname from metadata (the user data sets none).
# In the same boot, fleet, locksmith and flannel: the disk gets stand-in units with their real
# names (e2e/standins: the binaries are not packaged for Debian) whose process records its
# environment; every FLEET_*, LOCKSMITHD_*/REBOOT_WINDOW_* and FLANNELD_* variable rendered from
# the cloud-config must reach the process exactly, values with spaces, quotes, $, % and
# backslashes included (e2e/lib/service-env.py), and reboot_strategy must reach locksmithd through
# /etc/coreos/update.conf as its unit reads it.

scenario_2_ec2() {
  local vm=ec2 fixtures=$E2E_RUN/ec2-fixtures disk port
  ssh_keypair
  ec2_fixtures "$fixtures" "#cloud-config
write_files:
  - path: /etc/kindling-e2e/ec2.conf
    content: |
      private=\$private_ipv4 public=\$public_ipv4
$(python3 "$E2E_LIB/service-env.py" cloud-config)
  units:
    - name: fleet.service
      command: start
    - name: flanneld.service
      command: start
"
  port=$(start_emulator ec2 ec2 "$fixtures")
  disk=$(new_disk "$vm")
  inject_tree "$disk" "$REPO/e2e/standins"
  enable_unit "$disk" kindling-ec2.service
  start_vm "$vm" "$disk" "$port" ""
  wait_agent "$vm" 300 || { fail "ec2: guest agent never answered"; stop_vm "$vm" "$disk"; return 1; }
  check_eq "ec2: agent unit finished" active "$(wait_unit "$vm" kindling-ec2.service 300)"
  echo "  kindling-ec2.service ran $(kindling_duration "$vm" kindling-ec2.service) s"
  check_eq "ec2: \$private_ipv4/\$public_ipv4 from metadata" "private=10.0.1.17 public=203.0.113.17" \
    "$(guest "$vm" cat /etc/kindling-e2e/ec2.conf)"
  check_eq "ec2: hostname from metadata (short name)" ip-10-0-1-17 "$(guest "$vm" hostname)"
  check_contains "ec2: metadata SSH key installed for core" "$(cut -d' ' -f2 "$E2E_RUN/id_meta.pub")" \
    "$(guest "$vm" cat /home/core/.ssh/authorized_keys)"
  local env
  env=$(guest "$vm" cat /etc/environment)
  check_contains "ec2: /etc/environment COREOS_PRIVATE_IPV4" "COREOS_PRIVATE_IPV4=10.0.1.17" "$env"
  check_contains "ec2: /etc/environment COREOS_PUBLIC_IPV4" "COREOS_PUBLIC_IPV4=203.0.113.17" "$env"
  check_eq "ec2: report names the datasource" ec2-metadata "$(report_query "$vm" "r['datasource']")"
  local log=$E2E_RUN/ec2-emulator.log
  check "ec2: token requested with PUT (IMDSv2)" grep -q "PUT /latest/api/token" "$log"
  check "ec2: user data fetched with the token" grep -qE "GET /latest/user-data token=yes" "$log"
  service_environments "$vm" 10.0.1.17 203.0.113.17
  stop_vm "$vm" "$disk"
}

# service_environments VM PRIVATE PUBLIC: the stand-in fleet, locksmithd and flanneld processes
# got exactly the variables the cloud-config asked for; update.conf is what locksmithd reads.
service_environments() {
  local vm=$1 unit
  for unit in fleet locksmithd flanneld; do
    check_eq "services: $unit.service ran (started by the agent)" active \
      "$(guest "$vm" systemctl is-active "$unit.service")"
    check "services: $unit.service got every rendered variable exactly" \
      bash -c "python3 '$E2E_LIB/qga.py' '${VM_DIR[$vm]}/qga.sock' --timeout 60 -- \
        base64 -w0 /run/kindling-e2e/$unit.environ | python3 '$E2E_LIB/service-env.py' check $unit $2 $3"
  done
  check_eq "services: reboot_strategy merged into /etc/coreos/update.conf" \
    "GROUP=stable
SERVER=https://public.update.core-os.net/v1/update/
REBOOT_STRATEGY=etcd-lock" "$(guest "$vm" cat /etc/coreos/update.conf)"
}

# ec2_fixtures DIR USER_DATA: an EC2 metadata tree (paths as served) for the emulator.
ec2_fixtures() {
  local d=$1 md
  rm -rf "$d"
  md=$d/latest/meta-data
  mkdir -p "$md/public-keys/0"
  printf '%s' "$2" > "$d/latest/user-data"
  printf 'i-0e2e000000000001' > "$md/instance-id"
  printf 'ip-10-0-1-17.ec2.internal' > "$md/hostname"
  printf 'ip-10-0-1-17.ec2.internal' > "$md/local-hostname"
  printf '10.0.1.17' > "$md/local-ipv4"
  printf '203.0.113.17' > "$md/public-ipv4"
  printf '0=e2e-meta' > "$md/public-keys/_index"
  cp "$E2E_RUN/id_meta.pub" "$md/public-keys/0/openssh-key"
}
