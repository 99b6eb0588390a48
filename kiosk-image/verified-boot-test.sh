#!/usr/bin/env bash
# The verified boot chain on a tiny disk, under qemu with OVMF (UEFI, Secure Boot), in minutes:
# the same pieces the kiosk image uses (verified-boot.sh, the initramfs hook and local-top script
# of rootfs/etc/initramfs-tools, Debian's kernel, systemd-boot, OVMF), with a root of busybox
# instead of the kiosk's 1.2 GB, whose /sbin/init prints what it sees and powers off.
#   1. setup mode: a fresh OVMF_VARS; systemd-boot enrolls the build's PK, KEK and db from the
#      ESP and restarts; the firmware now enforces Secure Boot; the signed UKI boots, the
#      initramfs opens the root through dm-verity with the root hash of the UKI's command line,
#      and the root's init sees Secure Boot on, / on /dev/mapper/root (a CRYPT-VERITY device) and
#      reads every file of the root
#   2. one byte of the root partition flipped (in the ext4 superblock, read at mount): dm-verity
#      finds the block corrupted and the kernel stops (panic-on-corruption); the root's init never
#      runs
#   3. one byte of the signed UKI changed on the ESP (its command line): the firmware refuses to
#      start it (Secure Boot), nothing of it runs
#   4. a boot loader entry added to the ESP, made the default, starting the signed UKI with another
#      command line (the raw root partition): systemd-stub ignores it under Secure Boot, the
#      kernel gets the signed command line and the root comes through dm-verity
# Needs root (mkinitramfs against the downloaded kernel's modules in a private mount namespace),
# qemu-system-x86, ovmf, initramfs-tools, busybox-static and what verified-boot.sh needs.
# The console of each boot goes to WORK/console-*.log (WORK: VBOOT_WORK, default
# kiosk-image/target/verified-boot-test).
# Usage: kiosk-image/verified-boot-test.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="${VBOOT_WORK:-$here/target/verified-boot-test}"
ovmf_code=/usr/share/OVMF/OVMF_CODE_4M.secboot.fd
ovmf_vars=/usr/share/OVMF/OVMF_VARS_4M.fd   # no keys enrolled: setup mode
[[ $(id -u) -eq 0 ]] || { echo "verified-boot-test.sh needs root (mkinitramfs in a mount namespace)" >&2; exit 1; }
for f in "$ovmf_code" "$ovmf_vars" /usr/sbin/mkinitramfs /bin/busybox; do
  [[ -e "$f" ]] || { echo "missing $f (scripts/install-test-deps.sh installs what the image build needs)" >&2; exit 1; }
done
mkdir -p "$work"
started=$(date +%s)

# The kernel: Debian's, as the image installs it (linux-image-amd64's current version)
kernel_dir="$work/kernel"
if ! ls "$kernel_dir"/boot/vmlinuz-* >/dev/null 2>&1; then
  package=$(apt-cache depends linux-image-amd64 | awk '/Depends: linux-image-/ { print $2; exit }')
  rm -rf "$kernel_dir" "$work"/linux-image-*.deb
  (cd "$work" && apt-get download -q "$package" >&2)
  dpkg-deb -x "$work"/linux-image-*.deb "$kernel_dir"
  rm -f "$work"/linux-image-*.deb
fi
vmlinuz=$(ls "$kernel_dir"/boot/vmlinuz-*)
version=${vmlinuz##*/vmlinuz-}
[[ -f "$kernel_dir/lib/modules/$version/modules.dep" ]] || depmod -b "$kernel_dir" "$version"

# The root: busybox (static) and an init that reports and powers off. Read-only, like the kiosk's.
root="$work/root"
rm -rf "$root"
mkdir -p "$root"/{bin,sbin,proc,sys,dev,run,etc,usr/lib}
cp /bin/busybox "$root/bin/busybox"
for applet in sh mount cat grep ls find sleep poweroff dmesg tr wc head tail od; do ln -s busybox "$root/bin/$applet"; done
cp /usr/lib/os-release "$root/usr/lib/os-release"
cat > "$root/sbin/init" <<'INIT'
#!/bin/sh
mount -t proc proc /proc   # /sys, /dev and /run come from the initramfs
mount -t efivarfs efivarfs /sys/firmware/efi/efivars
efivar() { tail -c +5 "/sys/firmware/efi/efivars/$1"; }   # a variable's value after its attributes
echo "VBOOT cmdline: $(cat /proc/cmdline)"
echo "VBOOT root: $(grep ' / ' /proc/mounts)"
echo "VBOOT dm: name=$(cat /sys/block/dm-0/dm/name) uuid=$(cat /sys/block/dm-0/dm/uuid) over $(ls /sys/block/dm-0/slaves | tr '\n' ' ')"
echo "VBOOT entry: $(efivar LoaderEntrySelected-4a67b082-0a4c-41cf-b6c7-440b29bb8c4f | tr -d '\000')"
echo "VBOOT SecureBoot variable: $(efivar SecureBoot-8be4df61-93ca-11d2-aa0d-00e098032b8c | od -An -tu1 | tr -d ' ')"
echo "VBOOT kernel: $(dmesg | grep -o -e 'secureboot: .*' -e 'Kernel is locked down.*' | tr '\n' ' ')"
if find / -xdev -type f -exec cat {} + > /dev/null; then
  echo "VBOOT read: $(find / -xdev -type f | wc -l) files of the root read back without an error"
else
  echo "VBOOT read: FAILED"
fi
echo "VBOOT done"
poweroff -f
INIT
chmod 755 "$root/sbin/init"

# The initramfs: initramfs-tools with the image's own configuration (rootfs/etc/initramfs-tools:
# the verity hook and local-top script), a short module list instead of MODULES=most, against the
# downloaded kernel's modules, mounted at /lib/modules/VERSION in a private mount namespace.
conf="$work/initramfs-tools"
rm -rf "$conf"
cp -a /etc/initramfs-tools "$conf"
cp -a "$here/rootfs/etc/initramfs-tools/." "$conf/"
sed -i 's/^MODULES=.*/MODULES=list/' "$conf/initramfs.conf"
# no busybox, as in the image (it does not install busybox): the scripts must make do with klibc
sed -i 's/^BUSYBOX=.*/BUSYBOX=n/' "$conf/initramfs.conf"
printf '%s\n' virtio_pci virtio_blk ext4 efivarfs > "$conf/modules"   # efivarfs: the root's init reads the boot loader's variables
mkdir -p /usr/lib/modules   # the mount point (empty; absent on a machine without a kernel)
unshare --mount sh -c "mount --bind '$kernel_dir/lib/modules' /usr/lib/modules && mount --bind '$kernel_dir/boot' /boot \
  && mkinitramfs -d '$conf' -o '$work/initrd.img' '$version'" >&2
echo "initramfs: $(du -h "$work/initrd.img" | cut -f1), veritysetup and dm-verity in it: $(lsinitramfs "$work/initrd.img" | grep -c -E 'sbin/veritysetup$|dm-verity.ko|local-top/kiosk-verity$') of 3"

# The disk: the build's own Secure Boot keys, a signed UKI, the ESP, root, verity, data
"$here/verified-boot.sh" keys "$work/keys"
"$here/verified-boot.sh" disk --root "$root" --kernel "$vmlinuz" --initrd "$work/initrd.img" --keys "$work/keys" \
  --uki kiosk-verity-test='console=ttyS0 panic=-1 rootwait' --data-mib 8 --out "$work/disk.raw" > "$work/roothash"
roothash=$(cat "$work/roothash")
[[ "$roothash" =~ ^[0-9a-f]{64}$ ]] || { echo "verified-boot.sh printed no root hash: $roothash" >&2; exit 1; }
echo "built in $(( $(date +%s) - started )) s"

# boot NAME DISK VARS [qemu options]: one boot, its console in WORK/console-NAME.log; the elapsed
# seconds and the seconds until the kernel's first line. qemu ends by itself (poweroff, a panic or
# a reset with -no-reboot), when the console shows $stop_at, or after 240 s.
stop_at='^$'
boot() {
  local name=$1 disk=$2 vars=$3 log="$work/console-$1.log" t0 kernel_at=""
  shift 3
  : > "$log"
  t0=$(date +%s)
  timeout 240 nice -n 19 qemu-system-x86_64 -accel tcg,thread=single -cpu Nehalem \
    -machine q35,smm=on -global driver=cfi.pflash01,property=secure,value=on \
    -drive if=pflash,format=raw,unit=0,readonly=on,file="$ovmf_code" \
    -drive if=pflash,format=raw,unit=1,file="$vars" \
    -m 512 -nodefaults -display none -serial stdio "$@" \
    -drive file="$disk",format=raw,if=virtio </dev/null >"$log" 2>&1 &
  local pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    [[ -z "$kernel_at" ]] && grep -a -q 'Linux version' "$log" && kernel_at=$(( $(date +%s) - t0 ))
    [[ "$stop_at" != '^$' ]] && grep -a -q -E "$stop_at" "$log" && kill "$pid" 2>/dev/null
    sleep 1
  done
  wait "$pid" || true
  echo "  $name: qemu ended after $(( $(date +%s) - t0 )) s (kernel's first line after ${kernel_at:-never} s)"
}
shows() { tr -d '\r' < "$work/console-$1.log" | grep -a -E "$2" > /dev/null; }   # no -q: pipefail
line() { tr -d '\r' < "$work/console-$1.log" | grep -a -E "$2" | head -n 1 | sed 's/\x1b\[[0-9;]*[a-zA-Z]//g'; }
failures=0
check() {  # check NAME REGEX WHAT: the console of boot NAME shows REGEX
  if shows "$1" "$2"; then echo "    ok: $3: $(line "$1" "$2" | cut -c1-200)"; else echo "    FAILED: $3 (no /$2/ in $work/console-$1.log)"; failures=$((failures + 1)); fi
}
check_not() {
  if shows "$1" "$2"; then echo "    FAILED: $3: $(line "$1" "$2" | cut -c1-200)"; failures=$((failures + 1)); else echo "    ok: $3"; fi
}

# 1. setup mode: systemd-boot enrolls the keys and resets the machine (qemu ends: -no-reboot), then
# the good boot with the keys enrolled; the root's init powers off
cp "$ovmf_vars" "$work/vars.fd"
boot enroll "$work/disk.raw" "$work/vars.fd" -no-reboot
check enroll 'Enrolling secure boot keys' "systemd-boot enrolled the build's keys in setup mode"
check_not enroll 'Linux version' "no kernel ran in setup mode"
boot good "$work/disk.raw" "$work/vars.fd" -no-reboot
check good 'EFI stub: UEFI Secure Boot is enabled' "the UKI's stub started with Secure Boot on"
check good 'secureboot: Secure boot enabled' "the kernel booted with Secure Boot on"
check good 'VBOOT SecureBoot variable: 1$' "the firmware's SecureBoot variable is 1"
check good 'VBOOT entry: kiosk-verity-test.efi$' "systemd-boot started the signed UKI (LoaderEntrySelected)"
check good 'Kernel is locked down from EFI Secure Boot' "the kernel locked itself down (integrity: signed modules only, no /dev/mem)"
check good "VBOOT cmdline: .*kiosk.roothash=$roothash" "the UKI's signed command line holds the root hash"
check good 'VBOOT root: /dev/mapper/root / ext4 ro' "the root is /dev/mapper/root, read-only"
check good 'VBOOT dm: name=root uuid=CRYPT-VERITY-' "/dev/mapper/root is a dm-verity device"
check good 'VBOOT read: [0-9]+ files' "every file of the root reads back through dm-verity"
cp "$work/vars.fd" "$work/vars-enrolled.fd"

# 2. a flipped byte in the root partition: in the ext4 superblock, read by the first probe of
# /dev/mapper/root
"$here/verified-boot.sh" tamper-root "$work/disk.raw" "$work/disk-flipped.raw"
cp "$work/vars-enrolled.fd" "$work/vars-flipped.fd"
boot flipped "$work/disk-flipped.raw" "$work/vars-flipped.fd" -no-reboot
check flipped 'secureboot: Secure boot enabled' "the same signed UKI started, Secure Boot on"
check flipped 'verity.*data block 0 is corrupted' "dm-verity found the flipped block"
check flipped 'Kernel panic.*dm-verity device corrupted' "the boot stopped"
check_not flipped 'VBOOT' "the tampered root's init never ran"

# 3. a changed byte in the signed UKI (its embedded command line: ro becomes rw), not signed again
cp --sparse=always "$work/disk.raw" "$work/disk-uki.raw"
esp_start=$(sfdisk -d "$work/disk-uki.raw" | awk -F'[=,]' '/name="esp"/ { gsub(/ /, ""); print $2 }')
mcopy -i "$work/disk-uki.raw@@$(( esp_start * 512 ))" ::/EFI/Linux/kiosk-verity-test.efi "$work/uki.efi"
at=$(grep -a -b -o 'root=/dev/mapper/root ro ' "$work/uki.efi" | head -n 1 | cut -d: -f1)
printf 'w' | dd of="$work/uki.efi" bs=1 seek=$(( at + 22 )) conv=notrunc status=none
sbverify --cert "$work/keys/db.crt" "$work/uki.efi" >/dev/null 2>&1 && { echo "the changed UKI still verifies?" >&2; exit 1; }
echo "  changed the UKI's command line to '$(grep -a -o 'root=/dev/mapper/root [a-z]* ' "$work/uki.efi" | head -n 1)'; sbverify refuses it"
mcopy -o -i "$work/disk-uki.raw@@$(( esp_start * 512 ))" "$work/uki.efi" ::/EFI/Linux/kiosk-verity-test.efi
cp "$work/vars-enrolled.fd" "$work/vars-uki.fd"
stop_at='No bootable option or device'   # after the refusal OVMF waits for a key
boot uki "$work/disk-uki.raw" "$work/vars-uki.fd" -no-reboot
check uki 'Error loading .*kiosk-verity-test.efi: (Access Denied|Security Violation)' "the firmware refused the changed UKI"
check_not uki 'Linux version' "no kernel of it ran"

# 4. a command line from the ESP (not signed): a boot loader entry that starts the signed UKI with
# options naming the raw root partition and made the default in loader.conf (not signed either).
# systemd-stub ignores options under Secure Boot when the UKI holds a command line: it boots as
# signed, the root through dm-verity
cp --sparse=always "$work/disk.raw" "$work/disk-cmdline.raw"
printf 'title Tampered\nefi /EFI/Linux/kiosk-verity-test.efi\noptions root=PARTLABEL=kiosk-root ro console=ttyS0 panic=-1 rootwait\n' > "$work/tampered.conf"
printf 'default tampered.conf\ntimeout 0\n' > "$work/loader.conf"
mmd -i "$work/disk-cmdline.raw@@$(( esp_start * 512 ))" ::/loader/entries
mcopy -i "$work/disk-cmdline.raw@@$(( esp_start * 512 ))" "$work/tampered.conf" ::/loader/entries/tampered.conf
mcopy -o -i "$work/disk-cmdline.raw@@$(( esp_start * 512 ))" "$work/loader.conf" ::/loader/loader.conf
stop_at='^$'
cp "$work/vars-enrolled.fd" "$work/vars-cmdline.fd"
boot cmdline "$work/disk-cmdline.raw" "$work/vars-cmdline.fd" -no-reboot
check cmdline 'VBOOT entry: tampered(\.conf)?$' "systemd-boot started the tampered entry (LoaderEntrySelected)"
check cmdline "Command line: root=/dev/mapper/root ro kiosk.roothash=$roothash" "the kernel got the signed command line"
check_not cmdline 'PARTLABEL=kiosk-root' "the entry's options were ignored"
check cmdline 'VBOOT root: /dev/mapper/root / ext4 ro' "the root came through dm-verity"

rm -f "$work/disk-flipped.raw" "$work/disk-uki.raw" "$work/disk-cmdline.raw" "$work/uki.efi"
if (( failures > 0 )); then
  echo "VERIFIED BOOT TEST FAILED: $failures check(s), consoles in $work" >&2
  exit 1
fi
echo "VERIFIED BOOT TEST PASSED in $(( $(date +%s) - started )) s (consoles in $work)"
