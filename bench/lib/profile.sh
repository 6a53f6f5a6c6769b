# Helpers of the start-up benchmarks (sourced): medians, table rules and the start-up profile.

# The median of the numbers on standard input (one a line).
median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2 ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2))}'; }

# N dashes, for Markdown table rules.
dashes() { printf '%*s' "$1" '' | tr ' ' -; }

# profile_table TRACES MARKS CLASSES: prints the start-up profile of one command.
#   TRACES   blocks of traced runs: "START_EPOCH_NS END_EPOCH_NS", the -Xlog:startuptime lines
#            (decorations timenanos, uptimenanos), the kindling-trace lines, then "end"
#   MARKS    the kindling-trace mark lines of the class-logging run
#   CLASSES  its -Xlog:class+load log (decoration timenanos)
# Phases run from one mark to the next: launch (the launcher script, exec), JVM created (the
# JVM's "Create VM" phase: its own initialisation), main, the program's marks, exit (the last
# mark, just before System.exit) and "process gone" (what the JVM does at exit: shutdown hooks,
# threads still in native code). Each phase shows its median duration over the traced runs and
# the classes it loaded in the class-logging run, by library, "archive/jar" (from the class
# archive / parsed from the jar or generated). Spans sum repeated work (HTTP requests, fsyncs).
profile_table() {
  python3 - "$@" << 'PY'
import re, statistics, sys
traces, marks_file, classes_file = sys.argv[1:4]

def numbered(labels):
    """A mark reached twice in one run is a phase of its own ("label (2)"), not a second sample
    of the first one, so the phases still add up to the total."""
    seen = {}
    out = []
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
        out.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    return out

def runs(path):
    block = []
    for line in open(path):
        if line.strip() == "end":
            yield block
            block = []
        else:
            block.append(line.rstrip("\n"))

phases = {}   # label -> [ms per run]
order = []
spans = {}    # label -> [(count, ms)]
for block in runs(traces):
    start, end = (int(x) for x in block[0].split())
    jvm_start = created = offset = None
    marks = []
    for line in block[1:]:
        m = re.match(r"\[(\d+)ns\]\[(\d+)ns\].*Create VM", line)
        if m:
            created = int(m.group(1))
            jvm_start = created - int(m.group(2))
        f = line.split(" ", 4)
        if line.startswith("kindling-trace clock "):
            offset = int(f[3]) * 1000 - int(f[2])  # epoch ns = nanoTime + offset
        elif line.startswith("kindling-trace mark "):
            marks.append((int(f[2]), " ".join(f[3:])))
        elif line.startswith("kindling-trace span "):
            spans.setdefault(" ".join(f[4:]), []).append((int(f[2]), int(f[3]) / 1e6))
    named = zip(numbered([l for _, l in marks]), [t for t, _ in marks])
    points = [("launch", start - offset), ("JVM created", created)] + list(named)
    points.append(("process gone", end - offset))
    for (_, a), (label, b) in zip(points, points[1:]):
        if label not in phases:
            phases[label] = []
            order.append(label)
        phases[label].append((b - a) / 1e6)
    phases.setdefault("total", []).append((end - start) / 1e6)

LIBS = [("dev.kindling.", "kindling"), ("picocli.", "picocli"), ("org.yaml.", "snakeyaml"),
        ("com.fasterxml.", "jackson"), ("okhttp3.", "okhttp"), ("okio.", "okhttp"),
        ("kotlin.", "okhttp"), ("org.freedesktop.", "dbus-java"), ("org.slf4j.", "slf4j")]
def library(name):
    for prefix, lib in LIBS:
        if name.startswith(prefix):
            return lib
    return "jdk"

mark_lines = [l.split() for l in open(marks_file)]
bounds = list(zip([int(f[2]) for f in mark_lines], numbered([" ".join(f[3:]) for f in mark_lines])))
loaded = {}  # phase label -> {lib: [archive, jar]}
for line in open(classes_file):
    m = re.match(r"\[(\d+)ns\] (\S+) source: (.*)", line)
    if not m:
        continue
    t, name, source = int(m.group(1)), m.group(2), m.group(3)
    phase = "main"
    for bt, bl in bounds:
        if t > bt:
            continue
        phase = bl
        break
    else:
        phase = "process gone"
    counts = loaded.setdefault(phase, {}).setdefault(library(name), [0, 0])
    counts[0 if "shared objects file" in source else 1] += 1

print(f"| {'phase (ends at)':<30} | {'ms':>6} | classes loaded: archive/jar, by library")
print(f"|{'-' * 32}|{'-' * 8}|{'-' * 40}")
for label in order + ["total"]:
    ms = statistics.median(phases[label])
    libs = loaded.get(label, {})
    if label == "JVM created":
        libs = {}
    text = ", ".join(f"{lib} {a}/{j}" for lib, (a, j) in sorted(libs.items(), key=lambda kv: -sum(kv[1])))
    print(f"| {label:<30} | {ms:6.1f} | {text}")
if spans:
    print("spans (median per run): " + "; ".join(
        f"{label} {statistics.median(c for c, _ in v):g}x {statistics.median(ms for _, ms in v):.1f} ms"
        for label, v in spans.items()))
PY
}
