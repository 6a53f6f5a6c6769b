#!/bin/bash
# Builds (or reuses) the shared Debian 12 test image and prints its cache directory.
#
#   e2e/image/build-image.sh [--print-key]
#
# Cache: ${KINDLING_E2E_CACHE:-/var/cache/kindling-e2e}/<key>/ with
#   rootfs/        the root filesystem directory (systemd-nspawn boots it with --volatile=overlay)
#   base.ext4      the same tree as an ext4 image, label e2eroot (the qemu VM stage)
#   vmlinuz, initrd.img, manifest.txt (dpkg-query -W), build-times.txt, key.txt
# key = sha256(packages.txt + this script + customize-rootfs.sh + KINDLING_E2E_IMAGE_EPOCH)[0:16];
# bump KINDLING_E2E_IMAGE_EPOCH to pick up Debian updates on purpose. A build runs under flock
# into a temporary directory beside the cache entries and is published with one atomic mv, so
# an interrupted build never leaves a half-built image. The two newest entries are kept.
#
# Needs root, mmdebstrap and e2fsprogs (e2e/nspawn/prepare.sh installs them) and the Debian
# mirror (deb.debian.org). Logs go to stderr; stdout carries only the cache directory.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
cache=${KINDLING_E2E_CACHE:-/var/cache/kindling-e2e}
epoch=${KINDLING_E2E_IMAGE_EPOCH:-1}
mirror=http://deb.debian.org/debian
security=http://deb.debian.org/debian-security

log() { echo "build-image: $*" >&2; }

packages=$(grep -v '^[[:space:]]*#' "$here/packages.txt" | tr -s ' \n' '\n' | grep -v '^$' | paste -sd, -)
key=$({ cat "$here/packages.txt" "$here/build-image.sh" "$here/customize-rootfs.sh"; echo "epoch=$epoch"; } \
  | sha256sum | cut -c1-16)
if [ "${1:-}" = --print-key ]; then
  echo "$key"
  exit 0
fi
entry=$cache/$key

if [ -f "$entry/key.txt" ]; then
  log "cached: $entry"
  echo "$entry"
  exit 0
fi

[ "$(id -u)" = 0 ] || { log "must run as root (mmdebstrap --mode=root)"; exit 3; }
command -v mmdebstrap >/dev/null || { log "mmdebstrap is not installed (run e2e/nspawn/prepare.sh)"; exit 3; }
command -v mkfs.ext4 >/dev/null || { log "mkfs.ext4 is not installed (e2fsprogs)"; exit 3; }

mkdir -p "$cache"
exec 9>"$cache/.lock"
log "waiting for the build lock $cache/.lock"
flock -w 1800 9 || { log "timed out waiting for $cache/.lock"; exit 3; }
if [ -f "$entry/key.txt" ]; then # another process built it while we waited
  log "cached: $entry"
  echo "$entry"
  exit 0
fi

# Holding the lock, any other build directory is a leftover of a killed build.
for stale in "$cache"/.build-*; do
  [ -e "$stale" ] || continue
  log "removing the leftover $stale"
  rm -rf --one-file-system "$stale"
done
tmp=$(mktemp -d "$cache/.build-$key-XXXXXX")
# --one-file-system: never descend into something still mounted inside a broken build.
trap 'rm -rf --one-file-system "$tmp"' EXIT
trap 'exit 130' INT TERM
log "building $key into $tmp (packages: $packages)"

start=$(date +%s.%N)
mmdebstrap --mode=root --variant=apt --include="$packages" \
  --aptopt='Acquire::Languages "none"' \
  --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/doc/*' \
  --dpkgopt='path-include=/usr/share/doc/*/copyright' --dpkgopt='path-exclude=/usr/share/locale/*' \
  --dpkgopt='path-exclude=/usr/share/info/*' \
  --essential-hook='mkdir -p "$1/usr/share/man/man1"' \
  --customize-hook="copy-in $here/customize-rootfs.sh /tmp" \
  --customize-hook='chroot "$1" /bin/bash /tmp/customize-rootfs.sh' \
  --customize-hook='rm -f "$1/tmp/customize-rootfs.sh"' \
  bookworm "$tmp/rootfs" \
  "deb $mirror bookworm main" \
  "deb $mirror bookworm-updates main" \
  "deb $security bookworm-security main" </dev/null >&2
bootstrapped=$(date +%s.%N)

mkfs.ext4 -q -F -L e2eroot -d "$tmp/rootfs" "$tmp/base.ext4" 2G >/dev/null
imaged=$(date +%s.%N)
cp "$tmp"/rootfs/boot/vmlinuz-* "$tmp/vmlinuz"
cp "$tmp"/rootfs/boot/initrd.img-* "$tmp/initrd.img"
dpkg-query --admindir="$tmp/rootfs/var/lib/dpkg" -W >"$tmp/manifest.txt"
{
  awk -v a="$start" -v b="$bootstrapped" 'BEGIN { printf "mmdebstrap_seconds %.1f\n", b - a }'
  awk -v a="$bootstrapped" -v b="$imaged" 'BEGIN { printf "mkfs_seconds %.1f\n", b - a }'
  echo "rootfs_mb $(du -sm "$tmp/rootfs" | cut -f1)"
  echo "built $(date -u +%Y-%m-%dT%H:%M:%SZ)"
} >"$tmp/build-times.txt"
echo "$key" >"$tmp/key.txt" # written last: its presence marks a complete entry

[ ! -e "$entry" ] || rm -rf --one-file-system "$entry" # an incomplete leftover (no key.txt)
mv -T "$tmp" "$entry"
trap - EXIT
log "built $entry ($(tr '\n' ' ' <"$entry/build-times.txt"))"

# Keep the two newest complete entries; older ones only cost disk.
ls -1dt "$cache"/*/key.txt 2>/dev/null | tail -n +3 | while read -r old; do
  log "removing old image $(dirname "$old")"
  rm -rf --one-file-system "$(dirname "$old")"
done

echo "$entry"
