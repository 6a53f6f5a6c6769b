# shellcheck shell=bash
# Scenario 7: three guests form an etcd cluster from cloud-config: a static initial cluster on a
# private guest-to-guest network (a bridge and taps inside our network namespace, no address on
# the host side), one config-drive each. Healthy with three members, as users run it at scale.

scenario_7_cluster() {
  local n cluster="" disks=() ports=()
  ip link add e2ebr0 type bridge
  ip link set e2ebr0 up
  for n in 1 2 3; do
    cluster+="${cluster:+,}node$n=http://10.77.0.1$n:2380"
  done
  for n in 1 2 3; do
    local vm=node$n dir=$E2E_RUN/node$n-drive disk port
    ip tuntap add "e2etap$n" mode tap
    ip link set "e2etap$n" master e2ebr0 up
    mkdir -p "$dir/openstack/latest"
    printf '{"uuid": "0e2e0000-0000-0000-0000-00000000007%s", "hostname": "node%s"}' "$n" "$n" \
      > "$dir/openstack/latest/meta_data.json"
    cat > "$dir/openstack/latest/user_data" <<YAML
#cloud-config
hostname: node$n
coreos:
  etcd2:
    name: node$n
    data_dir: /var/lib/etcd/cluster
    listen_client_urls: http://0.0.0.0:2379
    advertise_client_urls: http://10.77.0.1$n:2379
    listen_peer_urls: http://10.77.0.1$n:2380
    initial_advertise_peer_urls: http://10.77.0.1$n:2380
    initial_cluster: $cluster
    initial_cluster_state: new
    initial_cluster_token: kindling-e2e
    heartbeat_interval: 500
    election_timeout: 5000
  units:
    - name: etcd2.service
      command: start
YAML
    make_configdrive "$dir" "$E2E_RUN/$vm.iso" iso
    disk=$(new_disk "$vm")
    enable_unit "$disk" kindling-configdrive.service
    port=$(free_port)
    disks+=("$disk")
    ports+=("$port")
    VM_MEMORY=768 VM_CPUS=1 VM_APPEND="ip=10.77.0.1$n:::255.255.255.0:node$n:eth1:off" \
      start_vm "$vm" "$disk" - ",hostfwd=tcp:127.0.0.1:$port-:2379" \
      -drive "file=$E2E_RUN/$vm.iso,if=virtio,format=raw,readonly=on" \
      -netdev "tap,id=c0,ifname=e2etap$n,script=no,downscript=no" \
      -device "virtio-net-pci,netdev=c0,mac=52:54:00:77:00:1$n"
  done
  for n in 1 2 3; do
    wait_agent "node$n" 400 || fail "cluster: node$n guest agent never answered"
    check_eq "cluster: node$n agent finished" active "$(wait_unit "node$n" kindling-configdrive.service 400)"
    echo "  node$n: kindling-configdrive.service ran $(kindling_duration "node$n" kindling-configdrive.service) s"
  done
  local members="" start=$SECONDS
  while ((SECONDS - start < 180)); do
    members=$(curl -s --max-time 5 -X POST -d '{}' "http://127.0.0.1:${ports[0]}/v3/cluster/member/list" || true)
    [ "$(grep -o '"name":"node' <<< "$members" | wc -l)" = 3 ] && break
    sleep 3
  done
  check_eq "cluster: three members listed" 3 "$(grep -o '"name":"node' <<< "$members" | wc -l)"
  for n in 1 2 3; do
    check_contains "cluster: node$n healthy" '"health":"true"' \
      "$(curl -s --max-time 10 "http://127.0.0.1:${ports[$((n - 1))]}/health")"
  done
  # A key written through node1 is read back through node3.
  curl -s --max-time 10 -X POST -d '{"key":"a2luZGxpbmc=","value":"ZTJl"}' \
    "http://127.0.0.1:${ports[0]}/v3/kv/put" > /dev/null
  check_contains "cluster: replicated write visible on node3" '"value":"ZTJl"' \
    "$(curl -s --max-time 10 -X POST -d '{"key":"a2luZGxpbmc="}' "http://127.0.0.1:${ports[2]}/v3/kv/range")"
  for n in 1 2 3; do stop_vm "node$n" "${disks[$((n - 1))]}"; done
}
