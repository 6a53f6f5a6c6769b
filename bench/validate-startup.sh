#!/usr/bin/env bash
# Bulk-validation benchmark for `kindling validate` (not a test; nothing here asserts a time).
#
# Measures, over N runs each (default 5; `bench/validate-startup.sh 10` for 10), interleaved:
#   - the JVM floor: a one-class hello world on the same runtime,
#   - `validate` of one sample file,
#   - one `validate` call over a directory of 2,000 generated, varied configs, in text, JSON and
#     SARIF, and over 10,000 of them (text),
# and prints the median and minimum wall time, the median peak RSS (GNU time's %M), the time per
# file and the speed-up against the Go coreos-cloudinit validator run once per file. No Go
# toolchain or binary is available on these machines, so the Go side is its measured cost of one
# `coreos-cloudinit -validate` process on this machine class, 11 ms a file (KINDLING_BENCH_GO_MS
# changes it): 2,000 files cost it 22 s.
#
# Runs the installed image (target/dist overlaid on /usr in a private mount namespace, as
# bench/startup.sh does) when it is built and this is root, else (or with KINDLING_BENCH_IMAGE=0)
# `java -jar target/kindling.jar`.
# Needs only the JDK, GNU time (installed with apt-get if missing), gzip and base64.
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${1:-5}"
go_ms="${KINDLING_BENCH_GO_MS:-11}"
jar="$PWD/target/kindling.jar"
staged="$PWD/target/dist/root"

if [ ! -f "$jar" ]; then
  echo "bench: $jar is missing; build it first: mvn -B -ntp package -DskipTests" >&2
  exit 2
fi
if [ ! -x /usr/bin/time ]; then
  apt-get -o DPkg::Lock::Timeout=900 install -y --no-install-recommends time >/dev/null
fi
if [ "${KINDLING_BENCH_NS:-}" != 1 ] && [ "${KINDLING_BENCH_IMAGE:-1}" = 1 ] && [ "$(id -u)" = 0 ] &&
  [ -x "$staged/usr/bin/kindling" ]; then
  exec env KINDLING_BENCH_NS=1 unshare --mount --propagation private -- bash -ec '
    mount -t overlay overlay -o "lowerdir=$1/usr:/usr" /usr
    shift
    exec bash "$@"' _ "$staged" "$PWD/bench/validate-startup.sh" "$runs"
fi
if [ "${KINDLING_BENCH_NS:-}" = 1 ]; then
  kindling=(env KINDLING_JAVA_OPTS=-Xshare:on /usr/bin/kindling)
  java=(/usr/lib/kindling/runtime/bin/java -Xshare:on
    $(sed -n 's/^flags="\(.*\)"$/\1/p' /usr/bin/kindling))
  what="the installed image"
else
  kindling=(java -jar "$jar")
  java=(java)
  what="java -jar target/kindling.jar"
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
javac --release 17 -d "$work/hello" "$work/hello/Hello.java"

# ---- varied configs ------------------------------------------------------------------------
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
corpus() { # corpus DIR COUNT: COUNT configs in ten groups
  local dir="$1" count="$2" i name
  for d in $(seq 0 9); do mkdir -p "$dir/group$d"; done
  for i in $(seq 0 $((count - 1))); do
    name="config$i.yaml"
    [ $((i % 10)) -eq 9 ] && { mkdir -p "$dir/group$((i % 10))/node$i"; name="node$i/user-data"; }
    gen "$i" "$dir/group$((i % 10))/$name"
  done
}
corpus "$work/c2000" 2000
corpus "$work/c10000" 10000
sample="samples/cloud-config/etcd2-cluster-node.yaml"

# ---- measuring ----------------------------------------------------------------------------
median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%d", m}'; }

labels=(floor one t2000 j2000 s2000 t10000)
declare -A label=([floor]="JVM hello world (floor)" [one]="validate 1 sample"
  [t2000]="validate 2,000 files" [j2000]="validate 2,000 files --format json"
  [s2000]="validate 2,000 files --format sarif" [t10000]="validate 10,000 files")
declare -A files=([floor]=0 [one]=1 [t2000]=2000 [j2000]=2000 [s2000]=2000 [t10000]=10000)
declare -A cmd=(
  [floor]="${java[*]} -cp $work/hello Hello"
  [one]="${kindling[*]} validate $sample"
  [t2000]="${kindling[*]} validate $work/c2000"
  [j2000]="${kindling[*]} validate --format json $work/c2000"
  [s2000]="${kindling[*]} validate --format sarif $work/c2000"
  [t10000]="${kindling[*]} validate $work/c10000"
)
for c in "${labels[@]}"; do : >"$work/$c.ms"; : >"$work/$c.kb"; done
for round in $(seq 0 "$runs"); do
  for c in "${labels[@]}"; do
    start=$(date +%s%N)
    status=0
    /usr/bin/time -f '%M' -o "$work/time.out" ${cmd[$c]} >"$work/out" 2>"$work/err" || status=$?
    end=$(date +%s%N)
    # validate exits 1 when some config has errors (the corpus has some on purpose); 2 or more
    # is a usage error or a crash.
    if [ "$status" -gt 1 ]; then
      echo "bench: $c exited $status:" >&2
      tail -5 "$work/err" >&2
      exit 1
    fi
    [ "$round" = 0 ] && continue # warm-up round
    echo $(((end - start) / 1000000)) >>"$work/$c.ms"
    tail -n 1 "$work/time.out" >>"$work/$c.kb"
  done
done

echo "kindling validate, bulk: $what; $("${java[@]}" -version 2>&1 | head -n 1)"
echo "medians of $runs runs each, interleaved, after a warm-up round; $(nproc) CPUs, load average" \
  "$(cut -d' ' -f1-3 /proc/loadavg) at the end; Go: $go_ms ms a file (see the header)"
floor=$(median <"$work/floor.ms")
one=$(median <"$work/one.ms")
printf '\n| %-36s | %8s | %8s | %8s | %10s | %9s |\n' case "wall ms" "min ms" "RSS MB" "ms a file" "vs Go"
printf '|%s|%s|%s|%s|%s|%s|\n' "--------------------------------------" "----------" "----------" \
  "----------" "------------" "-----------"
for c in "${labels[@]}"; do
  m=$(median <"$work/$c.ms")
  n=${files[$c]}
  per="" ratio=""
  if [ "$n" -gt 1 ]; then
    per=$(awk -v m="$m" -v n="$n" 'BEGIN {printf "%.2f", m / n}')
    ratio=$(awk -v m="$m" -v n="$n" -v g="$go_ms" 'BEGIN {printf "%.1fx", n * g / m}')
  fi
  printf '| %-36s | %8s | %8s | %8s | %10s | %9s |\n' "${label[$c]}" "$m" \
    "$(sort -n "$work/$c.ms" | head -n 1)" "$(median <"$work/$c.kb" | awk '{printf "%.1f", $1/1024}')" \
    "$per" "$ratio"
done
