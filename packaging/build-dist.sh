#!/usr/bin/env bash
# Builds Kindling's runtime image from target/kindling.jar (Maven profile -Pdist runs this):
#   target/dist/root/usr/...                      the installed tree (extract at /)
#   target/kindling-VERSION-linux-x86_64.tar.gz   that tree as a tarball
#   target/kindling_VERSION_amd64.deb             the same as a Debian package
# The image holds a jlink'ed JDK 17 runtime (only the modules the agent needs, with its base CDS
# archive), an AppCDS archive made by a training run that walks every command, the launchers and
# the systemd units. The training run happens in a private mount namespace in which the staged
# tree is overlaid on /usr, because the archive records the jar's absolute path
# (/usr/lib/kindling/kindling.jar); the host's /usr is not touched. Without root (no namespace),
# the image is built without the AppCDS archive and says so.
set -euo pipefail
cd "$(dirname "$0")/.."
version=${1:?usage: build-dist.sh VERSION}
jar=target/kindling.jar
[ -f "$jar" ] || { echo "build-dist: $jar missing (run mvn package first)" >&2; exit 1; }
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
# jdk.httpserver: kindling serve (the validator page and API).
modules=java.base,java.logging,java.xml,jdk.net,jdk.security.auth,jdk.crypto.ec,jdk.httpserver

out=target/dist
root=$out/root
lib=$root/usr/lib/kindling
rm -rf "$out"
mkdir -p "$lib" "$root/usr/bin" "$root/usr/lib/systemd/system" "$root/usr/lib/udev/rules.d" \
  "$root/usr/share/doc/kindling"

echo "build-dist: jlink runtime ($modules)"
"$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --compress=2 --generate-cds-archive --output "$lib/runtime"
rm -f "$lib/runtime/lib/server/classes_nocoops.jsa" # only used for heaps over 32 GB
cp -p "$jar" "$lib/kindling.jar"
install -m 0755 packaging/bin/kindling packaging/bin/coreos-cloudinit "$root/usr/bin/"
install -m 0644 packaging/systemd/*.service packaging/systemd/*.path packaging/systemd/*.mount \
  "$root/usr/lib/systemd/system/"
install -m 0644 packaging/systemd/*.rules "$root/usr/lib/udev/rules.d/"
install -m 0644 README.md "$root/usr/share/doc/kindling/README.md"

if [ "$(id -u)" = 0 ] && unshare --mount --propagation private true 2>/dev/null; then
  echo "build-dist: AppCDS training run"
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  mkdir -p "$work/upper-work"
  unshare --mount --propagation private -- bash -ec '
    mount -t overlay overlay -o "lowerdir=/usr,upperdir=$1/usr,workdir=$2/upper-work" /usr
    packaging/training-run.sh "$2"
    cat "$2"/classes-*.lst | sort -u > "$2/classes.lst"
    /usr/lib/kindling/runtime/bin/java -Xshare:dump -XX:SharedClassListFile="$2/classes.lst" \
      -XX:SharedArchiveFile=/usr/lib/kindling/kindling.jsa -cp /usr/lib/kindling/kindling.jar \
      > "$2/dump.log" 2>&1 || { cat "$2/dump.log" >&2; exit 1; }
    # Prove the archive matches the jar and runtime (-Xshare:on fails otherwise).
    KINDLING_JAVA_OPTS=-Xshare:on /usr/bin/kindling --version
  ' _ "$(readlink -f "$root")" "$work"
  echo "build-dist: AppCDS archive $(du -h "$lib/kindling.jsa" | cut -f1), $(wc -l < "$work/classes.lst") classes"
else
  echo "build-dist: not root or no mount namespaces: image built WITHOUT the AppCDS archive" >&2
fi

tarball=target/kindling-$version-linux-x86_64.tar.gz
tar -C "$root" --owner=0 --group=0 --numeric-owner -czf "$tarball" usr
echo "build-dist: $tarball ($(du -h "$tarball" | cut -f1))"

if command -v dpkg-deb >/dev/null; then
  deb=$out/deb
  cp -a "$root" "$deb"
  mkdir -p "$deb/DEBIAN"
  cat > "$deb/DEBIAN/control" <<CONTROL
Package: kindling
Version: ${version/-SNAPSHOT/~snapshot}
Architecture: amd64
Maintainer: Kindling developers <dev@kindling.invalid>
Depends: libc6, zlib1g
Section: admin
Priority: optional
Description: cloud-config boot agent (coreos-cloudinit successor)
 Finds its datasource (EC2, GCE, OpenStack, config-drive, ...), validates the cloud-config and
 applies it: hostname, users, SSH keys, files, etcd/fleet/locksmith settings, systemd units.
CONTROL
  dpkg-deb --root-owner-group --build "$deb" "target/kindling_${version}_amd64.deb" >/dev/null
  echo "build-dist: target/kindling_${version}_amd64.deb"
fi
