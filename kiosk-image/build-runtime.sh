#!/usr/bin/env bash
# Builds the kiosk's runtime image in kiosk-image/target/kiosk (installed as /opt/kiosk in the OS
# image) and the test image's jars beside it in kiosk-image/target/kiosk-test (/opt/kiosk-test):
#   kiosk/runtime/   a jlink runtime: the JDK modules the kiosk needs (jdeps, plus the ones reached
#              only through service loading), those the test jars need besides (named below, on
#              purpose) and JavaFX. jlink takes the JavaFX "linux" jars from Maven as modules (they
#              are modular jars); their native libraries go to runtime/lib, where JavaFX loads them
#              from without unpacking anything at run time (the root is read-only)
#   kiosk/app/       the production class path: kiosk-image.jar (kiosk-app and its supervision) and
#              the libraries kiosk-app needs, without JavaFX; nothing of the demo or the simulator
#   kiosk/lib/kiosk.jsa  an AppCDS archive from a training run of the production kiosk against a
#              simulator started from the test jars (bin/kiosk-train-cds)
#   kiosk/bin/kiosk, bin/kiosk-session, conf/   the launcher with the production JVM options, the
#              supervisor's helper, the class path, logging
#   kiosk-test/app/  the test image's jars: kiosk-image-test.jar (the headless test service), the
#              demo, the simulator and the libraries only they use; conf/classpath their order.
#              bin/kiosk --demo and --headless-service run them on the same runtime, after the
#              production class path, and refuse to start without them
# Usage: kiosk-image/build-runtime.sh [--no-train]
#   --no-train: no AppCDS archive here. The JVM uses an archive only on the class path it was
#   trained with, so a runtime that moves is trained again where it lands (the OS image build
#   trains it inside the image's root, at /opt/kiosk).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
target="$here/target"
out="$target/kiosk"
test_out="$target/kiosk-test"
test_target="$repo/kiosk-image-test/target"
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
# copy-dependencies adds to target/lib and never removes: a library the modules no longer need
# would stay on the class path
rm -rf "$target/lib" "$test_target/lib"
(cd "$repo" && nice -n 10 mvn -B -q -o -DskipTests -pl kiosk-image,kiosk-image-test -am package 2>/dev/null \
  || nice -n 10 mvn -B -q -DskipTests -pl kiosk-image,kiosk-image-test -am package)

lib="$target/lib"
fx=( "$lib"/javafx-base-*-linux.jar "$lib"/javafx-graphics-*-linux.jar "$lib"/javafx-controls-*-linux.jar
     "$lib"/javafx-media-*-linux.jar )
app_jars=( "$target/kiosk-image.jar" )
for j in "$lib"/*.jar; do
  [[ "$(basename "$j")" == javafx-* ]] || app_jars+=( "$j" )
done
# The test jars: what kiosk-image-test needs beyond the production class path. Every production
# library must be among its libraries in the same version (one file name), or the test image would
# run two versions of one library.
test_lib="$test_target/lib"
for j in "$lib"/*.jar; do
  [[ -f "$test_lib/$(basename "$j")" ]] || { echo "kiosk-image-test resolves $(basename "$j") in another version than the production runtime" >&2; exit 1; }
done
test_jars=( "$test_target/kiosk-image-test.jar" )
for j in "$test_lib"/*.jar; do
  name="$(basename "$j")"
  # kiosk-image itself is the production runtime's kiosk-image.jar
  [[ $name == javafx-* || $name == kiosk-image-[0-9]*.jar || -f "$lib/$name" ]] || test_jars+=( "$j" )
done

# The JDK modules the code refers to, as jdeps reads them from every jar; then the modules only
# reached through services or system properties: smart cards, EC crypto for TLS, Japanese locale
# data, extra charsets, zip file system, sun.misc.Unsafe (JavaFX, libraries).
modules_of() {
  for j in "$@"; do
    "$jdk/bin/jdeps" --multi-release 17 -s --ignore-missing-deps -cp "$test_lib/*" "$j" 2>/dev/null || true
  done | awk '{print $3}' | grep -E '^(java|jdk)\.' | sort -u
}
found=$(modules_of "${app_jars[@]}")
product_modules="$(printf '%s\n' $found java.smartcardio jdk.crypto.ec jdk.localedata jdk.charsets jdk.zipfs \
  jdk.unsupported jdk.management | sort -u)"
# The modules the test jars (simulator, demo) need that the product does not, linked on purpose so
# the test image runs on the production runtime: the build fails when the test jars come to need
# another one, so that it is added here, with its reason, and not by accident.
test_only_modules=(
  jdk.httpserver   # the simulator's OCSP responder (com.sun.net.httpserver)
)
missing="$(comm -23 <(modules_of "${test_jars[@]}") <(printf '%s\n' $product_modules "${test_only_modules[@]}" | sort -u))"
if [[ -n $missing ]]; then
  echo "the test jars need JDK modules the production runtime lacks: $(echo $missing); name them in test_only_modules" >&2
  exit 1
fi
modules="$(printf '%s\n' $product_modules "${test_only_modules[@]}" javafx.base javafx.graphics javafx.controls javafx.media \
  | sort -u | paste -sd, -)"
echo "Linking the runtime: $modules" >&2

rm -rf "$out" "$test_out"
mkdir -p "$out/app" "$out/lib" "$out/conf" "$out/bin" "$test_out/app" "$test_out/conf"
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
cp "${test_jars[@]}" "$test_out/app/"
for j in "${test_jars[@]}"; do basename "$j"; done > "$test_out/conf/classpath"

if [[ $train == yes ]]; then
  echo "Training the AppCDS archive (the production kiosk against the test jars' simulator)…" >&2
  nice -n 10 "$out/bin/kiosk-train-cds" >&2
fi

echo "Runtime image: $out ($(du -sh "$out" | cut -f1), app/ $(du -sh "$out/app" | cut -f1)); test jars: $test_out ($(du -sh "$test_out" | cut -f1)); built in $(( $(date +%s) - started )) s" >&2
