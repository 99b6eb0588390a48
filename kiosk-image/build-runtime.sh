#!/usr/bin/env bash
# Builds the kiosk's runtime image in kiosk-image/target/kiosk (installed as /opt/kiosk in the OS
# image):
#   runtime/   a jlink runtime: the JDK modules the kiosk needs (jdeps, plus the ones reached only
#              through service loading) and JavaFX. jlink takes the JavaFX "linux" jars from Maven
#              as modules (they are modular jars); their native libraries go to runtime/lib, where
#              JavaFX loads them from without unpacking anything at run time (the root is read-only)
#   app/       the application's jars (the kiosk and its libraries, without JavaFX) on the class path
#   lib/kiosk.jsa  an AppCDS archive from a training run of the headless demo (bin/kiosk-train-cds)
#   bin/kiosk, bin/kiosk-session, conf/   the launcher with the production JVM options, the
#              supervisor's helper, the class path, logging
# Usage: kiosk-image/build-runtime.sh [--no-train]
#   --no-train: no AppCDS archive here. The JVM uses an archive only on the class path it was
#   trained with, so a runtime that moves is trained again where it lands (the OS image build
#   trains it inside the image's root, at /opt/kiosk).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
target="$here/target"
out="$target/kiosk"
train=yes
while [[ $# -gt 0 ]]; do
  case "$1" in
    --no-train) train=no; shift ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

jdk="${KIOSK_JDK:-/usr/lib/jvm/java-17-openjdk-amd64}"
if [[ ! -d "$jdk/jmods" ]]; then
  echo "No jmods in $jdk: install Debian's openjdk-17-jmods (scripts/install-test-deps.sh does)" >&2
  exit 1
fi

started=$(date +%s)
echo "Packaging the kiosk (mvn package)…" >&2
(cd "$repo" && nice -n 10 mvn -B -q -o -DskipTests -pl kiosk-image -am package 2>/dev/null \
  || nice -n 10 mvn -B -q -DskipTests -pl kiosk-image -am package)

lib="$target/lib"
fx=( "$lib"/javafx-base-*-linux.jar "$lib"/javafx-graphics-*-linux.jar "$lib"/javafx-controls-*-linux.jar
     "$lib"/javafx-media-*-linux.jar )
app_jars=( "$target/kiosk-image.jar" )
for j in "$lib"/*.jar; do
  [[ "$(basename "$j")" == javafx-* ]] || app_jars+=( "$j" )
done

# The JDK modules the code refers to, as jdeps reads them from every jar; then the modules only
# reached through services or system properties: smart cards, EC crypto for TLS, Japanese locale
# data, extra charsets, zip file system, sun.misc.Unsafe (JavaFX, libraries).
found=$(for j in "${app_jars[@]}"; do
  "$jdk/bin/jdeps" --multi-release 17 -s --ignore-missing-deps -cp "$lib/*" "$j" 2>/dev/null || true
done | awk '{print $3}' | grep -E '^(java|jdk)\.' | sort -u)
modules="$(printf '%s\n' $found java.smartcardio jdk.crypto.ec jdk.localedata jdk.charsets jdk.zipfs \
  jdk.unsupported jdk.management javafx.base javafx.graphics javafx.controls javafx.media | sort -u | paste -sd, -)"
echo "Linking the runtime: $modules" >&2

rm -rf "$out"
mkdir -p "$out/app" "$out/lib" "$out/conf" "$out/bin"
fx_path="$(IFS=:; echo "${fx[*]}")"
nice -n 10 "$jdk/bin/jlink" --module-path "$jdk/jmods:$fx_path" --add-modules "$modules" \
  --exclude-resources='glob:/javafx.graphics/*.so,glob:/javafx.media/*.so' \
  --include-locales=en,ja --strip-debug --no-man-pages --no-header-files \
  --generate-cds-archive --output "$out/runtime" >/dev/null
# JavaFX loads its native libraries from the runtime's lib directory before trying to unpack them
# (graphics; media plays the voice guidance clips).
natives="$(mktemp -d)"
(cd "$natives" && "$jdk/bin/jar" xf "$(ls "$lib"/javafx-graphics-*-linux.jar)" \
  && "$jdk/bin/jar" xf "$(ls "$lib"/javafx-media-*-linux.jar)")
cp "$natives"/*.so "$out/runtime/lib/"
rm -rf "$natives"

cp "${app_jars[@]}" "$out/app/"
cp "$here/runtime/bin/kiosk" "$here/runtime/bin/kiosk-session" "$here/runtime/bin/kiosk-train-cds" "$out/bin/"
cp "$here/runtime/conf/logging.properties" "$here/runtime/conf/jvm-memory.options" "$out/conf/"
cp "$here/README.md" "$out/README.md"
for j in "${app_jars[@]}"; do basename "$j"; done > "$out/conf/classpath"

if [[ $train == yes ]]; then
  echo "Training the AppCDS archive (one headless demo issuance)…" >&2
  nice -n 10 "$out/bin/kiosk-train-cds" >&2
fi

echo "Runtime image: $out ($(du -sh "$out" | cut -f1), built in $(( $(date +%s) - started )) s)" >&2
