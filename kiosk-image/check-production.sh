#!/usr/bin/env bash
# Proves a root file system holds nothing of the test overlay (test-overlay/ and the packages the
# test image adds): no unit or file of test-overlay/, no test package, no simulator, virtual card
# reader driver or IPP test printer, no root shell for the serial console. Prints each finding;
# exit 1 when there is one. build-os-image.sh runs it on the production root (must pass) and on the
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
# no unit of the image starts a shell (the test console's way in)
if grep -l -E '^ExecStart=.*/(ba|da)?sh( |$)' "$root"/etc/systemd/system/*.service 2>/dev/null; then
  finding "a unit starts a shell (above)"
fi
exit $found
