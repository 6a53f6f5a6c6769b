#!/usr/bin/env bash
# Start-up benchmark for `kindling validate` (not a test; nothing here asserts a time).
#
# Measures, over N runs each (default 10; `bench/validate-startup.sh 20` for 20):
#   - the JVM floor: a one-class hello world on the same JDK,
#   - `java -jar target/kindling.jar validate` on one sample file,
#   - the same on a directory of 1,000 generated, varied configs (one JVM for all of them),
# and prints the median and minimum wall time and the median peak RSS (GNU time's %M) of each.
# On a shared, loaded machine the minimum is the better estimate of a quiet one.
#
# Builds nothing: run `mvn -B -ntp package -DskipTests` first. Needs only the JDK, GNU time
# (installed with apt-get if missing), gzip and base64.
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${1:-10}"
jar="target/kindling.jar"
java="${JAVA:-java}"

if [ ! -f "$jar" ]; then
  echo "bench: $jar is missing; build it first: mvn -B -ntp package -DskipTests" >&2
  exit 2
fi
if [ ! -x /usr/bin/time ]; then
  apt-get -o DPkg::Lock::Timeout=900 install -y --no-install-recommends time >/dev/null
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# ---- the JVM floor ------------------------------------------------------------------------
mkdir -p "$work/hello"
cat >"$work/hello/Hello.java" <<'EOF'
public class Hello {
  public static void main(String[] args) {
    System.out.println("hello");
  }
}
EOF
javac -d "$work/hello" "$work/hello/Hello.java"

# ---- 1,000 varied configs -----------------------------------------------------------------
corpus="$work/corpus"
gen() { # gen INDEX FILE: one of ten shapes, varied by INDEX
  local i="$1" f="$2"
  case $((i % 10)) in
    0) printf '#cloud-config\nhostname: node%d\nssh_authorized_keys:\n  - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIACHvJNA69l2eo+XzQYDfG/mf76EDiZUHge+SR79yuEX n%d\n' "$i" "$i" >"$f" ;;
    1) printf '#cloud-config\ncoreos:\n  update:\n    reboot_strategy: etcd-lock\n    group: stable\n  locksmith:\n    window_start: "Sun 1:00"\n    window_length: 2h\n  units:\n    - name: app%d.service\n      command: start\n      content: |\n        [Unit]\n        Description=app %d\n        [Service]\n        ExecStart=/usr/bin/sleep infinity\n        [Install]\n        WantedBy=multi-user.target\n' "$i" "$i" >"$f" ;;
    2) printf '#cloud-config\nwrite_files:\n  - path: /etc/app/%d.conf\n    permissions: "0644"\n    owner: root:root\n    content: |\n      key=%d\n  - path: /etc/app/%d.b64\n    encoding: b64\n    content: NDI=\n' "$i" "$i" "$i" >"$f" ;;
    3) printf '#cloud-config\nusers:\n  - name: user%d\n    groups: [sudo, docker]\n    ssh_authorized_keys: [ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIACHvJNA69l2eo+XzQYDfG/mf76EDiZUHge+SR79yuEX u]\nbogus_key_%d: true\nwrite_file: []\n' "$i" "$i" >"$f" ;;
    4) printf '#cloud-config\ncoreos:\n  etcd2:\n    name: node%d\n    discovery: https://discovery.etcd.io/%d\n    advertise_client_urls: http://$private_ipv4:2379\n    listen_client_urls: http://0.0.0.0:2379\n  fleet:\n    metadata: region=r%d\n' "$i" "$i" "$i" >"$f" ;;
    5) printf 'hostname: node%d\n' "$i" >"$f" ;;                              # not cloud-config
    6) printf '#!/bin/bash\necho node %d > /tmp/node\n' "$i" >"$f" ;;         # script
    7) printf '#cloud-config\nhostname: [node%d\nusers:\n\t- name: x\n' "$i" >"$f" ;; # YAML error
    8) { printf 'Content-Type: multipart/mixed; boundary="B%d"\nMIME-Version: 1.0\n\n' "$i"
         printf -- '--B%d\nContent-Type: text/cloud-config\n\nhostname: part%d\n' "$i" "$i"
         printf -- '--B%d\nContent-Type: text/x-shellscript\n\n#!/bin/sh\ntrue\n' "$i"
         printf -- '--B%d\nContent-Type: text/cloud-config\nContent-Transfer-Encoding: base64\n\n' "$i"
         printf '#cloud-config\nbogus: %d\n' "$i" | base64
         printf -- '--B%d--\n' "$i"; } >"$f" ;;
    9) printf '#cloud-config\nhostname: gz%d\ncoreos:\n  update:\n    reboot-strategy: "off"\n' "$i" | gzip -n >"$f" ;;
  esac
}
for d in $(seq 0 9); do mkdir -p "$corpus/group$d"; done
for i in $(seq 0 999); do
  name="config$i.yaml"
  [ $((i % 10)) -eq 9 ] && { mkdir -p "$corpus/group$((i % 10))/node$i"; name="node$i/user-data"; }
  gen "$i" "$corpus/group$((i % 10))/$name"
done
count="$(find "$corpus" -type f | wc -l)"
sample="samples/cloud-config/etcd2-cluster-node.yaml"

# ---- measuring ----------------------------------------------------------------------------
median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%d", m}'; }

measure() { # measure LABEL COMMAND...: prints "LABEL|median ms|min ms|median RSS MB"
  local label="$1"; shift
  local walls="$work/walls" rss="$work/rss"
  : >"$walls"; : >"$rss"
  "$@" >/dev/null 2>&1 || true # warm-up (page cache)
  for _ in $(seq 1 "$runs"); do
    local start end
    start=$(date +%s%N)
    /usr/bin/time -f '%M' -o "$work/time.out" "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    echo $(((end - start) / 1000000)) >>"$walls"
    tail -n 1 "$work/time.out" >>"$rss"
  done
  printf '%s|%s|%s|%s\n' "$label" "$(median <"$walls")" "$(sort -n "$walls" | head -n 1)" \
    "$(median <"$rss" | awk '{printf "%.1f", $1/1024}')"
}

results="$work/results"
{
  measure "JVM hello world (floor)" "$java" -cp "$work/hello" Hello
  measure "validate 1 sample" "$java" -jar "$jar" validate "$sample"
  measure "validate $count files (1 JVM)" "$java" -jar "$jar" validate "$corpus"
  measure "validate $count files --format json" "$java" -jar "$jar" validate --format json "$corpus"
} >"$results"

echo "kindling validate start-up: $runs runs each; $("$java" -version 2>&1 | head -n 1)"
echo "machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '\n%-36s %12s %9s %14s\n' "case" "wall median" "wall min" "peak RSS"
printf '%-36s %12s %9s %14s\n' "------------------------------------" "-----------" "--------" \
  "-------------"
while IFS='|' read -r label wall min rss; do
  printf '%-36s %9s ms %6s ms %11s MB\n' "$label" "$wall" "$min" "$rss"
done <"$results"
