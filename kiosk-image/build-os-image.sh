#!/usr/bin/env bash
# Builds the kiosk's OS image in kiosk-image/target/image from Debian 12 packages:
#   rootfs/      mmdebstrap (apt variant, no recommends) + kernel, systemd, cage, Xwayland, pcscd,
#                CUPS, fonts, GTK for JavaFX, the runtime image at /opt/kiosk, the units and /etc
#                files of kiosk-image/systemd and kiosk-image/rootfs
#   disk.raw     GPT: partition 1 the read-only root (ext4, KIOSKROOT), partition 2 the data
#                partition (ext4, KIOSKDATA, mounted at /var/lib/kiosk)
#   vmlinuz, initrd.img   the image's kernel and initramfs, for direct kernel boot
#                (qemu -kernel/-initrd, see boot-test.sh); the disk carries no boot loader
# Needs root (mmdebstrap --mode=root, chroot), mmdebstrap, e2fsprogs, fdisk.
# Usage: kiosk-image/build-os-image.sh [--skip-runtime]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/target/image"
runtime="$here/target/kiosk"
skip_runtime=no
[[ "${1:-}" == "--skip-runtime" ]] && skip_runtime=yes
started=$(date +%s)

[[ $(id -u) -eq 0 ]] || { echo "build-os-image.sh needs root (mmdebstrap --mode=root)" >&2; exit 1; }
if [[ $skip_runtime == no || ! -x "$runtime/bin/kiosk" ]]; then
  "$here/build-runtime.sh" --no-train
fi

packages=(
  systemd systemd-sysv udev dbus libpam-systemd kmod   # init, devices, logind sessions
  linux-image-amd64 initramfs-tools                    # kernel and initramfs
  cage xwayland                                        # the Wayland kiosk compositor, X11 for JavaFX
  libgtk-3-0 libxtst6 libxxf86vm1 libgl1 libegl1       # what JavaFX's glass/prism load
  fonts-ipaexfont-mincho fonts-ipaexfont-gothic        # documents and screens
  fonts-ipamj-mincho                                   # rare kanji of registered names on documents
  fonts-noto-cjk                                       # the screens' eight languages
  pcscd libccid                                        # PC/SC and USB card readers
  cups-daemon cups-client cups-filters                 # the printer queue
  procps                                               # ps/pkill for staff diagnostics and the boot test
)
sources=/etc/apt/sources.list.d/debian.sources
[[ -f $sources ]] || sources=/etc/apt/sources.list

rm -rf "$out"
mkdir -p "$out"
rootfs="$out/rootfs"
echo "Building the root file system (mmdebstrap, ${#packages[@]} packages)…" >&2
# Customisation inside the root: the runtime at /opt/kiosk, trained there (AppCDS wants the class
# path it will run with), the kiosk user without a shell, units enabled, consoles masked.
nice -n 10 mmdebstrap --mode=root --variant=apt --quiet \
  --aptopt='APT::Install-Recommends "false"' \
  --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/doc/*' \
  --dpkgopt='path-exclude=/usr/share/locale/*' --dpkgopt='path-include=/usr/share/locale/ja/*' \
  --include="$(IFS=,; echo "${packages[*]}")" \
  --customize-hook="mkdir -p \"\$1/opt\" \"\$1/var/lib/kiosk\" && cp -a '$runtime' \"\$1/opt/kiosk\"" \
  --customize-hook="cp -a '$here/rootfs/.' \"\$1/\"" \
  --customize-hook="cp '$here/systemd/'* \"\$1/etc/systemd/system/\"" \
  --customize-hook='chroot "$1" useradd --system --user-group --home-dir /var/lib/kiosk --no-create-home --shell /usr/sbin/nologin kiosk' \
  --customize-hook='chroot "$1" passwd --lock root' \
  --customize-hook='chroot "$1" systemctl enable kiosk.service var-lib-kiosk.mount' \
  --customize-hook='chroot "$1" systemctl set-default graphical.target' \
  --customize-hook='chroot "$1" systemctl mask getty@.service autovt@.service serial-getty@.service console-getty.service container-getty@.service debug-shell.service ctrl-alt-del.target' \
  --customize-hook='chroot "$1" /opt/kiosk/bin/kiosk-train-cds' \
  --customize-hook='rm -f "$1/etc/machine-id" && touch "$1/etc/machine-id"' \
  bookworm "$rootfs" "$sources" >&2

# What the image must not have.
for forbidden in usr/sbin/sshd usr/bin/ssh; do
  [[ ! -e "$rootfs/$forbidden" ]] || { echo "the image must not contain /$forbidden" >&2; exit 1; }
done
# The units as systemd in the image reads them.
SYSTEMD_LOG_LEVEL=notice systemd-analyze verify --root="$rootfs" --man=no \
  /etc/systemd/system/kiosk.service /etc/systemd/system/kiosk-headless.service \
  /etc/systemd/system/kiosk-test.target /etc/systemd/system/kiosk-test-screen.target /etc/systemd/system/kiosk-test-console.service \
  /etc/systemd/system/var-lib-kiosk.mount >&2 || echo "warning: systemd-analyze verify --root reported the above" >&2

cp "$rootfs"/boot/vmlinuz-* "$out/vmlinuz"
cp "$rootfs"/boot/initrd.img-* "$out/initrd.img"

echo "Making the disk (root ext4 read-only, data ext4)…" >&2
root_mb=$(( $(du -sm --exclude=proc --exclude=sys "$rootfs" | cut -f1) * 115 / 100 + 64 ))
data_mb=256
nice -n 10 mkfs.ext4 -q -F -L KIOSKROOT -d "$rootfs" "$out/root.ext4" "${root_mb}M"
nice -n 10 mkfs.ext4 -q -F -L KIOSKDATA "$out/data.ext4" "${data_mb}M"
disk="$out/disk.raw"
truncate -s $(( (1 + root_mb + data_mb + 1) * 1024 * 1024 )) "$disk"
sfdisk -q "$disk" <<PARTS
label: gpt
start=1MiB, size=${root_mb}MiB, name=kiosk-root
size=${data_mb}MiB, name=kiosk-data
PARTS
dd if="$out/root.ext4" of="$disk" bs=1M seek=1 conv=notrunc,sparse status=none
dd if="$out/data.ext4" of="$disk" bs=1M seek=$(( 1 + root_mb )) conv=notrunc,sparse status=none
rm -f "$out/root.ext4" "$out/data.ext4"

echo "OS image: $disk ($(du -h --apparent-size "$disk" | cut -f1); root ${root_mb} MiB, data ${data_mb} MiB), kernel $out/vmlinuz, built in $(( $(date +%s) - started )) s" >&2
