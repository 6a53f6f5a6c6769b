#!/usr/bin/env bash
# Benchmark (not a test): how long and how much memory one kindling process needs for hostile or
# unusually large input. Each case runs the jar once under GNU time and prints its wall time, peak
# resident set size and exit status; a case that does not end within the limit is killed and shown
# as "timeout". Nothing is applied to this machine (run uses --root TEMPDIR --systemd none) and no
# network is contacted (inputs are local files).
#
#   bench/hostile-input.sh [JAR] [LIMIT_SECONDS] [CASES]
#     defaults: target/kindling.jar, 120 s, every case; CASES is a regular expression (grep -E) over
#     the case names, e.g. 'b64|alias'
#
# Cases:
#   hostname-300k / hostname-10m  a metadata hostname of 300,000 / 10,000,000 characters, shortened
#                                 for the plan (render --metadata)
#   b64-line-validate / -run      a 4 MiB binary as one base64 line in write_files content
#   b64-block-validate            the same bytes as a | block (for comparison)
#   quoted-7m-validate            7 MB double-quoted one-line content
#   alias-1000-validate / -run    a 4 MB scalar and 1,000 aliases to it
#   multipart-10k-run             a multipart message of 10,000 cloud-config parts (over the limit)
#   scripts-10k-render            a multipart message of 10,000 script parts, render --root
#   multipart-1k-run / scripts-1k-render   the same with 1,000 parts (the most allowed)
# The JVM runs with its default heap settings. Needs GNU time (/usr/bin/time) and python3.
set -euo pipefail
cd "$(dirname "$0")/.."

jar="${1:-target/kindling.jar}"
limit="${2:-120}"
only="${3:-.}"
[ -f "$jar" ] || { echo "no $jar: build first (mvn -B -ntp -q package -DskipTests)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs GNU time (/usr/bin/time): apt-get install time" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 - "$work" <<'EOF'
import base64, json, os, random, sys
w = sys.argv[1]
rnd = random.Random(7)
def put(name, text):
    with open(os.path.join(w, name), "w") as f:
        f.write(text)
blob = bytes(rnd.getrandbits(8) for _ in range(4 * 1024 * 1024))
b64 = base64.b64encode(blob).decode()
put("b64-line.yaml", "#cloud-config\nwrite_files:\n- path: /etc/blob\n  encoding: b64\n"
    "  content: " + b64 + "\n")
block = "\n".join("    " + b64[i:i + 76] for i in range(0, len(b64), 76))
put("b64-block.yaml", "#cloud-config\nwrite_files:\n- path: /etc/blob\n  encoding: b64\n"
    "  content: |\n" + block + "\n")
put("quoted-7m.yaml", "#cloud-config\nwrite_files:\n- path: /etc/big\n  content: \""
    + "x" * (7 * 1000 * 1000) + "\"\n")
aliases = "".join("- path: /etc/a%d\n  content: *s\n" % i for i in range(1000))
put("alias-1000.yaml", "#cloud-config\nx: &s \"" + "y" * (4 * 1000 * 1000) + "\"\nwrite_files:\n"
    + aliases)
put("empty.yaml", "#cloud-config\n")
for name, n in (("hostname-300k.json", 300_000), ("hostname-10m.json", 10_000_000)):
    put(name, json.dumps({"hostname": "h" * n}))
def multipart(parts):
    out = ['Content-Type: multipart/mixed; boundary="XX"\nMIME-Version: 1.0\n\n']
    for ctype, body in parts:
        out.append("--XX\nContent-Type: %s\n\n%s\n" % (ctype, body))
    out.append("--XX--\n")
    return "".join(out)
for n, tag in ((10_000, "10k"), (1000, "1k")):
    put("multipart-%s.txt" % tag, multipart(
        [("text/cloud-config", "write_files:\n- path: /etc/p/%d\n  content: part %d\n" % (i, i))
         for i in range(n)]))
    put("scripts-%s.txt" % tag, multipart(
        [("text/x-shellscript", "#!/bin/sh\necho %d\n" % i) for i in range(n)]))
EOF

printf '%-22s %10s %12s %s\n' case "wall s" "peak RSS MB" status
run_case() {
  local name="$1"
  shift
  grep -qE -- "$only" <<<"$name" || return 0
  local root="$work/root-$name"
  mkdir -p "$root"
  local args=("${@//@ROOT@/$root}")
  local status=0
  /usr/bin/time -f '%e %M' -o "$work/time" timeout -k 5 "$limit" java -jar "$jar" "${args[@]}" \
    >"$work/out" 2>"$work/err" || status=$?
  local wall rss
  read -r wall rss < <(tail -n1 "$work/time" | grep -E '^[0-9.]+ [0-9]+$' || echo "- 0")
  if [ "$status" = 124 ] || [ "$status" = 137 ]; then
    printf '%-22s %10s %12s %s\n' "$name" ">$limit" "-" "timeout"
  else
    printf '%-22s %10s %12.0f %s\n' "$name" "$wall" "$(echo "$rss / 1024" | bc -l)" "exit $status"
  fi
  if grep -q -E 'OutOfMemoryError|^\s+at [a-z]' "$work/err"; then
    echo "    (stack trace or OutOfMemoryError on stderr)"
  fi
  rm -rf "$root"
}

run_case hostname-300k render --from-file "$work/empty.yaml" --metadata "$work/hostname-300k.json"
run_case hostname-10m render --from-file "$work/empty.yaml" --metadata "$work/hostname-10m.json"
run_case b64-line-validate validate "$work/b64-line.yaml"
run_case b64-line-run run --from-file "$work/b64-line.yaml" --root @ROOT@ --systemd none
run_case b64-block-validate validate "$work/b64-block.yaml"
run_case quoted-7m-validate validate "$work/quoted-7m.yaml"
run_case alias-1000-validate validate "$work/alias-1000.yaml"
run_case alias-1000-run run --from-file "$work/alias-1000.yaml" --root @ROOT@ --systemd none
run_case multipart-10k-run run --from-file "$work/multipart-10k.txt" --root @ROOT@ --systemd none
run_case scripts-10k-render render --from-file "$work/scripts-10k.txt" --root @ROOT@
run_case multipart-1k-run run --from-file "$work/multipart-1k.txt" --root @ROOT@ --systemd none
run_case scripts-1k-render render --from-file "$work/scripts-1k.txt" --root @ROOT@
