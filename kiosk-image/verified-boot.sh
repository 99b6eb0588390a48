#!/usr/bin/env bash
# Verified boot for a kiosk disk: UEFI Secure Boot with the build's own keys, systemd-boot, a signed
# unified kernel image (UKI) whose embedded command line holds the root hash, and the read-only root
# checked block by block by dm-verity. Debian 12 tools only (no ukify, no mkosi):
#
#   verified-boot.sh keys DIR
#       makes the Secure Boot keys in DIR, once: PK, KEK, db (RSA 2048, self-signed, openssl), their
#       signature lists (efitools) and the authenticated variables PK.auth, KEK.auth, db.auth that
#       systemd-boot enrolls from the ESP when the firmware is in setup mode. db.key signs the boot
#       loader and the UKIs. Keep DIR out of the image and out of git.
#
#   verified-boot.sh disk --root ROOT --kernel VMLINUZ --initrd INITRD --keys DIR \
#                         --uki NAME='CMDLINE' [--uki NAME2='CMDLINE2' ...] \
#                         [--data DATA.ext4 | --data-mib N] [--os-release FILE] --out DISK
#       ROOT: a root directory (made into ext4, label KIOSKROOT, with mkfs.ext4 -d) or an ext4 image.
#       Writes DISK (GPT):
#         1 esp              vfat: EFI/BOOT/BOOTX64.EFI (systemd-boot, signed), EFI/Linux/NAME.efi
#                            (one signed UKI per --uki, the first the default), loader/loader.conf,
#                            loader/keys/auto/{PK,KEK,db}.auth (enrolled in setup mode)
#         2 kiosk-root       the ext4 root, read-only; PARTUUID = the root hash's first 128 bits
#         3 kiosk-root-verity the dm-verity hash tree; PARTUUID = the root hash's last 128 bits
#         4 kiosk-data       ext4 KIOSKDATA (DATA.ext4 as given, or empty of N MiB, default 256)
#       Each UKI's command line is "root=/dev/mapper/root ro kiosk.roothash=HASH CMDLINE": the
#       initramfs (rootfs/etc/initramfs-tools, scripts/local-top/kiosk-verity) opens the root with
#       veritysetup. Prints the root hash; DISK.roothash keeps it.
#       CMDLINE should hold panic=N: without it initramfs-tools offers a root shell when the root
#       does not verify, and from that shell anyone could mount the unverified partition.
#
#   verified-boot.sh default DISK ENTRY.efi
#       makes EFI/Linux/ENTRY.efi systemd-boot's default on DISK (loader.conf is not signed; it
#       only chooses among the signed UKIs): the boot test's way to the screen target's UKI.
#
#   verified-boot.sh tamper-root DISK COPY
#       copies DISK with one bit of the root partition flipped (in the ext4 superblock, read first):
#       a boot of COPY must stop in dm-verity.
#
# Needs: openssl, efitools, sbsigntool, systemd-boot-efi, cryptsetup-bin, dosfstools, mtools,
# e2fsprogs, fdisk, binutils (objcopy).
set -euo pipefail

stub=/usr/lib/systemd/boot/efi/linuxx64.efi.stub
bootloader=/usr/lib/systemd/boot/efi/systemd-bootx64.efi

die() { echo "verified-boot.sh: $*" >&2; exit 1; }

make_keys() {
  local dir=$1 name guid
  mkdir -p "$dir"
  if [[ -f "$dir/db.auth" ]]; then
    echo "Secure Boot keys already in $dir" >&2
    return
  fi
  guid=$(cat /proc/sys/kernel/random/uuid)
  echo "$guid" > "$dir/owner-guid"
  for name in PK KEK db; do
    openssl req -new -x509 -newkey rsa:2048 -sha256 -days 3650 -nodes -subj "/CN=Kiosk Secure Boot $name/" \
      -keyout "$dir/$name.key" -out "$dir/$name.crt" 2>/dev/null
    chmod 0600 "$dir/$name.key"
    cert-to-efi-sig-list -g "$guid" "$dir/$name.crt" "$dir/$name.esl"
  done
  # PK signs itself and KEK; KEK signs db (each an authenticated write the firmware checks)
  sign-efi-sig-list -g "$guid" -k "$dir/PK.key" -c "$dir/PK.crt" PK "$dir/PK.esl" "$dir/PK.auth" >/dev/null
  sign-efi-sig-list -g "$guid" -k "$dir/PK.key" -c "$dir/PK.crt" KEK "$dir/KEK.esl" "$dir/KEK.auth" >/dev/null
  sign-efi-sig-list -g "$guid" -k "$dir/KEK.key" -c "$dir/KEK.crt" db "$dir/db.esl" "$dir/db.auth" >/dev/null
  echo "Secure Boot keys made in $dir (owner $guid)" >&2
}

# make_uki KERNEL INITRD OSREL CMDLINE OUT: the systemd 252 stub with .osrel, .cmdline, .linux and
# .initrd sections (objcopy), each placed after the last at a 4 KiB aligned address (the stub's
# image base is 0), then signed with the db key.
make_uki() {
  local kernel=$1 initrd=$2 osrel=$3 cmdline=$4 out=$5 keys=$6 tmp end vma args=()
  tmp=$(mktemp -d)
  printf '%s' "$cmdline" > "$tmp/cmdline"
  # the end of the stub's last section
  local idx size addr
  end=0
  while read -r idx _ size addr _; do
    [[ $idx =~ ^[0-9]+$ ]] || continue
    (( 0x$addr + 0x$size > end )) && end=$(( 0x$addr + 0x$size ))
  done < <(objdump -h "$stub")
  vma=$end
  local section file
  for section in osrel:"$osrel" cmdline:"$tmp/cmdline" linux:"$kernel" initrd:"$initrd"; do
    file=${section#*:}
    section=${section%%:*}
    vma=$(( (vma + 4095) / 4096 * 4096 ))
    args+=(--add-section ".$section=$file" --change-section-vma ".$section=$(printf '0x%x' "$vma")")
    vma=$(( vma + $(stat -c %s "$file") ))
  done
  objcopy "${args[@]}" "$stub" "$tmp/unsigned.efi"
  # both warn "data remaining[…]: gaps between PE/COFF sections?" for Debian's stub alone too
  sbsign --key "$keys/db.key" --cert "$keys/db.crt" --output "$out" "$tmp/unsigned.efi" > "$tmp/sbsign.txt" 2>&1 \
    || { cat "$tmp/sbsign.txt" >&2; die "sbsign failed"; }
  sbverify --cert "$keys/db.crt" "$out" > "$tmp/sbverify.txt" 2>&1 || { cat "$tmp/sbverify.txt" >&2; die "$out does not verify"; }
  rm -rf "$tmp"
}

make_disk() {
  local root="" kernel="" initrd="" keys="" data="" data_mib=256 osrel="" out="" ukis=()
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --root) root=$2; shift 2 ;;
      --kernel) kernel=$2; shift 2 ;;
      --initrd) initrd=$2; shift 2 ;;
      --keys) keys=$2; shift 2 ;;
      --uki) ukis+=("$2"); shift 2 ;;
      --data) data=$2; shift 2 ;;
      --data-mib) data_mib=$2; shift 2 ;;
      --os-release) osrel=$2; shift 2 ;;
      --out) out=$2; shift 2 ;;
      *) die "unknown option $1" ;;
    esac
  done
  [[ -n "$root" && -n "$kernel" && -n "$initrd" && -n "$keys" && -n "$out" && ${#ukis[@]} -gt 0 ]] \
    || die "disk needs --root, --kernel, --initrd, --keys, --uki NAME=CMDLINE and --out"
  [[ -f "$keys/db.auth" && -f "$keys/db.key" ]] || die "no Secure Boot keys in $keys (verified-boot.sh keys $keys)"
  # work: global, for the EXIT trap
  work=$(mktemp -d "$(cd "$(dirname "$out")" && pwd)/.verified-boot.XXXXXX")   # absolute: the ESP is filled from inside it
  trap 'rm -rf "$work"' EXIT

  # the root as ext4
  local root_img="$work/root.ext4"
  if [[ -d "$root" ]]; then
    local root_mb
    root_mb=$(( $(du -sm --exclude=proc --exclude=sys "$root" | cut -f1) * 115 / 100 + 64 ))
    # 4 KiB blocks always: dm-verity's device has 4 KiB sectors, and ext4 refuses to mount a file
    # system of smaller blocks on it ("bad block size 1024": mkfs picks 1 KiB for a small root)
    mkfs.ext4 -q -F -b 4096 -L KIOSKROOT -d "$root" "$root_img" "${root_mb}M" >&2   # stdout: the root hash alone
    [[ -n "$osrel" ]] || osrel="$root/usr/lib/os-release"
    [[ -f "$osrel" ]] || osrel="$root/etc/os-release"
  else
    cp --sparse=always "$root" "$root_img"
    local block_size
    block_size=$(dumpe2fs -h "$root_img" 2>/dev/null | awk -F: '/^Block size/ { gsub(/ /, "", $2); print $2 }')
    [[ "$block_size" == 4096 ]] || die "$root: ext4 with ${block_size:-unknown}-byte blocks; dm-verity needs 4096 (mkfs.ext4 -b 4096)"
  fi
  [[ -n "$osrel" && -f "$osrel" ]] || osrel=/usr/lib/os-release

  # the hash tree and the root hash; the partitions' UUIDs come from the hash
  local roothash root_uuid verity_uuid
  veritysetup format "$root_img" "$work/root.verity" > "$work/verity.txt" 2>&1
  roothash=$(awk '/^Root hash:/ { print $3 }' "$work/verity.txt")
  [[ ${#roothash} -eq 64 ]] || { cat "$work/verity.txt" >&2; die "no root hash from veritysetup format"; }
  guid() { echo "$1" | sed -E 's/^(.{8})(.{4})(.{4})(.{4})(.{12})$/\1-\2-\3-\4-\5/'; }
  root_uuid=$(guid "${roothash:0:32}")
  verity_uuid=$(guid "${roothash:32:32}")

  # the UKIs and the ESP
  mkdir -p "$work/esp/EFI/BOOT" "$work/esp/EFI/Linux" "$work/esp/loader/keys/auto"
  sbsign --key "$keys/db.key" --cert "$keys/db.crt" --output "$work/esp/EFI/BOOT/BOOTX64.EFI" "$bootloader" > "$work/sbsign.txt" 2>&1 \
    || { cat "$work/sbsign.txt" >&2; die "sbsign failed on $bootloader"; }
  local uki name first=""
  for uki in "${ukis[@]}"; do
    name=${uki%%=*}
    [[ -n "$name" && "$name" != "$uki" ]] || die "--uki wants NAME=CMDLINE: $uki"
    [[ -n "$first" ]] || first=$name
    make_uki "$kernel" "$initrd" "$osrel" "root=/dev/mapper/root ro kiosk.roothash=$roothash ${uki#*=}" \
      "$work/esp/EFI/Linux/$name.efi" "$keys"
  done
  cp "$keys/PK.auth" "$keys/KEK.auth" "$keys/db.auth" "$work/esp/loader/keys/auto/"
  # no menu, no editor; in setup mode (a new machine, a fresh OVMF_VARS) systemd-boot enrolls the
  # keys of loader/keys/auto and restarts with Secure Boot on
  printf 'default %s.efi\ntimeout 0\neditor no\nsecure-boot-enroll force\n' "$first" > "$work/esp/loader/loader.conf"
  local esp_mib
  esp_mib=$(( $(du -sm "$work/esp" | cut -f1) * 12 / 10 + 8 ))
  (( esp_mib >= 64 )) || esp_mib=64
  mkfs.vfat -F 32 -n ESP -C "$work/esp.vfat" $(( esp_mib * 1024 )) >/dev/null
  (cd "$work/esp" && mcopy -s -i "$work/esp.vfat" EFI loader ::/)

  # the data partition
  local data_img="$work/data.ext4"
  if [[ -n "$data" ]]; then
    cp --sparse=always "$data" "$data_img"
  else
    mkfs.ext4 -q -F -L KIOSKDATA "$data_img" "${data_mib}M" >&2
  fi

  # GPT: sizes in MiB, each partition starting on a MiB
  mib() { echo $(( ($(stat -c %s "$1") + 1048575) / 1048576 )); }
  local esp_p root_p verity_p data_p
  esp_p=$(mib "$work/esp.vfat"); root_p=$(mib "$root_img"); verity_p=$(mib "$work/root.verity"); data_p=$(mib "$data_img")
  rm -f "$out"
  truncate -s $(( (1 + esp_p + root_p + verity_p + data_p + 1) * 1048576 )) "$out"
  # types: EFI System; Linux root (x86-64) and root verity (x86-64) of the Discoverable Partitions
  # Specification; Linux filesystem data
  sfdisk -q "$out" <<PARTS
label: gpt
start=1MiB, size=${esp_p}MiB, type=C12A7328-F81F-11D2-BA4B-00A0C93EC93B, name=esp
size=${root_p}MiB, type=4F68BCE3-E8CD-4DB1-96E7-FBCAF984B709, uuid=$root_uuid, name=kiosk-root
size=${verity_p}MiB, type=2C7357ED-EBD2-46D9-AEC1-23D437EC2BF5, uuid=$verity_uuid, name=kiosk-root-verity
size=${data_p}MiB, type=0FC63DAF-8483-4772-8E79-3D69D8477DE4, name=kiosk-data
PARTS
  local at=1
  for part in "$work/esp.vfat" "$root_img" "$work/root.verity" "$data_img"; do
    dd if="$part" of="$out" bs=1M seek=$at conv=notrunc,sparse status=none
    at=$(( at + $(mib "$part") ))
  done
  echo "$roothash" > "$out.roothash"
  echo "  $out: ESP ${esp_p} MiB (${ukis[*]%%=*}), root ${root_p} MiB, verity ${verity_p} MiB, data ${data_p} MiB; root hash $roothash" >&2
  echo "$roothash"
}

# partition_start DISK NAME: the first sector of the GPT partition of that name
partition_start() {
  sfdisk -d "$1" | awk -F'[=,]' -v name="name=\"$2\"" 'index($0, name) { gsub(/ /, "", $2); print $2 }'
}

# tamper_root DISK COPY: COPY is DISK with one bit flipped in the root partition's ext4 superblock
# (its volume name, at 1024 + 0x78), the first block anything reads from /dev/mapper/root
tamper_root() {
  local disk=$1 copy=$2 start offset byte
  start=$(partition_start "$disk" kiosk-root)
  [[ -n "$start" ]] || die "$disk has no partition kiosk-root"
  cp --sparse=always "$disk" "$copy"
  offset=$(( start * 512 + 1024 + 0x78 ))
  byte=$(od -An -tu1 -j "$offset" -N 1 "$copy" | tr -d ' ')
  printf "$(printf '\\%03o' $(( byte ^ 0x01 )))" | dd of="$copy" bs=1 seek="$offset" conv=notrunc status=none
  echo "flipped the byte at $offset (partition kiosk-root + 0x478, the ext4 superblock's volume name) from $byte to $(( byte ^ 0x01 ))" >&2
}

# set_default DISK ENTRY: systemd-boot starts EFI/Linux/ENTRY from now on (loader.conf is not
# signed: it chooses among the signed UKIs, as anyone with the disk could)
set_default() {
  local disk=$1 entry=$2 start esp tmp
  start=$(partition_start "$disk" esp)
  [[ -n "$start" ]] || die "$disk has no partition esp"
  esp="$disk@@$(( start * 512 ))"
  mdir -b -i "$esp" "::/EFI/Linux/$entry" >/dev/null 2>&1 || die "$disk has no EFI/Linux/$entry"
  tmp=$(mktemp)
  mtype -i "$esp" ::/loader/loader.conf | sed "s/^default .*/default $entry/" > "$tmp"
  mcopy -o -i "$esp" "$tmp" ::/loader/loader.conf
  rm -f "$tmp"
}

case "${1:-}" in
  keys) [[ $# -eq 2 ]] || die "usage: verified-boot.sh keys DIR"; make_keys "$2" ;;
  disk) shift; make_disk "$@" ;;
  tamper-root) [[ $# -eq 3 ]] || die "usage: verified-boot.sh tamper-root DISK COPY"; tamper_root "$2" "$3" ;;
  default) [[ $# -eq 3 ]] || die "usage: verified-boot.sh default DISK ENTRY.efi"; set_default "$2" "$3" ;;
  *) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2 ;;
esac
