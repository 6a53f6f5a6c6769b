# shellcheck shell=bash
# Scenario 1: a config-drive (ISO9660 labelled config-2) on first boot. Hostname, a user with an
# SSH key, write_files, a unit started, a masked unit, an etcd2-style drop-in — and Debian's etcd
# actually running with the rendered Environment: its client URL answers, the member name and
# advertise URL come from the config, with $private_ipv4 substituted (from COREOS_PRIVATE_IPV4 in
# /etc/environment: a config-drive carries no addresses). Scenario 6 boots the same disk again.

scenario_1_configdrive() {
  local vm=configdrive dir=$E2E_RUN/configdrive-drive disk etcd_port ssh_port
  ssh_keypair
  disk=$(new_disk "$vm")
  enable_unit "$disk" kindling-configdrive.service
  write_guest_file "$disk" /etc/environment "COREOS_PRIVATE_IPV4=169.254.0.15
"
  mkdir -p "$dir/openstack/latest"
  cat > "$dir/openstack/latest/meta_data.json" <<JSON
{"uuid": "3c3f8e44-0c2b-4b7e-9d2a-6f3b3b7a0001", "hostname": "from-metadata.novalocal",
 "public_keys": {"e2e-meta": "$(cat "$E2E_RUN/id_meta.pub")"}}
JSON
  cat > "$dir/openstack/latest/user_data" <<YAML
#cloud-config
hostname: e2e-configdrive
users:
  - name: alice
    gecos: Alice Example
    groups: [sudo]
    shell: /bin/bash
    ssh_authorized_keys:
      - $(cat "$E2E_RUN/id_e2e.pub")
write_files:
  - path: /etc/kindling-e2e/address.conf
    permissions: "0640"
    content: |
      private=\$private_ipv4
coreos:
  etcd2:
    name: e2e-node
    data_dir: /var/lib/etcd/e2e
    advertise_client_urls: http://\$private_ipv4:2379
    listen_client_urls: http://0.0.0.0:2379
    listen_peer_urls: http://127.0.0.1:2380
    initial_advertise_peer_urls: http://127.0.0.1:2380
    initial_cluster: e2e-node=http://127.0.0.1:2380
  units:
    - name: hello.service
      command: start
      content: |
        [Unit]
        Description=e2e hello

        [Service]
        Type=oneshot
        RemainAfterExit=yes
        ExecStart=/bin/sh -c 'echo hello > /run/hello.txt'
    - name: masked.service
      mask: true
    - name: etcd2.service
      command: start
YAML
  make_configdrive "$dir" "$E2E_RUN/$vm.iso" iso
  etcd_port=$(free_port)
  ssh_port=$(free_port)
  start_vm "$vm" "$disk" - ",hostfwd=tcp:127.0.0.1:$etcd_port-:2379,hostfwd=tcp:127.0.0.1:$ssh_port-:22" \
    -drive "file=$E2E_RUN/$vm.iso,if=virtio,format=raw,readonly=on"
  wait_agent "$vm" 300 || { fail "configdrive: guest agent never answered"; stop_vm "$vm" "$disk"; return 1; }
  check_eq "configdrive: agent unit finished" active "$(wait_unit "$vm" kindling-configdrive.service 300)"
  echo "  kindling-configdrive.service ran $(kindling_duration "$vm" kindling-configdrive.service) s"
  # Each command line starts from its own class archive, and the archive matches the runtime
  # (-Xshare:on fails otherwise; the cds log names the archive opened).
  archive_check() { # DESCRIPTION ARCHIVE LAUNCHER ARGS...
    local out status=0
    out=$(guest "$vm" env "KINDLING_JAVA_OPTS=-Xshare:on -Xlog:cds=info:stdout" "/usr/bin/$3" "${@:4}") ||
      status=$?
    check_eq "configdrive: $1 exits 0 with -Xshare:on" 0 "$status"
    check_contains "configdrive: $1 starts from $2" "/lib/kindling/$2." \
      "$(grep "Opened shared archive file" <<< "$out")"
  }
  archive_check "--version" kindling.jsa kindling --version
  archive_check "validate" kindling-validate.jsa kindling validate --help
  archive_check "run from the config drive" kindling-run-local.jsa kindling run --help \
    --from-configdrive /media/configdrive
  archive_check "run from a metadata service" kindling-run.jsa kindling run --help \
    --from-ec2-metadata http://127.0.0.1:9/
  archive_check "coreos-cloudinit from the config drive" kindling-run-local.jsa coreos-cloudinit \
    -version -from-configdrive=/media/configdrive
  check_eq "configdrive: hostname from user data" e2e-configdrive "$(guest "$vm" hostname)"
  check_contains "configdrive: user alice created" "Alice Example" "$(guest "$vm" getent passwd alice)"
  check_contains "configdrive: alice's key installed" "$(cut -d' ' -f2 "$E2E_RUN/id_e2e.pub")" \
    "$(guest "$vm" cat /home/alice/.ssh/authorized_keys)"
  check_contains "configdrive: metadata key for core" "$(cut -d' ' -f2 "$E2E_RUN/id_meta.pub")" \
    "$(guest "$vm" cat /home/core/.ssh/authorized_keys)"
  check_eq "configdrive: write_files content, \$private_ipv4 substituted" "private=169.254.0.15" \
    "$(guest "$vm" cat /etc/kindling-e2e/address.conf)"
  check_eq "configdrive: write_files mode" 640 "$(guest "$vm" stat -c %a /etc/kindling-e2e/address.conf)"
  check_eq "configdrive: hello.service started" hello "$(guest "$vm" cat /run/hello.txt)"
  check_eq "configdrive: masked.service masked" masked "$(guest "$vm" systemctl is-enabled masked.service)"
  check_contains "configdrive: etcd2 drop-in rendered" 'Environment="ETCD_NAME=e2e-node"' \
    "$(guest "$vm" cat /run/systemd/system/etcd2.service.d/20-cloudinit.conf)"
  check_eq "configdrive: etcd active" active "$(guest "$vm" systemctl is-active etcd.service)"
  check_contains "configdrive: etcd answers on its client URL" etcdserver \
    "$(curl -s --max-time 10 "http://127.0.0.1:$etcd_port/version")"
  local members
  members=$(curl -s --max-time 10 -X POST -d '{}' "http://127.0.0.1:$etcd_port/v3/cluster/member/list")
  check_contains "configdrive: etcd member name from the config" '"name":"e2e-node"' "$members"
  check_contains "configdrive: advertise URL with \$private_ipv4 substituted" \
    '"clientURLs":["http://169.254.0.15:2379"]' "$members"
  check_eq "configdrive: report has no failed step" 0 \
    "$(report_query "$vm" "sum(1 for a in r['actions'] if a['status'] == 'failed')")"
  if guest "$vm" test -x /usr/sbin/sshd > /dev/null; then
    check_eq "configdrive: alice logs in over SSH with her key" alice \
      "$(ssh_to "$ssh_port" alice whoami)"
  fi
  # Scenario 6 compares against these.
  guest "$vm" stat -c %i /etc/kindling-e2e/address.conf > "$E2E_RUN/configdrive-inode.txt"
  stop_vm "$vm" "$disk"
}
