#!/usr/bin/env bash
# Builds the self-contained AmbiSeg application with jpackage: a trimmed Java runtime (jlink), the
# application and its Maven dependencies (JavaFX for Linux, DJL and the CPU libtorch native jar),
# the shipped models/ and sample-data/, an icon and a desktop entry. Nothing is downloaded at run
# time: DJL runs with -Dai.djl.offline=true and unpacks libtorch from the bundled native jar into
# ~/.djl.ai (or $DJL_CACHE_DIR) on first use.
#
#   packaging/build-package.sh [app-image|deb]     (default app-image)
#
# Needs target/classes and target/runtime-classpath.txt, made by any Maven build from `compile` on
# (`mvn -Pdist package` runs this script itself). Output: target/dist/image/ambiseg/ (app image,
# start with bin/ambiseg for the window or bin/ambiseg-cli for the command line) or
# target/dist/ambiseg_<version>-1_amd64.deb. The deb needs fakeroot and dpkg-deb; when they are
# missing and we run as root on Debian they are installed with apt-get.
set -euo pipefail

type="${1:-app-image}"
case "$type" in app-image|deb) ;; *) echo "usage: $0 [app-image|deb]" >&2; exit 2 ;; esac

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
target="$root/target"
dist="$target/dist"
die() { echo "build-package: $*" >&2; exit 2; }

for tool in jpackage jlink jar; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool not found: install a full JDK 17 (Debian: apt-get install openjdk-17-jdk)"
done
[ -d "$target/classes/org/ambiseg" ] && [ -f "$target/runtime-classpath.txt" ] \
  || die "no compiled classes: run 'mvn -DskipTests compile' first (or 'mvn -Pdist package')"

version="$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$root/pom.xml" | head -n 1)"
app_version="${version%%-*}"    # jpackage wants digits and dots only

if [ "$type" = deb ]; then
  if ! command -v fakeroot >/dev/null 2>&1 || ! command -v dpkg-deb >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "build-package: installing fakeroot and dpkg-dev (needed by jpackage --type deb) ..." >&2
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fakeroot dpkg-dev >/dev/null
    else
      die "jpackage --type deb needs fakeroot and dpkg-deb: sudo apt-get install fakeroot dpkg-dev"
    fi
  fi
fi

# 1. The input folder: the application jar, its dependencies in lib/, models and sample data.
input="$dist/input"
rm -rf "$input" && mkdir -p "$input/lib"
classpath=()
IFS=":" read -r -a deps < "$target/runtime-classpath.txt" || true  # no final newline
for jar in "${deps[@]}"; do
  [ -f "$jar" ] || die "dependency missing: $jar (run the Maven build again)"
  cp "$jar" "$input/lib/"
  classpath+=("lib/$(basename "$jar")")
done
manifest="$dist/MANIFEST.MF"
{
  echo "Main-Class: org.ambiseg.cli.CliMain"
  echo "Implementation-Version: $version"
  # Class-Path lines are folded at 72 bytes with a leading space on each continuation line.
  echo "Class-Path: ${classpath[*]}" | fold -w 70 | sed '2,$s/^/ /'
} > "$manifest"
jar --create --file "$input/ambiseg.jar" --manifest "$manifest" -C "$target/classes" .
cp -r "$root/models" "$root/sample-data" "$input/"

# 2. A trimmed runtime. Modules found with jdeps --print-module-deps over the runtime class path,
#    plus java.desktop/java.logging/java.xml/java.naming/jdk.zipfs used reflectively or by JavaFX.
runtime="$dist/runtime"
rm -rf "$runtime"
jlink --add-modules java.base,java.compiler,java.desktop,java.logging,java.management,java.naming,java.rmi,java.scripting,java.sql,java.xml,jdk.jfr,jdk.unsupported,jdk.unsupported.desktop,jdk.zipfs \
  --strip-debug --no-header-files --no-man-pages --compress=2 --output "$runtime"

# 3. jpackage: bin/ambiseg opens the window, bin/ambiseg-cli runs the command line.
opts='-Dai.djl.offline=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils=error -Dai.djl.pytorch.num_interop_threads=1'
cli_props="$dist/ambiseg-cli.properties"
cat > "$cli_props" <<PROPS
main-class=org.ambiseg.cli.CliMain
java-options=$opts -Djava.awt.headless=true
PROPS
common=(
  --name ambiseg --app-version "$app_version" --vendor "AmbiSeg"
  --description "Annotation ambiguity in medical image segmentation (research use only, not for diagnosis)"
  --copyright "Apache-2.0"
  --input "$input" --main-jar ambiseg.jar --main-class org.ambiseg.app.Launcher
  --runtime-image "$runtime" --java-options "$opts"
  --add-launcher "ambiseg-cli=$cli_props"
  --icon "$root/packaging/linux/ambiseg.png"
)
if [ "$type" = app-image ]; then
  rm -rf "$dist/image"
  jpackage --type app-image --dest "$dist/image" "${common[@]}"
  image="$dist/image/ambiseg"
  mkdir -p "$image/share/applications"
  sed "s:APPDIR:$image:g" "$root/packaging/linux/ambiseg.desktop" > "$image/share/applications/ambiseg.desktop"
  echo "app image: $image ($(du -sh "$image" | cut -f1))"
else
  jpackage --type deb --dest "$dist" "${common[@]}" \
    --linux-package-name ambiseg --linux-app-category science --linux-menu-group "Science;MedicalSoftware" \
    --linux-shortcut --install-dir /opt --resource-dir "$root/packaging/linux/deb"
  ls -l "$dist"/*.deb
fi
