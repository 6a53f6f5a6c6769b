#!/usr/bin/env bash
# Bounded fuzzing (scripts/test-all.sh runs it after the build; CI takes that path): each Jazzer
# fuzz target runs for FUZZ_SECONDS (default 25) in fuzzing mode, every input bounded to 10 s (a
# slower one is a finding: Jazzer turns JUnit's default timeout into libFuzzer's -timeout, and
# JUnit's own enforcement is off so that it does not time the whole run) and the JVM to a 1 GiB
# heap (running out of it is a finding). Their corpora (the inputs directories under
# src/test/resources) already run as ordinary tests in every build; here Jazzer mutates them
# looking for an exception, a hang or runaway memory. A crashing input is saved next to the corpus
# (src/test/resources/<package>/<Class>Inputs/<method>/crash-* or timeout-*) and fails this script:
# fix the bug and commit the input, renamed for what it shows, as a regression case.
#   scripts/fuzz.sh [Class#method ...]      (default: every target; needs mvn test-compile first)
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${FUZZ_SECONDS:-25}"
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(
    UserDataFuzzTest#classify
    ValidatorFuzzTest#validate
    UnitFileFuzzTest#parse
    MetadataJsonFuzzTest#read
    WaagentXmlFuzzTest#read
    OvfEnvironmentFuzzTest#properties
  )
fi

failed=()
for target in "${targets[@]}"; do
  echo "fuzzing $target for ${seconds}s"
  # Only one fuzz test is fuzzed per JVM; -Djazzer.max_duration bounds it. The surefire goal alone
  # reuses the classes the build compiled.
  if ! JAZZER_FUZZ=1 timeout -k 30 $((seconds + 240)) mvn -B -ntp -q surefire:test \
      -Dtest="$target" -Dsurefire.failIfNoSpecifiedTests=false \
      -Djazzer.max_duration="${seconds}s" -Djunit.jupiter.execution.timeout.default=10s \
      -Djunit.jupiter.execution.timeout.mode=disabled \
      -DargLine="-Xmx1g -XX:-OmitStackTraceInFastThrow" \
      > "target/fuzz-${target%%#*}.log" 2>&1; then
    failed+=("$target")
    tail -n 40 "target/fuzz-${target%%#*}.log" >&2
  fi
  grep -a -E '^(#[0-9]+[[:space:]]+DONE|Done [0-9]+ runs)' "target/fuzz-${target%%#*}.log" || true
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzzing found problems in: ${failed[*]} (see target/fuzz-*.log)" >&2
  exit 1
fi
echo "fuzzing: ${#targets[@]} targets, ${seconds}s each, nothing found"
