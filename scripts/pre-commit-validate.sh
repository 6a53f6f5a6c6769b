#!/bin/sh
# The kindling-validate pre-commit hook (.pre-commit-hooks.yaml): runs `kindling validate` on the
# files pre-commit passes. It finds Kindling in this order:
#   1. $KINDLING: a kindling launcher, or the path of kindling.jar (run with java -jar);
#   2. `kindling` on the PATH (the packaged launcher);
#   3. target/kindling.jar of this repository (pre-commit's clone of it), built there with
#      `mvn -B -ntp -q package -DskipTests` the first time when Maven is available.
# KINDLING_VALIDATE_ARGS adds options (e.g. --strict). Exit status: validate's (0 no errors,
# 1 errors, 2 usage or unreadable file); 2 when Kindling cannot be found.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck disable=SC2086 # KINDLING_VALIDATE_ARGS holds separate options
set -- ${KINDLING_VALIDATE_ARGS:-} "$@"

if [ -n "${KINDLING:-}" ]; then
  case "$KINDLING" in
    *.jar) exec java -jar "$KINDLING" validate "$@" ;;
    *) exec "$KINDLING" validate "$@" ;;
  esac
fi
if command -v kindling > /dev/null 2>&1; then
  exec kindling validate "$@"
fi
jar="$here/target/kindling.jar"
if [ ! -f "$jar" ] && [ -f "$here/pom.xml" ] && command -v mvn > /dev/null 2>&1; then
  echo "kindling-validate: building $jar (once)" >&2
  mvn -B -ntp -q -f "$here/pom.xml" package -DskipTests >&2
fi
if [ -f "$jar" ]; then
  exec java -jar "$jar" validate "$@"
fi
echo "kindling-validate: Kindling not found: set KINDLING to the kindling launcher or to" \
  "kindling.jar, put kindling on the PATH, or install Maven so the hook can build the jar" >&2
exit 2
