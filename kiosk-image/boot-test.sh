#!/usr/bin/env bash
# Boots the test image of build-os-image.sh (disk-test.raw: the production root plus the test
# overlay, provisioned for the test simulator) under qemu (KVM when /dev/kvm works, else software
# emulation) on UEFI firmware (OVMF) with Secure Boot: a first short boot in setup mode, where
# systemd-boot enrolls the image's keys; then systemd-boot starts the signed UKI whose command line
# names the boot test's target (systemd.unit=kiosk-test.target: the headless kiosk, a root shell on
# ttyS0) and the root hash; the initramfs opens the root through dm-verity. Then over that shell:
#   1. waits until kiosk-headless.service is active: READY=1 only after the provisioned kiosk
#      (/var/lib/kiosk/config/kiosk.properties, the composition root of run --config) issued a
#      document with a virtual card placed on the vpcd reader through pcscd, printed on the IPP
#      test printer; the journal shows the reader, the outcome and the printer's completed job
#   2. checks nothing under the CUPS spool, the data partition, /tmp or /var/tmp holds a PDF or the
#      resident's name after the issuance
#   3. checks the lockdown: root mounted read-only from /dev/mapper/root with dm-verity's status
#      "verified", Secure Boot enforced, /var/lib/kiosk on the data partition, no getty
#   4. kills the kiosk's JVM (SIGKILL) and waits for systemd to start it again and for it to be
#      ready again
#   5. freezes the JVM (SIGSTOP): its heartbeat stops, the watchdog kills it, and it comes back
#   6. fails when the kiosk was restarted more often than the test caused (a crash of its own)
# The whole console goes to kiosk-image/target/boot-test/console.log (console-screen.log with
# --screen, console-tampered.log with --tampered); each mode replaces only its own files there, so
# the screenshot and each mode's console stay beside the others.
#
# With --screen it boots the screen's UKI (kiosk-test-screen.target, made systemd-boot's default on
# a copy of the disk) on a virtual display (virtio-vga) instead:
#   1. kiosk.service (cage with its seat from seatd, Xwayland, the JavaFX kiosk) becomes active:
#      READY=1 after the first beat of the JavaFX thread with the kiosk's window showing
#   2. cage, Xwayland and the JVM run in kiosk.service's control group, cage's seat is seatd's
#   3. systemd's watchdog receives the beats (its timestamp moves on)
#   4. a screenshot from inside the guest: xwd reads the kiosk's window from Xwayland, as the
#      kiosk user; it crosses the serial console (gzip, base64, checked with md5sum) and becomes
#      target/boot-test/screen.png, which must hold a picture (many colours, not one blank field);
#      qemu's own picture of the display goes beside it (screen-qemu.png)
#   5. freezes the JVM (SIGSTOP): its beats stop, the watchdog kills cage, Xwayland and the JVM,
#      and systemd starts them again, ready again; the kiosk restarted only that once
#
# With --tampered it boots a copy of the disk with one bit of the root partition flipped and passes
# only when dm-verity stops the boot (kernel panic "dm-verity device corrupted") before anything
# of the root ran.
# Usage: kiosk-image/boot-test.sh [--screen | --tampered]
set -euo pipefail
mode=headless
[[ "${1:-}" == "--screen" ]] && mode=screen
[[ "${1:-}" == "--tampered" ]] && mode=tampered
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
image="$here/target/image"
work="$here/target/boot-test"
log="$work/console.log"
[[ $mode == screen ]] && log="$work/console-screen.log"
[[ $mode == tampered ]] && log="$work/console-tampered.log"
disk="$image/disk-test.raw"
[[ -f "$disk" ]] || { echo "no test image: run kiosk-image/build-os-image.sh first" >&2; exit 1; }
mkdir -p "$work"
if [[ $mode == screen ]]; then
  rm -f "$work"/screen.png "$work"/screen-qemu.png "$work"/monitor.* "$work"/screen.xwd*
elif [[ $mode == headless ]]; then
  rm -f "$work"/hs_err.txt
fi
rm -f "$work/kvm-probe.log"
: > "$log"

# KVM where it really runs a kernel (on some hosts /dev/kvm exists but hangs); else software
# emulation, with longer limits, on a concrete CPU model without AVX: -cpu max offers everything
# TCG emulates, and QEMU 7.2 (Debian 12) emulates AVX/AVX2 for the first time; the JVM's JIT
# picks its instructions from what the CPU reports, so the first start once died of a SIGSEGV
# there. Nehalem (SSE4.2, POPCNT) keeps the JIT on long-proven emulation; KIOSK_QEMU_CPU overrides.
# thread=single: with one host thread per vCPU (QEMU's default for an x86 guest on an x86 host) a
# vCPU decodes guest code byte by byte while another vCPU rewrites it, and the JVM rewrites its
# compiled code while other threads run it (a method made not entrant gets a jmp over its entry,
# written 4 bytes at once: atomic for a real CPU's instruction fetch, not for TCG's decoder). The
# kiosk JVM once died executing such a mix, half the old entry, half the new jump (see README).
# One host thread for both vCPUs never decodes during another vCPU's store.
accel=(-accel tcg,thread=single -cpu "${KIOSK_QEMU_CPU:-Nehalem}")
speed=3   # waiting limits multiply by this under software emulation
if [[ -r /dev/kvm && -w /dev/kvm ]]; then
  timeout 10 qemu-system-x86_64 -accel kvm -machine q35 -m 256 -nodefaults -display none -no-reboot \
    -kernel "$image/vmlinuz" -append "console=ttyS0 panic=-1" -serial stdio </dev/null >"$work/kvm-probe.log" 2>&1 || true
fi
if grep -a -q 'Linux version' "$work/kvm-probe.log" 2>/dev/null; then
  accel=(-accel kvm)
  speed=1
fi
echo "Booting the kiosk test image under qemu (${accel[*]}, OVMF with Secure Boot)…"

# UEFI with Secure Boot (OVMF, q35 with SMM); a fresh variable store is in setup mode: systemd-boot
# enrolls the build's keys from the ESP and resets (qemu ends: -no-reboot); the boot below then
# runs with Secure Boot enforced
cp /usr/share/OVMF/OVMF_VARS_4M.fd "$work/vars.fd"
firmware=(-machine q35,smm=on -global driver=cfi.pflash01,property=secure,value=on
  -drive if=pflash,format=raw,unit=0,readonly=on,file=/usr/share/OVMF/OVMF_CODE_4M.secboot.fd
  -drive "if=pflash,format=raw,unit=1,file=$work/vars.fd")
timeout $(( 120 * speed )) nice -n 10 qemu-system-x86_64 "${accel[@]}" "${firmware[@]}" -m 512 -nodefaults -display none \
  -no-reboot -serial stdio -drive "file=$disk,format=raw,if=virtio,snapshot=on" </dev/null >"$work/enroll.log" 2>&1 || true
grep -a -q 'Enrolling secure boot keys' "$work/enroll.log" || { tail -n 20 "$work/enroll.log" >&2; echo "BOOT TEST FAILED: systemd-boot enrolled no Secure Boot keys" >&2; exit 1; }
echo "  setup mode: systemd-boot enrolled the image's Secure Boot keys"

if [[ $mode == tampered ]]; then
  # one bit of the root flipped: dm-verity must stop the boot before anything of the root runs
  "$here/verified-boot.sh" tamper-root "$disk" "$work/disk-tampered.raw"
  timeout $(( 300 * speed )) nice -n 10 qemu-system-x86_64 "${accel[@]}" "${firmware[@]}" -m 1536 -nodefaults -display none \
    -no-reboot -serial stdio -drive "file=$work/disk-tampered.raw,format=raw,if=virtio" </dev/null >"$log" 2>&1 || true
  rm -f "$work/disk-tampered.raw"
  tr -d '\r' < "$log" > "$work/console-tampered.txt"
  grep -a -E 'data block [0-9]+ is corrupted|Kernel panic - not syncing: dm-verity' "$work/console-tampered.txt" | sed 's/^/  /'
  if grep -a -q 'Kernel panic - not syncing: dm-verity device corrupted' "$work/console-tampered.txt" \
     && ! grep -a -q -e 'kiosk-test# ' -e 'systemd\[1\]' "$work/console-tampered.txt"; then
    echo "TAMPERED ROOT REFUSED: dm-verity stopped the boot, nothing of the root ran (console: $log)"
    exit 0
  fi
  tail -n 30 "$work/console-tampered.txt" >&2
  echo "BOOT TEST FAILED: the image with a flipped root byte was not refused" >&2
  exit 1
fi

target=kiosk-test.target
display=()
if [[ $mode == screen ]]; then
  target=kiosk-test-screen.target
  mkfifo "$work/monitor.in" "$work/monitor.out"
  display=(-device virtio-vga -chardev "pipe,id=mon,path=$work/monitor" -mon chardev=mon,mode=readline)
fi

if [[ $mode == screen ]]; then
  # the screen's own signed UKI (its command line names kiosk-test-screen.target)
  cp --sparse=always "$disk" "$work/disk-screen.raw"
  "$here/verified-boot.sh" default "$work/disk-screen.raw" kiosk-test-screen.efi
  disk="$work/disk-screen.raw"
fi
started=$(date +%s)
coproc QEMU { exec nice -n 10 qemu-system-x86_64 "${accel[@]}" "${firmware[@]}" -m 1536 -smp 2 \
  -nodefaults -display none -no-reboot "${display[@]}" \
  -drive "file=$disk,format=raw,if=virtio,snapshot=on" \
  -device virtio-rng-pci -serial stdio 2>&1; }
qemu_pid=$QEMU_PID
exec 3>&"${QEMU[1]}" 4<&"${QEMU[0]}"   # coproc descriptors do not reach subshells; copies do
cat <&4 >> "$log" &
reader=$!
trap 'kill "$qemu_pid" 2>/dev/null || true; wait "$reader" 2>/dev/null || true; rm -f "$work/disk-screen.raw"' EXIT
if [[ $mode == screen ]]; then
  cat "$work/monitor.out" > "$work/monitor.log" &
fi

elapsed() { echo $(( $(date +%s) - started )); }
shell_up=no
unit=kiosk-headless.service
[[ $mode == screen ]] && unit=kiosk.service
fail() {
  echo "BOOT TEST FAILED: $*" >&2
  if [[ $shell_up == yes ]] && kill -0 "$qemu_pid" 2>/dev/null; then
    # what the kiosk's units said, for the diagnosis (kept in the console log)
    printf '%s\n' "journalctl -b --no-pager -o short-monotonic -u 'kiosk*' -u pcscd.service -u seatd.service | tail -n 120 | sed 's/^/@@DIAG /'; echo @@DIAG-END" >&3
    for _ in $(seq 1 $(( 30 * speed ))); do tr -d '\r' < "$log" | grep -a -q '@@DIAG-END' && break; sleep 1; done
    echo "--- the kiosk units' journal ---" >&2
    tr -d '\r' < "$log" | grep -a '^@@DIAG ' | cut -c8- >&2 || true
    # a JVM crash: its summary in the journal and the head of each fatal error log (the thread,
    # the signal, the registers' instructions, the native and Java stacks), the CPU the JVM saw,
    # whether the CDS archive mapped, the last compilations; into target/boot-test/hs_err.txt
    printf '%s\n' "{ journalctl -b --no-pager -o cat -u $unit | grep -a -A12 'A fatal error has been detected'; for f in /var/lib/kiosk/crash/hs_err_*.log /var/lib/kiosk/hs_err_*.log; do [ -f \"\$f\" ] || continue; echo \"==== \$f\"; sed -n '1,/^---------------  P R O C E S S/p' \"\$f\" | head -n 160; grep -a -E '^(CPU:|Host:|OS:|Command Line:|jvm_args:|java_command:|Heap address:|CDS archive|CDS is |UseSharedSpaces|#)' \"\$f\" | head -n 30; sed -n '/^Compilation events/,/^$/p' \"\$f\" | tail -n 12; done; } | sed 's/^/@@HS /'; echo @@HS-END" >&3
    for _ in $(seq 1 $(( 30 * speed ))); do tr -d '\r' < "$log" | grep -a -q '@@HS-END' && break; sleep 1; done
    tr -d '\r' < "$log" | grep -a '^@@HS ' | cut -c6- > "$work/hs_err.txt" || true
    if [[ -s "$work/hs_err.txt" ]]; then
      echo "--- JVM crash ($work/hs_err.txt) ---" >&2
      grep -a -A2 -e '^# Problematic frame' -e '^siginfo' "$work/hs_err.txt" | head -n 20 >&2 || true
      sed -n '/^Native frames/,/^$/p' "$work/hs_err.txt" | head -n 14 >&2 || true
    fi
  fi
  echo "--- last console lines ($log) ---" >&2
  tail -n 40 "$log" | tr -d '\r' >&2
  exit 1
}
# wait_for REGEX SECONDS: until the console shows REGEX. The test shell echoes nothing after the
# first command (stty -echo) and has no prompt, so "@@NAME value" lines are its answers.
wait_for() {
  local regex=$1 limit=$(( $2 * speed )) t=0
  while ! tr -d '\r' < "$log" | grep -a -q -E "$regex"; do
    kill -0 "$qemu_pid" 2>/dev/null || fail "qemu exited while waiting for /$regex/"
    (( t++ < limit )) || fail "no /$regex/ on the console within ${limit}s"
    sleep 1
  done
}
value_of() {  # the value of the last "@@NAME value" answer
  tr -d '\r' < "$log" | grep -a -o -E "@@$1 .*\$" | tail -n 1 | cut -d' ' -f2-
}
send() { printf '%s\n' "$*" >&3; }

wait_for '^kiosk-test# ' 600
echo "  serial console shell after $(elapsed) s"
shell_up=yes
send 'stty -echo; PS1=; export SYSTEMD_PAGER= SYSTEMD_COLORS=0'
sleep 2

if [[ $mode == screen ]]; then
  unit=kiosk.service
  # 1. ready: READY=1 comes from the first beat of the JavaFX thread with the kiosk's window showing
  send "until systemctl is-active -q $unit || [ \"\$(systemctl show -p NRestarts --value $unit)\" != 0 ]; do sleep 2; done; echo @@SCREEN \$(systemctl show -p MainPID --value $unit) \$(systemctl show -p NRestarts --value $unit) \$(systemctl is-active $unit)"
  wait_for '@@SCREEN [0-9]+ [0-9]+' 600
  read -r cage_pid early_restarts _ <<<"$(value_of SCREEN)"
  [[ "$early_restarts" == 0 ]] || fail "$unit restarted $early_restarts time(s) before it was ready"
  echo "  $unit active (cage PID $cage_pid) after $(elapsed) s"
  send "journalctl -b -u $unit -o cat --no-pager | sed 's/^/@@J /'; echo @@UI-READY \$(journalctl -b -u $unit -o cat --no-pager | grep -c 'kiosk is ready (ui')"
  wait_for '@@UI-READY [0-9]+' 60
  [[ "$(value_of UI-READY)" -ge 1 ]] || fail "the journal does not show the screen ready"
  echo "  journal: $(tr -d '\r' < "$log" | grep -a -o -E '@@J kiosk-session: kiosk is ready \(ui.*' | head -n 1 | cut -c5-)"
  # 2. what runs: cage, Xwayland and the JVM in the unit's control group; the seat from seatd
  send "echo @@PROCS \$(for c in cage Xwayland java; do pgrep -c -x \$c | tr '\n' ' '; grep -l -x -F 0::/system.slice/$unit \$(pgrep -x \$c | sed 's|.*|/proc/&/cgroup|') </dev/null 2>/dev/null | wc -l | tr '\n' ' '; done) \$(systemctl is-active seatd.service) \$(journalctl -b -u seatd.service -o cat --no-pager | grep -c 'Opened client')"
  wait_for '@@PROCS [0-9]+' 60
  read -r n_cage g_cage n_xwayland g_xwayland n_java g_java seatd seat_clients <<<"$(value_of PROCS)"
  [[ "$n_cage $n_xwayland $n_java" == "1 1 1" ]] || fail "expected one cage, one Xwayland, one JVM: $n_cage, $n_xwayland, $n_java"
  [[ "$g_cage $g_xwayland $g_java" == "1 1 1" ]] || fail "cage, Xwayland and the JVM are not all in $unit's control group: $g_cage $g_xwayland $g_java"
  [[ "$seatd" == active && "$seat_clients" -ge 1 ]] || fail "cage did not get its seat from seatd (seatd.service $seatd, clients opened: $seat_clients)"
  echo "  cage, Xwayland and the kiosk JVM run in $unit; seatd.service $seatd opened the seat for cage"
  # seatd as the guest's systemd runs it: the drop-in's sandbox, not Debian's bare unit
  send "echo @@SEATD \$(systemctl show -p NoNewPrivileges --value seatd.service) \$(systemctl show -p CapabilityBoundingSet --value seatd.service)"
  wait_for '@@SEATD [a-z]+' 60
  read -r seatd_nnp seatd_caps <<<"$(value_of SEATD)"
  [[ "$seatd_nnp" == yes && $(wc -w <<<"$seatd_caps") == 4 ]] \
    || fail "seatd.service runs without its sandbox (NoNewPrivileges=$seatd_nnp, capabilities: $seatd_caps)"
  echo "  seatd sandboxed: NoNewPrivileges=yes, capabilities $seatd_caps"
  # 3. the watchdog receives the beats: systemd's timestamp of the last WATCHDOG=1 moves on
  send "w1=\$(systemctl show -p WatchdogTimestampMonotonic --value $unit); sleep 65; w2=\$(systemctl show -p WatchdogTimestampMonotonic --value $unit); beat=\$(stat -c %Y /run/kiosk/heartbeat); echo @@WATCHDOG-SEEN \$w1 \$w2 \$(( \$(date +%s) - beat ))"
  # (the file's time is read before the clock: a beat between the two once made the age -1)
  wait_for '@@WATCHDOG-SEEN [0-9]+ [0-9]+ -?[0-9]+' 120
  read -r w1 w2 beat_age <<<"$(value_of WATCHDOG-SEEN)"
  (( w1 > 0 && w2 > w1 )) || fail "systemd's watchdog got no new beat in 65 s (WatchdogTimestampMonotonic $w1, then $w2)"
  echo "  the watchdog receives the beats: last WATCHDOG=1 moved on by $(( (w2 - w1) / 1000000 )) s in 65 s; the heartbeat file is ${beat_age} s old"
  # 4. the screenshot, from inside the guest: the kiosk's window read from Xwayland by its own user
  printf 'screendump %s -f png\n' "$work/screen-qemu.png" > "$work/monitor.in"
  shot() {
    send "cd /tmp && setpriv --reuid=kiosk --regid=kiosk --clear-groups env DISPLAY=:0 /opt/kiosk-test/bin/xwd -silent -name Kiosk > /tmp/screen.xwd; echo @@SHOT-XWD \$? \$(stat -c %s /tmp/screen.xwd); gzip -1 < /tmp/screen.xwd | base64 -w 76 | sed 's/^/@@IMG$1 /'; echo @@SHOT-MD5$1 \$(gzip -1 < /tmp/screen.xwd | md5sum | cut -d' ' -f1)"
    wait_for "@@SHOT-MD5$1 [0-9a-f]+" 300
    tr -d '\r' < "$log" | grep -a -o -E "@@IMG$1 [A-Za-z0-9+/=]+\$" | cut -d' ' -f2 | base64 -d > "$work/screen.xwd.gz" 2>/dev/null || true
    [[ "$(md5sum < "$work/screen.xwd.gz" | cut -d' ' -f1)" == "$(value_of "SHOT-MD5$1")" ]]
  }
  shot 1 || shot 2 || fail "the screenshot did not cross the serial console intact (xwd: $(value_of SHOT-XWD))"
  gunzip -c "$work/screen.xwd.gz" > "$work/screen.xwd"
  convert "xwd:$work/screen.xwd" "png:$work/screen.png" || fail "the screenshot is no XWD picture"
  rm -f "$work/screen.xwd" "$work/screen.xwd.gz"
  colours=$(convert "$work/screen.png" -format '%k' info:)
  size=$(identify -format '%wx%h' "$work/screen.png")
  (( colours >= 16 )) || fail "the screenshot is blank ($colours colour(s), $size): $work/screen.png"
  echo "  screenshot from inside the guest: $work/screen.png ($size, $colours colours; qemu's: $work/screen-qemu.png)"
  # 5. a frozen screen: the beats stop, the watchdog kills the kiosk, systemd starts it again
  send "pid=\$(pgrep -u kiosk -x java); kill -STOP \$pid; t0=\$(date +%s); until n=\$(systemctl show -p MainPID --value $unit); [ \"\$n\" != 0 ] && [ \"\$n\" != \"$cage_pid\" ]; do sleep 1; done; echo @@SCREEN-RESTARTED \$n \$(( \$(date +%s) - t0 )) \$(journalctl -b -u $unit -o cat --no-pager | grep -c 'Watchdog timeout'); until systemctl is-active -q $unit; do sleep 2; done; echo @@SCREEN-AGAIN \$(systemctl show -p MainPID --value $unit) \$(( \$(date +%s) - t0 )) \$(systemctl show -p NRestarts --value $unit)"
  wait_for '@@SCREEN-RESTARTED [0-9]+ [0-9]+ [0-9]+' 200
  read -r new_cage wd_s wd_count <<<"$(value_of SCREEN-RESTARTED)"
  [[ "$wd_count" -ge 1 ]] || fail "the kiosk was restarted, but the journal shows no watchdog timeout"
  echo "  froze the kiosk JVM: the watchdog killed cage (PID $cage_pid), systemd started PID $new_cage after ${wd_s} s"
  wait_for '@@SCREEN-AGAIN [0-9]+ [0-9]+ [0-9]+' 600
  read -r again_pid again_s restarts <<<"$(value_of SCREEN-AGAIN)"
  [[ "$restarts" == 1 ]] || fail "the kiosk restarted $restarts time(s) (the test caused 1)"
  echo "  ... the screen ready again ${again_s} s after the freeze; NRestarts=$restarts"
  send 'systemctl poweroff'
  sleep 2
  echo "SCREEN BOOT TEST PASSED in $(elapsed) s: kiosk.service on the virtual display, screenshot $work/screen.png (console: $log)"
  exit 0
fi

unit=kiosk-headless.service

# 1. ready, and the journal says so
send "until systemctl is-active -q $unit || [ \"\$(systemctl show -p NRestarts --value $unit)\" != 0 ]; do sleep 1; done; echo @@ACTIVE \$(systemctl show -p MainPID --value $unit) \$(systemctl show -p NRestarts --value $unit) \$(systemctl is-active $unit)"
wait_for '@@ACTIVE [0-9]+ [0-9]+' 600
read -r first_pid early_restarts _ <<<"$(value_of ACTIVE)"
[[ "$early_restarts" == 0 ]] || fail "$unit restarted $early_restarts time(s) before it was ready (a crash or a failed self-test)"
echo "  $unit active (main PID $first_pid) after $(elapsed) s"
send "journalctl -b -u $unit -o cat --no-pager | sed 's/^/@@J /'; echo @@JOURNAL-READY \$(journalctl -b -u $unit -o cat --no-pager | grep -c -e 'Kiosk ready' -e 'kiosk is ready')"
wait_for '@@JOURNAL-READY [0-9]+' 60
[[ "$(value_of JOURNAL-READY)" -ge 2 ]] || fail "the journal does not show the kiosk ready"
echo "  journal: $(tr -d '\r' < "$log" | grep -a -o -E '@@J .*(Kiosk ready|kiosk is ready).*' | head -n 1 | cut -c5-)"
# the issuance: the provisioned configuration, the vpcd reader through pcscd, the IPP printer
send "echo @@SELFTEST \$(journalctl -b -u $unit -o cat --no-pager | grep -a -m1 'self-test on reader'); echo @@PRINTED \$(journalctl -b -u kiosk-test-printer.service -o cat --no-pager | grep -a -c 'Print-Job successful-ok')"
wait_for '@@PRINTED [0-9]+' 60
selftest="$(value_of SELFTEST)"
[[ "$selftest" == *"'Virtual PCD 00 00'"*ISSUED* ]] || fail "no issuance on the PC/SC reader 'Virtual PCD 00 00': $selftest"
[[ "$(value_of PRINTED)" -ge 1 ]] || fail "the IPP test printer accepted no job"
echo "  issuance: $selftest; IPP test printer: $(value_of PRINTED) job(s) accepted (Print-Job successful-ok)"

# 2. no record outlives its print: no PDF, no resident's name in the spool, the data, /tmp
send "echo @@LEFT \$(grep -r -l -a -e '%PDF-' -e '山田' -e 'やまだ' /var/spool/cups /var/lib/kiosk /tmp /var/tmp 2>/dev/null | wc -l) \$(grep -r -l -a -e '%PDF-' -e '山田' -e 'やまだ' /var/spool/cups /var/lib/kiosk /tmp /var/tmp 2>/dev/null | head -n 5 | tr '\n' ' ')"
wait_for '@@LEFT [0-9]+' 120
read -r left_count left_files <<<"$(value_of LEFT)"
[[ "$left_count" == 0 ]] || fail "after the issuance $left_count file(s) hold a document or the resident's name: $left_files"
echo "  after the issuance: no PDF and no resident's name under /var/spool/cups, /var/lib/kiosk, /tmp, /var/tmp"

# 3. lockdown
send 'echo @@ROOT $(findmnt -no OPTIONS /); echo @@DATA $(findmnt -no SOURCE,OPTIONS /var/lib/kiosk); echo @@VERITY $(findmnt -no SOURCE /) $(veritysetup status root | sed -n "s/^ *status: *//p") $(od -An -tu1 -j4 -N1 /sys/firmware/efi/efivars/SecureBoot-8be4df61-93ca-11d2-aa0d-00e098032b8c | tr -d " "); echo @@GETTY $(pgrep -c -x agetty)'
wait_for '@@GETTY [0-9]+' 60
[[ ",$(value_of ROOT)," == *,ro,* ]] || fail "root is not read-only: $(value_of ROOT)"
read -r verity_source verity_status secure_boot <<<"$(value_of VERITY)"
[[ "$verity_source" == /dev/mapper/root && "$verity_status" == verified* ]] \
  || fail "the root is not the verified dm-verity device: $(value_of VERITY)"
[[ "$secure_boot" == 1 ]] || fail "the firmware does not enforce Secure Boot: $(value_of VERITY)"
echo "  verified boot: Secure Boot on; / is $verity_source, dm-verity status $verity_status"
[[ "$(value_of DATA)" == *rw* ]] || fail "/var/lib/kiosk is not the writable data partition: $(value_of DATA)"
[[ "$(value_of GETTY)" == 0 ]] || fail "a getty runs: $(value_of GETTY)"
echo "  root $(value_of ROOT | cut -d, -f1); /var/lib/kiosk on $(value_of DATA | cut -d' ' -f1); no getty"

# 4. kill the kiosk: systemd starts it again
send "pid=\$(systemctl show -p MainPID --value $unit); kill -KILL \$pid; t0=\$(date +%s); until n=\$(systemctl show -p MainPID --value $unit); [ \"\$n\" != 0 ] && [ \"\$n\" != \"\$pid\" ]; do sleep 0.2; done; echo @@RESTARTED \$n \$(( \$(date +%s) - t0 )); until systemctl is-active -q $unit; do sleep 0.5; done; echo @@READY-AGAIN \$(systemctl show -p MainPID --value $unit) \$(( \$(date +%s) - t0 )) \$(systemctl show -p NRestarts --value $unit)"
wait_for '@@RESTARTED [0-9]+ [0-9]+' 60
read -r new_pid restart_s <<<"$(value_of RESTARTED)"
[[ "$new_pid" != "$first_pid" ]] || fail "the kiosk was not started again"
echo "  killed PID $first_pid: systemd started PID $new_pid after ${restart_s} s"
wait_for '@@READY-AGAIN [0-9]+ [0-9]+ [0-9]+' 600
read -r ready_pid ready_s restarts <<<"$(value_of READY-AGAIN)"
echo "  ... ready again (self-test issued) ${ready_s} s after the kill; NRestarts=$restarts"

# 5. a frozen kiosk: the heartbeat stops, the watchdog restarts it
send "pid=\$(systemctl show -p MainPID --value $unit); kill -STOP \$pid; t0=\$(date +%s); until n=\$(systemctl show -p MainPID --value $unit); [ \"\$n\" != 0 ] && [ \"\$n\" != \"\$pid\" ]; do sleep 0.5; done; echo @@WATCHDOG \$n \$(( \$(date +%s) - t0 )) \$(journalctl -b -u $unit -o cat --no-pager | grep -c 'Watchdog timeout')"
wait_for '@@WATCHDOG [0-9]+ [0-9]+ [0-9]+' 300
read -r wd_pid wd_s wd_count <<<"$(value_of WATCHDOG)"
[[ "$wd_count" -ge 1 ]] || fail "the journal shows no watchdog timeout"
echo "  froze PID $ready_pid: the watchdog killed it, PID $wd_pid started after ${wd_s} s"
send "until systemctl is-active -q $unit; do sleep 1; done; echo @@FINAL \$(systemctl is-active $unit) \$(systemctl is-active pcscd.socket) \$(systemctl is-active cups.service); systemctl --failed --no-legend | sed 's/^/@@FAILED /'"
wait_for '@@FINAL [a-z]+' 600
echo "  finally: $unit $(value_of FINAL | cut -d' ' -f1) (pcscd.socket $(value_of FINAL | cut -d' ' -f2), cups $(value_of FINAL | cut -d' ' -f3)) after $(elapsed) s"
failed="$(tr -d '\r' < "$log" | grep -a -o -E '@@FAILED .*' | cut -c10- || true)"
[[ -z "$failed" ]] || echo "  failed units in the image: $failed"
[[ "$(value_of FINAL | cut -d' ' -f1)" == active ]] || fail "$unit is not active at the end"
# 6. the kiosk restarted exactly as often as the test made it (the kill and the watchdog)
send "echo @@RESTARTS \$(systemctl show -p NRestarts --value $unit) \$(journalctl -b -u $unit -o cat --no-pager | grep -a -c 'A fatal error has been detected')"
wait_for '@@RESTARTS [0-9]+ [0-9]+' 60
read -r restarts_total crashes <<<"$(value_of RESTARTS)"
[[ "$restarts_total" == 2 && "$crashes" == 0 ]] || fail "the kiosk restarted $restarts_total time(s) (the test caused 2), JVM crash reports: $crashes"
echo "  restarts: $restarts_total (the kill and the watchdog), no JVM crash"
# the AppCDS archive trained at build time maps in the booted image (-Xshare:on refuses to start
# otherwise), on the class path the kiosk runs with
send "echo @@CDS \$(runuser -u kiosk -- env KIOSK_STATE=/tmp KIOSK_JAVA_OPTIONS='-Xshare:on -Xlog:cds=off' /opt/kiosk/bin/kiosk --help >/dev/null 2>/tmp/cds.err && echo mapped || { echo refused; head -c 300 /tmp/cds.err; })"
wait_for '@@CDS [a-z]+' 300
[[ "$(value_of CDS)" == mapped* ]] || fail "the AppCDS archive does not map in the image: $(value_of CDS)"
echo "  AppCDS archive: mapped with -Xshare:on"
send 'systemctl poweroff'
sleep 2
echo "BOOT TEST PASSED in $(elapsed) s: the kiosk service is active in the booted image (console: $log)"
