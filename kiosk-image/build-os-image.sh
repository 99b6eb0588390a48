#!/usr/bin/env bash
# Builds the kiosk's OS images in kiosk-image/target/image from Debian 12 packages, in one build:
#   rootfs/        mmdebstrap (apt variant, no recommends) + kernel, systemd, cage, seatd, Xwayland, pcscd,
#                  CUPS, fonts, GTK for JavaFX, the runtime image at /opt/kiosk (no demo, no
#                  simulator; its AppCDS archive trained there against a simulator run from the test
#                  jars, which leave the root afterwards), the units and /etc files of
#                  kiosk-image/systemd and kiosk-image/rootfs: the production root
#   disk.raw       the production image, GPT (verified-boot.sh): the ESP (systemd-boot and the
#                  signed UKI whose command line holds the root hash), the read-only root (ext4,
#                  KIOSKROOT), its dm-verity hash tree, the data partition (ext4, KIOSKDATA, mounted
#                  at /var/lib/kiosk), empty: the kiosk shows "not provisioned" until provision.sh
#                  writes its configuration there
#   rootfs-test/   the production root plus the test overlay (kiosk-image/test-overlay: the serial
#                  root shell, the headless test service, the simulator and IPP printer units, the
#                  vpcd virtual reader driver, ippeveprinter) and the test jars at /opt/kiosk-test/app
#                  (the demo, the simulator, the headless test service: target/kiosk-test)
#   disk-test.raw  the test image, provisioned for a simulator whose PKI is made here (the DEMO
#                  profile: PC/SC reader, the IPP test printer, simulated payment); its ESP holds two
#                  signed UKIs, the boot test's targets (headless, screen)
#   vmlinuz, initrd.img   the images' kernel and initramfs (also inside each UKI)
#   ../secure-boot-keys/  the build's Secure Boot keys, made once (KIOSK_SECURE_BOOT_KEYS: a store's own)
# check-production.sh proves the production root holds nothing of the overlay (and sees it in the
# test root). Needs root (mmdebstrap --mode=root, chroot), mmdebstrap, e2fsprogs, fdisk.
# Usage: kiosk-image/build-os-image.sh [--skip-runtime]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/target/image"
runtime="$here/target/kiosk"
test_jars="$here/target/kiosk-test"
skip_runtime=no
[[ "${1:-}" == "--skip-runtime" ]] && skip_runtime=yes
started=$(date +%s)

[[ $(id -u) -eq 0 ]] || { echo "build-os-image.sh needs root (mmdebstrap --mode=root)" >&2; exit 1; }
if [[ $skip_runtime == no || ! -x "$runtime/bin/kiosk" || ! -f "$test_jars/conf/classpath" ]]; then
  "$here/build-runtime.sh" --no-train
fi

packages=(
  systemd systemd-sysv udev dbus libpam-systemd kmod   # init, devices, logind sessions
  linux-image-amd64 initramfs-tools                    # kernel and initramfs
  cryptsetup-bin                                       # veritysetup: the initramfs opens the verified root
  cage xwayland                                        # the Wayland kiosk compositor, X11 for JavaFX
  seatd                                                # cage's seat (display, input) for the kiosk user:
                                                       # libseat's logind backend needs polkit, see kiosk.service
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
# path it will run with) against a simulator from the test jars, put beside it for the training
# alone, the kiosk user without a shell, units enabled, consoles masked.
nice -n 10 mmdebstrap --mode=root --variant=apt --quiet \
  --aptopt='APT::Install-Recommends "false"' \
  --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/doc/*' \
  --dpkgopt='path-exclude=/usr/share/locale/*' --dpkgopt='path-include=/usr/share/locale/ja/*' \
  --dpkgopt='path-exclude=/usr/sbin/ippeve*' \
  --include="$(IFS=,; echo "${packages[*]}")" \
  --customize-hook="mkdir -p \"\$1/opt\" \"\$1/var/lib/kiosk\" && cp -a '$runtime' \"\$1/opt/kiosk\"" \
  --customize-hook="cp -a '$here/rootfs/.' \"\$1/\"" \
  --customize-hook="cp '$here/systemd/'* \"\$1/etc/systemd/system/\"" \
  --customize-hook='chroot "$1" update-initramfs -u -k all' \
  --customize-hook="cat '$here/cups/cupsd-kiosk.conf' >> \"\$1/etc/cups/cupsd.conf\"" \
  --customize-hook='chroot "$1" useradd --system --user-group --home-dir /var/lib/kiosk --no-create-home --shell /usr/sbin/nologin kiosk' \
  --customize-hook='chroot "$1" passwd --lock root' \
  --customize-hook='chroot "$1" systemctl enable kiosk.service var-lib-kiosk.mount seatd.service' \
  --customize-hook='chroot "$1" systemctl set-default graphical.target' \
  --customize-hook='chroot "$1" systemctl mask getty@.service autovt@.service serial-getty@.service console-getty.service container-getty@.service debug-shell.service ctrl-alt-del.target' \
  --customize-hook="cp -a '$test_jars' \"\$1/opt/kiosk-test\"" \
  --customize-hook='chroot "$1" /opt/kiosk/bin/kiosk-train-cds' \
  --customize-hook='rm -rf "$1/opt/kiosk-test"' \
  --customize-hook='rm -f "$1/etc/machine-id" && touch "$1/etc/machine-id"' \
  bookworm "$rootfs" "$sources" >&2

# Smaller: what a kiosk never reads. dpkg already left out docs, man pages and all locales but
# Japanese; here go the rest of the documentation, the kernel modules of hardware a kiosk does not
# have (sound, radio, cameras and TV, InfiniBand, ISDN, Bluetooth, staging drivers) and file
# systems it never mounts, the CJK serif faces (the screens use sans; documents use IPA Mincho),
# and the package caches. The initramfs was made before and keeps what booting needs.
size_before=$(du -sm --exclude=proc --exclude=sys "$rootfs" | cut -f1)
kernel_modules=("$rootfs"/usr/lib/modules/*)
for dir in sound drivers/net/wireless drivers/media drivers/infiniband drivers/isdn drivers/bluetooth \
           net/bluetooth net/wireless net/mac80211 drivers/staging fs/btrfs fs/xfs fs/ocfs2 fs/gfs2 fs/nfs \
           fs/nfsd fs/ceph fs/smb fs/cifs fs/jfs fs/reiserfs fs/nilfs2 fs/f2fs; do
  rm -rf "${kernel_modules[0]}/kernel/$dir"
done
chroot "$rootfs" depmod -a "$(basename "${kernel_modules[0]}")"
rm -rf "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* "$rootfs"/usr/share/lintian \
  "$rootfs"/usr/share/fonts/opentype/noto/NotoSerifCJK-* "$rootfs"/var/cache/apt/* "$rootfs"/var/lib/apt/lists/* \
  "$rootfs"/var/cache/debconf/*-old "$rootfs"/var/log/*
size_after=$(du -sm --exclude=proc --exclude=sys "$rootfs" | cut -f1)
echo "root file system: ${size_before} MiB as installed, ${size_after} MiB pruned" >&2
echo "$size_before $size_after" > "$out/root-size-mib"

# What the image must not have.
for forbidden in usr/sbin/sshd usr/bin/ssh; do
  [[ ! -e "$rootfs/$forbidden" ]] || { echo "the image must not contain /$forbidden" >&2; exit 1; }
done
# The units as systemd in the image reads them.
SYSTEMD_LOG_LEVEL=notice systemd-analyze verify --root="$rootfs" --man=no \
  /etc/systemd/system/kiosk.service /etc/systemd/system/var-lib-kiosk.mount >&2 \
  || echo "warning: systemd-analyze verify --root reported the above" >&2
# Least privilege as systemd judges the units in the image (seatd: Debian's unit with our drop-in):
# more than 2.5 of 10 exposed fails the build.
for unit in kiosk.service seatd.service; do
  if ! exposure=$(systemd-analyze security --offline=yes --root="$rootfs" --no-pager --threshold=25 "$unit"); then
    echo "$exposure" | grep -E "^✗|Overall" >&2
    echo "$unit is more exposed than 2.5 (systemd-analyze security)" >&2
    exit 1
  fi
  echo "$exposure" | grep Overall >&2
done

cp "$rootfs"/boot/vmlinuz-* "$out/vmlinuz"
cp "$rootfs"/boot/initrd.img-* "$out/initrd.img"

# The test image: the production root plus the overlay.
echo "Adding the test overlay (test-overlay/) to a copy of the root…" >&2
rootfs_test="$out/rootfs-test"
cp -a "$rootfs" "$rootfs_test"
mkdir -p "$out/overlay-debs"
(cd "$out/overlay-debs" && apt-get download -q $(cat "$here/test-overlay/packages") >&2)
cp "$out"/overlay-debs/*.deb "$rootfs_test/tmp/"
# cups-filters needs cups-ipp-utils (its IPP clients): the production root has the package
# without its test printers (ippeveprinter, path-exclude above); here they come back.
chroot "$rootfs_test" sh -c "dpkg --path-include='/usr/sbin/ippeve*' -i /tmp/*.deb && rm /tmp/*.deb" >&2
# The screen boot test's screenshot from inside the guest: cage 0.1.4 offers no screencopy protocol
# (no grim), so xwd reads the kiosk's window from Xwayland. Only that binary of x11-apps (the
# package would pull in man-db); it needs libX11 and libxkbfile, which Xwayland brings.
(cd "$out/overlay-debs" && apt-get download -q x11-apps >&2)
mkdir -p "$rootfs_test/opt/kiosk-test/bin"
dpkg-deb --fsys-tarfile "$out"/overlay-debs/x11-apps_*.deb | tar -x -O ./usr/bin/xwd > "$rootfs_test/opt/kiosk-test/bin/xwd"
chmod 755 "$rootfs_test/opt/kiosk-test/bin/xwd"
rm "$out"/overlay-debs/x11-apps_*.deb
cp -r "$here"/test-overlay/systemd/* "$rootfs_test/etc/systemd/system/"
cp -a "$here/test-overlay/opt/." "$rootfs_test/opt/"
cp -a "$test_jars/." "$rootfs_test/opt/kiosk-test/"
SYSTEMD_LOG_LEVEL=notice systemd-analyze verify --root="$rootfs_test" --man=no \
  $(cd "$here/test-overlay/systemd" && find . -maxdepth 1 -type f -printf '/etc/systemd/system/%P ') >&2 \
  || echo "warning: systemd-analyze verify --root reported the above (test root)" >&2

# The simulator the test image's kiosk is provisioned for: its PKI and registry made here, once,
# by the test jars' simulator on this runtime; the test image serves them again on the same port.
echo "Making the test simulator's PKI and the test kiosk's configuration…" >&2
seed="$out/test-seed"
mkdir -p "$seed/state"
KIOSK_STATE="$seed/state" nice -n 10 "$runtime/bin/kiosk" --demo sim --port 0 --data "$seed/sim" >"$seed/sim.log" 2>&1 &
sim_pid=$!
for ((i = 0; i < 300; i++)); do
  grep -q 'Serving until stopped' "$seed/sim.log" && break
  kill -0 "$sim_pid" 2>/dev/null || { cat "$seed/sim.log" >&2; echo "the simulator ended" >&2; exit 1; }
  sleep 1
done
kill "$sim_pid"; wait "$sim_pid" || true
sim_port="$(grep -o -E 'base URI +https://localhost:[0-9]+' "$seed/sim.log" | grep -o -E '[0-9]+$')"
[[ -n "$sim_port" ]] || { cat "$seed/sim.log" >&2; echo "no simulator port" >&2; exit 1; }
kiosk_dir="$seed/sim/kiosks/kiosk-demo-001"
sed -i -e '/^printer\./d' -e '/^endpoint\.readTimeout=/d' "$kiosk_dir/kiosk.properties"
printf 'printer.kind=IPP\nprinter.uri=ipp://localhost:8631/ipp/print\n' >> "$kiosk_dir/kiosk.properties"
# The test simulator runs in the same emulated guest, a cold JVM at first: on a busy host its first
# answer once took longer than a store endpoint's 20 s and the self-test failed on the read timeout
printf 'endpoint.readTimeout=PT120S\n' >> "$kiosk_dir/kiosk.properties"
mkdir -p "$rootfs_test/opt/kiosk-test/seed"
cp -a "$seed/sim" "$rootfs_test/opt/kiosk-test/seed/sim"
rm -rf "$rootfs_test/opt/kiosk-test/seed/sim/kiosks"
chroot "$rootfs_test" chown -R kiosk:kiosk /opt/kiosk-test/seed
echo "SIM_PORT=$sim_port" > "$rootfs_test/opt/kiosk-test/sim.env"

# The production root holds nothing of the overlay; the check sees it in the test root.
"$here/check-production.sh" "$rootfs" >&2 || { echo "the production root holds test material (above)" >&2; exit 1; }
if "$here/check-production.sh" "$rootfs_test" > "$out/overlay-check-test-root.txt"; then
  echo "check-production.sh found no overlay in the test root: the check is blind" >&2; exit 1
fi
grep -q 'jp/certkiosk/demo/' "$out/overlay-check-test-root.txt" && grep -q 'jp/certkiosk/sim/' "$out/overlay-check-test-root.txt" \
  || { echo "check-production.sh did not see the demo and simulator classes of the test root's jars: the check is blind" >&2; exit 1; }
echo "production root: no test overlay; the same check finds $(grep -c '' "$out/overlay-check-test-root.txt") item(s) in the test root" >&2

# The disks (verified-boot.sh): GPT with the ESP (systemd-boot and the signed UKIs, whose command
# lines hold the root hash), the root (ext4 read-only, KIOSKROOT), its dm-verity hash tree and the
# data partition (ext4, KIOSKDATA, empty). The Secure Boot keys are made once and kept outside
# target/image; a store's build takes its own from KIOSK_SECURE_BOOT_KEYS.
keys="${KIOSK_SECURE_BOOT_KEYS:-$here/target/secure-boot-keys}"
"$here/verified-boot.sh" keys "$keys"
echo "Making the disks (ESP, root ext4 read-only + dm-verity, data ext4)…" >&2
"$here/verified-boot.sh" disk --root "$rootfs" --kernel "$out/vmlinuz" --initrd "$out/initrd.img" --keys "$keys" \
  --uki kiosk='quiet loglevel=3 vt.global_cursor_default=0 panic=60 systemd.gpt_auto=0' --out "$out/disk.raw" >/dev/null
"$here/verified-boot.sh" disk --root "$rootfs_test" --kernel "$out/vmlinuz" --initrd "$out/initrd.img" --keys "$keys" \
  --uki kiosk-test='console=ttyS0 systemd.unit=kiosk-test.target panic=-1 systemd.gpt_auto=0' \
  --uki kiosk-test-screen='console=ttyS0 systemd.unit=kiosk-test-screen.target panic=-1 systemd.gpt_auto=0' \
  --out "$out/disk-test.raw" >/dev/null
"$here/provision.sh" "$kiosk_dir" "$out/disk-test.raw" >&2

echo "OS images: $out/disk.raw (production, not provisioned), $out/disk-test.raw (test, provisioned), kernel $out/vmlinuz, built in $(( $(date +%s) - started )) s" >&2
