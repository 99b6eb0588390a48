#!/usr/bin/env bash
# Lockdown under a real X server: starts Xvfb with a window manager (openbox: it honours full-screen
# requests and turns Alt+F4 into a close request, as a desktop would), launches `./kiosk demo` on
# it, and checks that the kiosk opens full screen and that Alt+F4, Escape, F11, Ctrl+W and Ctrl+Q
# leave it full screen and running. Needs Debian xvfb, openbox, xdotool and x11-utils
# (scripts/install-test-deps.sh installs them) and a built kiosk (kiosk-demo/target/kiosk-demo.jar).
# Bounded: gives up after about two minutes.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
width=1920
height=1080
for tool in Xvfb openbox xdotool xwininfo xprop; do
  command -v "$tool" >/dev/null || { echo "lockdown-check: $tool is missing (run scripts/install-test-deps.sh)" >&2; exit 2; }
done

work="$(mktemp -d)"
xvfb_pid=""
wm_pid=""
kiosk_pid=""
cleanup() {
  [[ -n "$kiosk_pid" ]] && kill "$kiosk_pid" 2>/dev/null || true
  [[ -n "$wm_pid" ]] && kill "$wm_pid" 2>/dev/null || true
  [[ -n "$xvfb_pid" ]] && kill "$xvfb_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# A free display number: the first without a lock file.
n=90
while [[ -e "/tmp/.X$n-lock" || -e "/tmp/.X11-unix/X$n" ]]; do n=$((n + 1)); done
export DISPLAY=":$n"
Xvfb "$DISPLAY" -screen 0 "${width}x${height}x24" -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done 2>/dev/null || true
openbox --sm-disable >"$work/openbox.log" 2>&1 &
wm_pid=$!
for _ in $(seq 50); do xprop -root _NET_SUPPORTING_WM_CHECK 2>/dev/null | grep -q 'window id' && break; sleep 0.1; done

"$here/kiosk" demo --data "$work/var" --out "$work/out" >"$work/kiosk.log" 2>&1 &
kiosk_pid=$!

fail() {
  echo "lockdown-check: FAIL: $*" >&2
  echo "--- kiosk log (last lines) ---" >&2
  tail -20 "$work/kiosk.log" >&2 || true
  exit 1
}

# The kiosk's window appears within a minute (it starts the simulator first).
wid=""
for _ in $(seq 120); do
  kill -0 "$kiosk_pid" 2>/dev/null || fail "the kiosk exited before showing a window"
  wid="$(xdotool search --onlyvisible --name '^Kiosk$' 2>/dev/null | head -1 || true)"
  [[ -n "$wid" ]] && break
  sleep 0.5
done
[[ -n "$wid" ]] || fail "no kiosk window within 60 s"

# The window's place on the screen and whether the window manager has it full screen.
geometry() {
  local info
  info="$(xwininfo -id "$wid" 2>/dev/null)" || return 1
  local x y w h state
  x="$(sed -n 's/.*Absolute upper-left X: *//p' <<<"$info")"
  y="$(sed -n 's/.*Absolute upper-left Y: *//p' <<<"$info")"
  w="$(sed -n 's/.*Width: *//p' <<<"$info")"
  h="$(sed -n 's/.*Height: *//p' <<<"$info")"
  state="$(sed -n 's/.*Map State: *//p' <<<"$info")"
  local fs="windowed"
  xprop -id "$wid" _NET_WM_STATE 2>/dev/null | grep -q _NET_WM_STATE_FULLSCREEN && fs="fullscreen"
  echo "${x},${y} ${w}x${h} ${state} ${fs}"
}

expected="0,0 ${width}x${height} IsViewable fullscreen"
full=""
for _ in $(seq 120); do
  full="$(geometry || true)"
  [[ "$full" == "$expected" ]] && break
  sleep 0.25
done
[[ "$full" == "$expected" ]] || fail "the kiosk window is '$full', not full screen '$expected'"
echo "lockdown-check: the kiosk opened full screen ($full)"

for keys in alt+F4 Escape F11 ctrl+w ctrl+q; do
  xdotool windowfocus --sync "$wid" 2>/dev/null || xdotool windowfocus "$wid" || true
  xdotool key --clearmodifiers "$keys"
  sleep 1.5
  kill -0 "$kiosk_pid" 2>/dev/null || fail "$keys ended the kiosk"
  now="$(geometry || true)"
  [[ "$now" == "$expected" ]] || fail "after $keys the window is '$now', not '$expected'"
  echo "lockdown-check: $keys: still running, still full screen"
done
echo "lockdown-check: OK"
