#!/usr/bin/env bash
# Provisions a kiosk image: writes a kiosk's configuration (kiosk.properties), its TLS identity,
# trust anchors and staff PIN hash onto the image's data partition, at /var/lib/kiosk/config.
# DIR holds kiosk.properties and the files it names (as ./kiosk sim writes one per kiosk, or a
# store's own); the configuration must pass `config check`, and every path in it must lie inside
# DIR (they become relative to the file) or already name a place under /var/lib/kiosk. The
# journal and printer folders it names start empty. The data partition is made anew: provisioning
# is for a kiosk before it goes to the store (it replaces whatever the partition held).
# Secrets (key store, passwords, staff PIN hash) are readable by the kiosk's user alone.
# Needs root (file ownership on the partition), e2fsprogs, fdisk, the runtime image of
# build-runtime.sh and the root of build-os-image.sh (for the kiosk user's ids).
# Usage: kiosk-image/provision.sh DIR [DISK]    (DISK: default target/image/disk.raw)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[[ $# -ge 1 && $# -le 2 ]] || { echo "usage: kiosk-image/provision.sh DIR [DISK]" >&2; exit 2; }
source_dir="$1"
disk="${2:-$here/target/image/disk.raw}"
runtime="$here/target/kiosk"
rootfs="$here/target/image/rootfs"
[[ $(id -u) -eq 0 ]] || { echo "provision.sh needs root (ownership of the kiosk's files on the partition)" >&2; exit 1; }
[[ -f "$disk" ]] || { echo "no disk image $disk: run ./kiosk image first" >&2; exit 1; }
[[ -x "$runtime/bin/kiosk" && -f "$rootfs/etc/passwd" ]] || { echo "no runtime or root in $here/target: run ./kiosk image first" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/state" "$work/stage"
KIOSK_STATE="$work/state" "$runtime/bin/kiosk" --provision-stage "$source_dir" "$work/stage" | tee "$work/staged"

# Owned by the kiosk's user as the image knows it; secrets 0600, the rest 0640 / 0750.
ids="$(awk -F: '$1 == "kiosk" { print $3 ":" $4 }' "$rootfs/etc/passwd")"
[[ -n "$ids" ]] || { echo "no user kiosk in $rootfs/etc/passwd" >&2; exit 1; }
chown -R "$ids" "$work/stage"
chmod 0755 "$work/stage"
find "$work/stage/config" -type d -exec chmod 0750 {} +
find "$work/stage/config" -type f -exec chmod 0640 {} +
sed -n 's/^secret //p' "$work/staged" | while IFS= read -r secret; do chmod 0600 "$work/stage/$secret"; done

# The partition named kiosk-data is the data partition (KIOSKDATA), whatever its number (2 on
# the direct-boot disk, 4 on the verified-boot disk of verified-boot.sh): made anew from the staging folder.
read -r start sectors < <(sfdisk -d "$disk" | awk -F'[=,]' '/name="kiosk-data"/ { gsub(/ /, ""); print $2, $4 }')
[[ -n "${start:-}" && -n "${sectors:-}" ]] || { echo "$disk has no partition named kiosk-data" >&2; exit 1; }
mkfs.ext4 -q -F -L KIOSKDATA -d "$work/stage" "$work/data.ext4" "$(( sectors / 2048 ))M"
dd if="$work/data.ext4" of="$disk" bs=1M seek=$(( start / 2048 )) conv=notrunc,sparse status=none
echo "provisioned $disk: $source_dir/kiosk.properties and the files it names are in /var/lib/kiosk/config on its data partition"
