#!/usr/bin/env bash
# The kiosk's screen path on this machine, without a display: the runtime image's kiosk under cage
# with wlroots' headless backend, through Xwayland and GTK, as an unprivileged user (cage refuses
# root). Passes when the heartbeat file appears: it is written on the JavaFX application thread,
# so the screen is up (what READY=1 means for kiosk.service). No configuration is provisioned in
# its state directory, so what comes up must be the staff's "not provisioned" screen, never the
# demo.
# Needs: kiosk-image/build-runtime.sh done, cage, xwayland, libgtk-3-0, root (to switch to nobody).
# Usage: kiosk-image/screen-smoke-test.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
kiosk="$here/target/kiosk"
[[ -x "$kiosk/bin/kiosk-session" ]] || { echo "no runtime image: run kiosk-image/build-runtime.sh" >&2; exit 1; }
work="$(mktemp -d)"
chmod 755 "$work"
mkdir -p "$work/run" "$work/state"
chown nobody:nogroup "$work/run" "$work/state"
chmod 700 "$work/run"
setpriv --reuid=nobody --regid=nogroup --clear-groups \
  env -i PATH=/usr/bin:/bin HOME="$work/state" XDG_RUNTIME_DIR="$work/run" RUNTIME_DIRECTORY="$work/run" \
  KIOSK_STATE="$work/state" WLR_BACKENDS=headless WLR_LIBINPUT_NO_DEVICES=1 WLR_RENDERER=pixman \
  cage -d -- "$kiosk/bin/kiosk-session" ui >"$work/cage.log" 2>&1 &
cage_pid=$!
trap 'kill "$cage_pid" 2>/dev/null || true; wait "$cage_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 180); do
  if [[ -e "$work/run/heartbeat" ]]; then
    grep -q '^kiosk not provisioned' "$work/cage.log" || { cat "$work/cage.log" >&2; echo "SCREEN SMOKE TEST FAILED: not the not-provisioned screen" >&2; exit 1; }
    echo "SCREEN SMOKE TEST PASSED: unprovisioned, the kiosk shows the not-provisioned screen under cage + Xwayland and beats on the JavaFX thread"
    exit 0
  fi
  kill -0 "$cage_pid" 2>/dev/null || break
  sleep 1
done
cat "$work/cage.log" >&2
echo "SCREEN SMOKE TEST FAILED: no heartbeat from the JavaFX thread under cage" >&2
exit 1
