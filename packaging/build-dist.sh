#!/usr/bin/env bash
# Builds Kindling's runtime image from target/kindling.jar (Maven profile -Pdist runs this):
#   target/dist/root/usr/...                      the installed tree (extract at /)
#   target/kindling-VERSION-linux-x86_64.tar.gz   that tree as a tarball
#   target/kindling_VERSION_amd64.deb             the same as a Debian package
# The image holds a jlink'ed runtime (only the modules the agent needs, with its base CDS
# archive), a class archive made by a training run that walks every command, the launchers and
# the systemd units. The jar has Java 17 bytecode; the runtime is a JDK 25 (Temurin; KINDLING_JDK25
# or /usr/lib/jvm/*25*) whose archive also holds the training run's classes linked ahead of time
# (JEP 483, -XX:+AOTClassLinking), or, with KINDLING_RUNTIME=17 or where no JDK 25 is installed
# (the build says so), the build's JDK 17 with an AppCDS archive. JDK 25 ships because
# bench/startup.sh measured it faster now that picocli is off the boot path (picocli's Java 5
# classes cannot be linked ahead of time): `run` about a quarter faster, `validate` a tenth, for
# about 5 MB more memory (docs/manual.md, "Start-up").
#
# Four archives (packaging/lib/archive.sh, installed next to them, says which command line starts
# from which, and why): kindling-validate.jsa, kindling-run.jsa and kindling-run-local.jsa from
# the class lists of the training commands of validate, of run, and of run from local sources
# only (a JDK 25 archive loads and links every class it holds as the JVM starts, so a smaller one
# starts faster), and kindling.jsa from every command's, for the rest. Each is a static one
# (-Xshare:dump), on JDK 25 as on 17, rather than JDK 25's one-step AOT cache
# (-XX:AOTCacheOutput): the boot path is trained in a container, one process per command, and a
# cache is made from one process; and JDK 25 up to 25.0.3 does not check that the jar of an AOT
# cache is the one it was made from, while a static archive is refused when the jar changed.
#
# The training run happens in a private mount namespace in which the staged tree is overlaid on
# /usr, because the archive records the jar's absolute path (/usr/lib/kindling/kindling.jar); the
# host's /usr is not touched. Without root (no namespace), the image is built without the class
# archive and says so.
set -euo pipefail
cd "$(dirname "$0")/.."
version=${1:?usage: build-dist.sh VERSION}
jar=target/kindling.jar
[ -f "$jar" ] || { echo "build-dist: $jar missing (run mvn package first)" >&2; exit 1; }
build_jdk=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
# jdk.httpserver: kindling serve (the validator page and API). java.sql: SnakeYAML's Tag class
# looks up java.sql.Date and java.sql.Timestamp when it is first used (every YAML parse); without
# the module the lookup searches the class path, which opens and indexes the jar (3-4 ms).
modules=java.base,java.logging,java.sql,java.xml,jdk.net,jdk.security.auth,jdk.crypto.ec,jdk.httpserver

# The JDK whose runtime ships: a JDK 25 where installed (unless KINDLING_RUNTIME=17), else the
# build's JDK 17.
feature() { sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2> /dev/null; }
java_home=$build_jdk
if [ "${KINDLING_RUNTIME:-25}" = 25 ]; then
  for candidate in ${KINDLING_JDK25:-} /usr/lib/jvm/temurin-25-jdk-* /usr/lib/jvm/*-25-*; do
    if [ -x "$candidate/bin/jlink" ] && [ "$(feature "$candidate")" = 25 ]; then
      java_home=$candidate
      break
    fi
  done
  [ "$java_home" = "$build_jdk" ] &&
    echo "build-dist: no JDK 25 found (KINDLING_JDK25): runtime image from $build_jdk, AppCDS only" >&2
fi
release=$(feature "$java_home")
dump_flags=()
compress=--compress=2
if [ "$release" -ge 24 ]; then
  dump_flags=(-XX:+AOTClassLinking) # JEP 483: classes loaded and linked ahead of time
  compress=--compress=zip-6         # the JDK 24+ spelling of --compress=2
fi

out=target/dist
root=$out/root
lib=$root/usr/lib/kindling
rm -rf "$out"
mkdir -p "$lib" "$root/usr/bin" "$root/usr/lib/systemd/system" "$root/usr/lib/udev/rules.d" \
  "$root/usr/share/doc/kindling"

echo "build-dist: jlink runtime from JDK $release ($java_home: $modules)"
"$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  "$compress" --generate-cds-archive --output "$lib/runtime"
rm -f "$lib/runtime/lib/server/classes_nocoops.jsa" # only used for heaps over 32 GB
cp -p "$jar" "$lib/kindling.jar"
install -m 0755 packaging/bin/kindling packaging/bin/coreos-cloudinit "$root/usr/bin/"
install -m 0644 packaging/lib/archive.sh "$lib/archive.sh"
install -m 0644 packaging/systemd/*.service packaging/systemd/*.path packaging/systemd/*.mount \
  "$root/usr/lib/systemd/system/"
install -m 0644 packaging/systemd/*.rules "$root/usr/lib/udev/rules.d/"
install -m 0644 README.md "$root/usr/share/doc/kindling/README.md"
# Man pages from the command model (man kindling, man kindling-validate, ...).
mkdir -p "$root/usr/share/man/man1"
"$java_home/bin/java" -cp "$jar" dev.kindling.cli.ManPages "$root/usr/share/man/man1"
gzip -9n "$root"/usr/share/man/man1/*.1
mkdir -p "$root/usr/share/bash-completion/completions"
"$java_home/bin/java" -jar "$jar" completion bash > "$root/usr/share/bash-completion/completions/kindling"
# zsh and fish read packaged completions from their vendor directories.
mkdir -p "$root/usr/share/zsh/vendor-completions" "$root/usr/share/fish/vendor_completions.d"
"$java_home/bin/java" -jar "$jar" completion zsh > "$root/usr/share/zsh/vendor-completions/_kindling"
"$java_home/bin/java" -jar "$jar" completion fish > "$root/usr/share/fish/vendor_completions.d/kindling.fish"

if [ "$(id -u)" = 0 ] && unshare --mount --propagation private true 2>/dev/null; then
  echo "build-dist: class archive training run"
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  mkdir -p "$work/upper-work"
  unshare --mount --propagation private -- bash -ec '
    mount -t overlay overlay -o "lowerdir=/usr,upperdir=$1/usr,workdir=$2/upper-work" /usr
    packaging/training-run.sh "$2"
    # One list from many: the numeric ids of a list only name classes within that list (for
    # classes of custom loaders, which the agent has none of), so they are dropped.
    merge() { grep -hv "^#" "$@" | sed -E "s/ id: [0-9]+\$//" | awk "!seen[\$0]++"; }
    shopt -s nullglob
    merge "$2"/classes-*.lst > "$2/all.lst"
    merge "$2"/classes-*-kindling-validate.lst > "$2/validate.lst"
    merge "$2"/classes-*-kindling-run.lst "$2"/classes-*-kindling-run-local.lst > "$2/run.lst"
    merge "$2"/classes-*-kindling-run-local.lst > "$2/run-local.lst"
    dump() {
      /usr/lib/kindling/runtime/bin/java -Xshare:dump "${@:3}" -XX:SharedClassListFile="$1" \
        -XX:SharedArchiveFile="$2" -cp /usr/lib/kindling/kindling.jar \
        -XX:TieredStopAtLevel=1 -XX:+UseSerialGC > "$1.log" 2>&1 || { cat "$1.log" >&2; exit 1; }
    }
    lib=/usr/lib/kindling
    dump "$2/all.lst" $lib/kindling.jsa "${@:3}"
    dump "$2/validate.lst" $lib/kindling-validate.jsa "${@:3}"
    dump "$2/run.lst" $lib/kindling-run.jsa "${@:3}"
    dump "$2/run-local.lst" $lib/kindling-run-local.jsa "${@:3}"
    # Prove each archive matches the jar and runtime and is the one the launcher picks
    # (-Xshare:on fails otherwise).
    KINDLING_JAVA_OPTS=-Xshare:on /usr/bin/kindling --version > /dev/null
    KINDLING_JAVA_OPTS=-Xshare:on /usr/bin/kindling validate - < packaging/boot-path.yaml > /dev/null
    KINDLING_JAVA_OPTS=-Xshare:on /usr/bin/kindling run --help > /dev/null
    KINDLING_JAVA_OPTS=-Xshare:on /usr/bin/kindling run --help --from-ec2-metadata http://127.0.0.1:9/ > /dev/null
    # The trained start-up paths (validate, runs from a file and a config drive, a run of the
    # coreos-cloudinit launcher) load every class from their archive and never open the jar. One
    # class from the jar (say a picocli class, which cannot be archived, that an archived class
    # throws), or a lookup that misses the modules of the runtime and so searches the class path
    # (SnakeYAML looks up java.sql.Date), makes the JVM open the jar and index its 5,000 entries
    # at every start, 3-5 ms: fail the build instead. The debug switch of the class path prints
    # where it was opened. (The network paths open it anyway: OkHttp sets up java.util.logging,
    # whose start looks for a System.LoggerFinder on the class path.)
    sample=$(ls samples/cloud-config/*.yaml | head -1)
    check=$2/check
    mkdir -p "$check/root/etc" "$check/root/home/core"
    echo "core:x:500:500:CoreOS Admin:/home/core:/bin/bash" > "$check/root/etc/passwd"
    echo "core:x:500:" > "$check/root/etc/group"
    from_jar() { # LAUNCHER ARGS...
      KINDLING_JAVA_OPTS="-Xshare:on -Xlog:class+load=info:file=$check/classes.log \
        -Dsun.misc.URLClassPath.debug=true" "/usr/bin/$1" "${@:2}" > /dev/null 2> "$check/err" ||
        true
      grep "source: file:" "$check/classes.log" || true
      grep -A 30 "^Opening file:" "$check/err" || true
    }
    for command in "kindling validate $sample" \
      "kindling run --from-file $sample --root $check/root --systemd none --report $check/report.json" \
      "kindling run --from-configdrive src/test/resources/datasource/configdrive/network-data \
        --convert-netconf openstack --root $check/root --systemd none --report $check/report.json" \
      "coreos-cloudinit -from-file=$sample -root=$check/root -systemd=none -report=$check/report.json"; do
      loaded=$(from_jar $command)
      if [ -n "$loaded" ]; then
        echo "build-dist: $command loaded classes from the jar or opened it:" >&2
        echo "$loaded" | head -40 >&2
        exit 1
      fi
    done
  ' _ "$(readlink -f "$root")" "$work" "${dump_flags[@]}"
  for list in all validate run run-local; do
    archive=kindling-$list.jsa
    [ "$list" = all ] && archive=kindling.jsa
    echo "build-dist: class archive $archive $(du -h "$lib/$archive" | cut -f1), $(grep -cv "^@" "$work/$list.lst") classes"
  done
else
  echo "build-dist: not root or no mount namespaces: image built WITHOUT the class archive" >&2
fi

tarball=target/kindling-$version-linux-x86_64.tar.gz
tar -C "$root" --owner=0 --group=0 --numeric-owner -czf "$tarball" usr
echo "build-dist: $tarball ($(du -h "$tarball" | cut -f1))"
# The packages carry the man pages and the shell-completion command they document.
contents=$(tar -tzf "$tarball")
for page in kindling kindling-validate kindling-render kindling-run kindling-explain; do
  grep -qx "usr/share/man/man1/$page.1.gz" <<< "$contents" ||
    { echo "build-dist: $page.1.gz missing from $tarball" >&2; exit 1; }
done
for completion in usr/share/bash-completion/completions/kindling \
  usr/share/zsh/vendor-completions/_kindling usr/share/fish/vendor_completions.d/kindling.fish; do
  grep -qx "$completion" <<< "$contents" ||
    { echo "build-dist: $completion missing from $tarball" >&2; exit 1; }
done

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
  contents=$(dpkg-deb -c "target/kindling_${version}_amd64.deb")
  for page in kindling kindling-validate; do
    grep -q "/usr/share/man/man1/$page.1.gz\$" <<< "$contents" ||
      { echo "build-dist: $page.1.gz missing from the .deb" >&2; exit 1; }
  done
  echo "build-dist: target/kindling_${version}_amd64.deb"
fi
