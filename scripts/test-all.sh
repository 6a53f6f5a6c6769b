#!/usr/bin/env bash
# The whole test suite (README "Quick start", second line; .ci/run calls it):
#   1. installs what is missing (JDK 17, Maven, image tools, pre-commit, Node.js/npm, Chromium and
#      ChromeDriver for the page, systemd-nspawn and the cached Debian test image for the nspawn
#      tier, qemu for the VM tier),
#   2. mvn verify with the runtime image profile: formatter, Error Prone, unit tests, the
#      runtime image (jlink + AppCDS), integration tests incl. systemd-nspawn and the validator
#      page in headless Chromium (after checking the page's committed build against web/),
#   3. scripts/fuzz.sh: bounded fuzzing, each Jazzer fuzz target for 25 s (about 4 minutes in all;
#      their corpora already ran as tests in step 2),
#   4. e2e/run: the VM end-to-end scenarios under qemu.
# KINDLING_SKIP_FUZZ=1 skips step 3; KINDLING_SKIP_E2E=1 stops before step 4 (for a quick local run).
set -euo pipefail
cd "$(dirname "$0")/.."

need() { command -v "$1" > /dev/null 2>&1; }
missing=()
need java || missing+=(openjdk-17-jdk-headless)
need mvn || missing+=(maven)
need xorriso || missing+=(xorriso)
need mkfs.vfat || missing+=(dosfstools)
need mcopy || missing+=(mtools)
need pre-commit || missing+=(pre-commit) # PreCommitHookIT runs the hook as pre-commit does
need dot || missing+=(graphviz)          # PlanDotIT draws every golden plan's graph
if [ ${#missing[@]} -gt 0 ]; then
  apt-get -o DPkg::Lock::Timeout=900 update -qq
  apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends "${missing[@]}"
fi

# The page of kindling serve: its committed build must be what its sources build (npm ci takes the
# pinned tools from the npm registry), and its browser test needs Debian's Chromium and
# ChromeDriver (ServePageBrowserIT skips, saying why, only where they cannot be installed).
web_missing=()
need node || web_missing+=(nodejs)
need npm || web_missing+=(npm)
need chromium || web_missing+=(chromium)
need chromedriver || web_missing+=(chromium-driver)
if [ ${#web_missing[@]} -gt 0 ]; then
  { apt-get -o DPkg::Lock::Timeout=900 update -qq &&
    apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends "${web_missing[@]}"; } ||
    echo "test-all: could not install ${web_missing[*]}; the page check or its browser test is skipped" >&2
fi
if need npm; then
  (cd web && npm ci --no-audit --no-fund --loglevel=error && npm run --silent check)
else
  echo "test-all: npm is not available: the page's build is checked only by WebBundleTest" >&2
fi

# The systemd-nspawn tier: host packages and the cached image (its tests skip, saying why, where
# this cannot be prepared).
bash e2e/nspawn/prepare.sh

mvn -B -ntp -Pdist verify

if [ "${KINDLING_SKIP_FUZZ:-0}" != 1 ]; then
  timeout -k 30 15m bash scripts/fuzz.sh
fi

if [ "${KINDLING_SKIP_E2E:-0}" != 1 ]; then
  e2e/run
fi
