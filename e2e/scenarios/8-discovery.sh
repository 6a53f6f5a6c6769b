# shellcheck shell=bash
# Scenario 8: three guests bootstrap ONE etcd cluster through etcd's v2 discovery protocol, the
# way discovery.etcd.io worked: each cloud-config names only a discovery URL (no initial
# cluster), served by a fourth etcd acting as the discovery service on the guests' private
# network. That etcd is Debian's own binary, taken from the test image and run here in the
# stage's network namespace (no fourth guest: a guest costs a TCG boot and ~600 MB, this costs
# well under a second), listening only on the private bridge, port 2379.
# Each guest is an OpenStack instance: its metadata service (one emulator per guest) serves the
# user data, $private_ipv4 (EC2-compatible tree) and network_data.json, from which
# kindling-openstack.service writes the guest's networkd files: DHCP on eth0 (the slirp NIC) and
# the static private address on eth1 (matched by MAC). No ip= kernel argument: the private
# network exists only because Kindling converted network_data.json.

DISCO_NET=10.78.0
DISCO_BRIDGE=e2ebr8

scenario_8_discovery() {
  local n token disks=() ports=()
  ip link add "$DISCO_BRIDGE" type bridge
  ip addr add "$DISCO_NET.1/24" dev "$DISCO_BRIDGE"
  ip link set "$DISCO_BRIDGE" up
  start_discovery_etcd || { fail "discovery: the discovery etcd did not start (see discovery-etcd.log)"; return 1; }
  token=$(python3 -c 'import uuid; print(uuid.uuid4().hex)')
  check "discovery: token created with the expected size (3)" \
    curl -fsS --max-time 10 -X PUT "http://$DISCO_NET.1:2379/v2/keys/discovery/$token/_config/size" \
    -d value=3
  for n in 1 2 3; do
    local vm=disco$n fixtures=$E2E_RUN/disco$n-fixtures disk md_port port
    discovery_fixtures "$fixtures" "$n" "http://$DISCO_NET.1:2379/v2/keys/discovery/$token"
    md_port=$(start_emulator "disco$n" openstack "$fixtures")
    ip tuntap add "e2etap8$n" mode tap
    ip link set "e2etap8$n" master "$DISCO_BRIDGE" up
    disk=$(new_disk "$vm")
    enable_unit "$disk" kindling-openstack.service
    port=$(free_port)
    disks+=("$disk")
    ports+=("$port")
    VM_MEMORY=768 VM_CPUS=1 start_vm "$vm" "$disk" "$md_port" ",hostfwd=tcp:127.0.0.1:$port-:2379" \
      -netdev "tap,id=c0,ifname=e2etap8$n,script=no,downscript=no" \
      -device "virtio-net-pci,netdev=c0,mac=52:54:00:78:00:1$n"
  done
  for n in 1 2 3; do
    wait_agent "disco$n" 400 || fail "discovery: disco$n guest agent never answered"
    check_eq "discovery: disco$n agent finished" active \
      "$(wait_unit "disco$n" kindling-openstack.service 400)"
    echo "  disco$n: kindling-openstack.service ran $(kindling_duration "disco$n" kindling-openstack.service) s"
  done
  discovery_network_checks
  local members="" start=$SECONDS
  while ((SECONDS - start < 240)); do
    members=$(curl -s --max-time 5 -X POST -d '{}' "http://127.0.0.1:${ports[0]}/v3/cluster/member/list" || true)
    [ "$(grep -o '"name":"node' <<< "$members" | wc -l)" = 3 ] && break
    sleep 3
  done
  echo "  cluster formed $((SECONDS - start)) s after the last agent finished"
  check_eq "discovery: three members listed" 3 "$(grep -o '"name":"node' <<< "$members" | wc -l)"
  for n in 1 2 3; do
    check_contains "discovery: node$n joined with its private peer URL" \
      "\"name\":\"node$n\",\"peerURLs\":[\"http://$DISCO_NET.1$n:2380\"]" "$members"
    check_contains "discovery: node$n healthy" '"health":"true"' \
      "$(curl -s --max-time 10 "http://127.0.0.1:${ports[$((n - 1))]}/health")"
  done
  check_eq "discovery: the three members registered with the discovery service" \
    "node1 node2 node3" "$(registered_members "$token")"
  check_contains "discovery: the etcd drop-in names the discovery URL" \
    "Environment=\"ETCD_DISCOVERY=http://$DISCO_NET.1:2379/v2/keys/discovery/$token\"" \
    "$(guest disco2 cat /run/systemd/system/etcd2.service.d/20-cloudinit.conf)"
  check_eq "discovery: no static initial cluster in the drop-in" 0 \
    "$(guest disco2 grep -c ETCD_INITIAL_CLUSTER= /run/systemd/system/etcd2.service.d/20-cloudinit.conf)"
  # A key written through node1 is read back through node3 ("kindling" = "discovery").
  curl -s --max-time 10 -X POST -d '{"key":"a2luZGxpbmc=","value":"ZGlzY292ZXJ5"}' \
    "http://127.0.0.1:${ports[0]}/v3/kv/put" > /dev/null
  check_contains "discovery: a write on node1 is read on node3" '"value":"ZGlzY292ZXJ5"' \
    "$(curl -s --max-time 10 -X POST -d '{"key":"a2luZGxpbmc="}' "http://127.0.0.1:${ports[2]}/v3/kv/range")"
  for n in 1 2 3; do stop_vm "disco$n" "${disks[$((n - 1))]}"; done
  kill "$DISCO_PID" 2> /dev/null || true
  wait "$DISCO_PID" 2> /dev/null || true
}

# start_discovery_etcd: the discovery service, v2 API on (etcd 3.4 serves the v2 keys API only
# with --enable-v2), clients on the private bridge only; its PID in DISCO_PID.
start_discovery_etcd() {
  local dir=$E2E_RUN/discovery-etcd log=$E2E_RUN/discovery-etcd.log
  mkdir -p "$dir"
  "$E2E_IMAGE/rootfs/usr/bin/etcd" --name disco --data-dir "$dir" --enable-v2=true \
    --listen-client-urls "http://$DISCO_NET.1:2379" --advertise-client-urls "http://$DISCO_NET.1:2379" \
    --listen-peer-urls http://127.0.0.1:2380 --initial-advertise-peer-urls http://127.0.0.1:2380 \
    --initial-cluster disco=http://127.0.0.1:2380 > "$log" 2>&1 &
  DISCO_PID=$!
  SERVER_PIDS+=("$DISCO_PID")
  local start=$SECONDS
  until curl -fsS --max-time 2 "http://$DISCO_NET.1:2379/health" 2> /dev/null | grep -q '"health":"true"'; do
    ((SECONDS - start < 60)) && kill -0 "$DISCO_PID" 2> /dev/null || return 1
    sleep 0.2
  done
  echo "  discovery etcd healthy $((SECONDS - start)) s after launch"
}

# registered_members TOKEN: the names registered under the token, sorted.
registered_members() {
  curl -fsS --max-time 10 "http://$DISCO_NET.1:2379/v2/keys/discovery/$1" | python3 -c '
import json, sys
nodes = json.load(sys.stdin)["node"].get("nodes", [])
print(" ".join(sorted(n["value"].split("=")[0] for n in nodes if not n["key"].endswith("/_config"))))'
}

# discovery_network_checks: each guest's private address came from network_data.json, and the
# only listening socket the guests can reach in this namespace is the discovery service's (the
# emulators, qemu's forwards and the discovery etcd's peer port listen on loopback only).
discovery_network_checks() {
  local n mac
  for n in 1 2 3; do
    mac=5254007800$((10 + n))
    check_contains "discovery: disco$n eth1 has $DISCO_NET.1$n/24 from network_data.json" \
      "inet $DISCO_NET.1$n/24" "$(guest "disco$n" ip -4 -o addr show dev eth1)"
    check_contains "discovery: disco$n networkd file for eth1 matched by MAC" \
      "MACAddress=52:54:00:78:00:1$n" "$(guest "disco$n" cat "/run/systemd/network/30-kindling-$mac.network")"
    check_eq "discovery: disco$n report has no failed or rejected step" "" \
      "$(report_query "disco$n" "' '.join(a['description'] for a in r['actions'] if a['status'] in ('failed', 'rejected'))")"
  done
  check_eq "discovery: nothing else listens where the guests can reach" "$DISCO_NET.1:2379" \
    "$(ss -Hltn | awk '{print $4}' | grep -Ev '^(127\.0\.0\.1|\[::ffff:127\.0\.0\.1\]|\[::1\]):' \
      | sort -u | tr '\n' ' ' | sed 's/ $//')"
}

# discovery_fixtures DIR N URL: the OpenStack metadata tree of guest N.
discovery_fixtures() {
  local d=$1 n=$2 url=$3
  rm -rf "$d"
  mkdir -p "$d/openstack/latest" "$d/latest/meta-data"
  printf '%s' "$DISCO_NET.1$n" > "$d/latest/meta-data/local-ipv4"
  printf '{"uuid": "0e2e0000-0000-4000-8000-00000000080%s", "hostname": "disco%s", "public_keys": {}}' \
    "$n" "$n" > "$d/openstack/latest/meta_data.json"
  cat > "$d/openstack/latest/network_data.json" <<JSON
{
  "links": [
    {"id": "tapslirp-$n", "vif_id": "0e2e0000-0000-4000-8000-0000000081$n", "type": "ovs", "mtu": null,
     "ethernet_mac_address": "52:54:00:12:34:56"},
    {"id": "tapprivate-$n", "vif_id": "0e2e0000-0000-4000-8000-0000000082$n", "type": "phy", "mtu": 1500,
     "ethernet_mac_address": "52:54:00:78:00:1$n"}
  ],
  "networks": [
    {"id": "network0", "type": "ipv4_dhcp", "link": "tapslirp-$n",
     "network_id": "0e2e0000-0000-4000-8000-000000000090"},
    {"id": "network1", "type": "ipv4", "link": "tapprivate-$n",
     "ip_address": "$DISCO_NET.1$n", "netmask": "255.255.255.0", "routes": [],
     "network_id": "0e2e0000-0000-4000-8000-000000000091"}
  ],
  "services": []
}
JSON
  # etcd's Type=notify start lasts until the cluster forms; the longer start timeout keeps a
  # member waiting for slower peers from being killed and burning the token on its restart.
  cat > "$d/openstack/latest/user_data" <<YAML
#cloud-config
hostname: disco$n
coreos:
  etcd2:
    name: node$n
    discovery: $url
    data_dir: /var/lib/etcd/discovery
    advertise_client_urls: http://\$private_ipv4:2379
    initial_advertise_peer_urls: http://\$private_ipv4:2380
    listen_client_urls: http://0.0.0.0:2379
    listen_peer_urls: http://0.0.0.0:2380
    heartbeat_interval: 500
    election_timeout: 5000
  units:
    - name: etcd2.service
      command: start
      drop_ins:
        - name: 30-first-boot-timeout.conf
          content: |
            [Service]
            TimeoutStartSec=10min
YAML
}
