#!/usr/bin/env bash
# Proves a root file system holds nothing of the test overlay (test-overlay/ and the packages the
# test image adds): no unit or file of test-overlay/, no test package, no simulator, virtual card
# reader driver or IPP test printer, no root shell for the serial console; and that the kiosk's
# runtime (/opt/kiosk) holds no demo, simulator or test mode: no class of jp.certkiosk.demo,
# jp.certkiosk.sim or jp.certkiosk.image.test in any jar under it, none of the test jars, and no
# kiosk-test/ beside it for bin/kiosk --demo to run. Prints each finding; exit 1 when there is one. build-os-image.sh runs it on the production root (must pass) and on the
# test root (must fail: the check sees the overlay where it is).
# Usage: kiosk-image/check-production.sh ROOTFS
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="${1:?usage: check-production.sh ROOTFS}"
found=0
finding() { echo "test overlay in $root: $*"; found=1; }

# every file the overlay brings, at its place in the root
while IFS= read -r f; do
  [[ ! -e "$root/etc/systemd/system/$f" ]] || finding "/etc/systemd/system/$f"
done < <(cd "$here/test-overlay/systemd" && ls)
while IFS= read -r f; do
  [[ ! -e "$root/$f" ]] || finding "/$f"
done < <(cd "$here/test-overlay" && find opt -mindepth 1)
# the overlay's packages and what they install
# (cups-ipp-utils itself is in both: cups-filters needs its IPP clients; its test printers are not)
[[ ! -e "$root/var/lib/dpkg/info/vsmartcard-vpcd.list" ]] || finding "package vsmartcard-vpcd"
for path in usr/sbin/ippeveprinter usr/sbin/ippeveps usr/sbin/ippevepcl usr/lib/pcsc/drivers/serial/libifdvpcd.so \
            etc/reader.conf.d/vpcd opt/kiosk-test; do
  [[ ! -e "$root/$path" ]] || finding "/$path"
done
# no demo, simulator or test-mode class in any jar under /opt (the kiosk's runtime, and where the
# test image keeps its jars), none of the test image's jars in the runtime (the build's
# kiosk-test/conf/classpath, when there is one); bin/kiosk's --demo and --headless-service find
# nothing to run without /opt/kiosk-test (checked above)
list_jar() { if command -v unzip >/dev/null; then unzip -Z1 "$1"; else "${KIOSK_JDK:-/usr/lib/jvm/java-17-openjdk-amd64}/bin/jar" tf "$1"; fi; }
while IFS= read -r -d '' jar; do
  classes="$(list_jar "$jar" | grep -E '^jp/certkiosk/(demo|sim|image/test)/' | head -2 | paste -sd' ' -)" || true
  [[ -z $classes ]] || finding "${jar#"$root"} holds $classes …"
done < <(find "$root/opt" -name '*.jar' -print0 2>/dev/null)
if [[ -f "$here/target/kiosk-test/conf/classpath" ]]; then
  while IFS= read -r jar; do
    [[ -z $jar || ! -e "$root/opt/kiosk/app/$jar" ]] || finding "/opt/kiosk/app/$jar (a test image jar)"
  done < "$here/target/kiosk-test/conf/classpath"
fi
# no unit of the image starts a shell (the test console's way in)
if grep -l -E '^ExecStart=.*/(ba|da)?sh( |$)' "$root"/etc/systemd/system/*.service 2>/dev/null; then
  finding "a unit starts a shell (above)"
fi
exit $found
