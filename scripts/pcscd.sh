#!/usr/bin/env bash
# Starts, stops or reports the PC/SC daemon with the vsmartcard virtual reader, the way it works
# as root without systemd: `pcscd -f` in the background (never -a: that logs every APDU, PINs
# included). `start` is idempotent and returns
# once the virtual readers ("Virtual PCD 00 00", "Virtual PCD 00 01") are listed; it fails
# (exit 1) if they do not appear within the timeout.
#
#   scripts/pcscd.sh start|stop|restart|status
set -euo pipefail

log="${PCSCD_LOG:-/tmp/certkiosk-pcscd.log}"
timeout_s="${PCSCD_START_TIMEOUT:-20}"

pcscd_pids() {
  pgrep -x pcscd || true
}

readers_listed() {
  # opensc-tool -l prints the readers pcscd knows; the vpcd driver's readers are "Virtual PCD".
  opensc-tool -l 2>/dev/null | grep -q "Virtual PCD 00 00"
}

start() {
  if [[ -n "$(pcscd_pids)" ]] && readers_listed; then
    echo "pcscd: running ($(pcscd_pids | tr '\n' ' ')), virtual readers listed"
    return 0
  fi
  if [[ -z "$(pcscd_pids)" ]]; then
    if ! command -v pcscd >/dev/null; then
      echo "pcscd: not installed (run scripts/install-test-deps.sh)" >&2
      return 1
    fi
    if [[ ! -f /etc/reader.conf.d/vpcd ]]; then
      echo "pcscd: the vsmartcard-vpcd reader driver is not installed (run scripts/install-test-deps.sh)" >&2
      return 1
    fi
    rm -f /run/pcscd/pcscd.pid /run/pcscd/pcscd.comm 2>/dev/null || true
    mkdir -p /run/pcscd
    # -f: foreground (backgrounded here, no systemd to do it)
    # with no descriptor of whoever started it: a daemon that inherits a lock (flock) or a test
    # runner's pipe would hold it for as long as it runs
    (
      for fd in /proc/$BASHPID/fd/*; do
        fd="${fd##*/}"
        if ((fd > 2)); then eval "exec ${fd}>&-" 2>/dev/null || true; fi
      done
      exec nohup pcscd -f >"$log" 2>&1 </dev/null
    ) &
    disown || true
  fi
  for ((i = 0; i < timeout_s * 4; i++)); do
    if readers_listed; then
      echo "pcscd: started ($(pcscd_pids | tr '\n' ' ')), virtual readers listed"
      return 0
    fi
    sleep 0.25
  done
  echo "pcscd: the virtual readers did not appear within ${timeout_s}s; log: $log" >&2
  tail -n 20 "$log" >&2 || true
  return 1
}

stop() {
  local pids
  pids="$(pcscd_pids)"
  if [[ -z "$pids" ]]; then
    echo "pcscd: not running"
    return 0
  fi
  kill $pids 2>/dev/null || true
  for ((i = 0; i < 40; i++)); do
    [[ -z "$(pcscd_pids)" ]] && { echo "pcscd: stopped"; return 0; }
    sleep 0.25
  done
  kill -9 $(pcscd_pids) 2>/dev/null || true
  echo "pcscd: killed"
}

status() {
  if [[ -n "$(pcscd_pids)" ]]; then
    echo "pcscd: running ($(pcscd_pids | tr '\n' ' '))"
    opensc-tool -l 2>/dev/null || true
  else
    echo "pcscd: not running"
    return 3
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  restart) stop; start ;;
  status) status ;;
  *) echo "usage: $0 start|stop|restart|status" >&2; exit 2 ;;
esac
