#!/usr/bin/env bash
# Runs every command line the README prints, exactly as printed, in the order printed, from the
# repository root (part of ./kiosk test). A command line is a line of a code block that starts
# with "$ " (the prompt is dropped, so is a trailing "# comment") or, in a ```sh block, with
# ./kiosk or scripts/. Long-running commands are started, checked for their banner, and stopped.
# Needs pcscd's virtual reader (scripts/pcscd.sh) and Xvfb; run it under the shared lock.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

# Not run, each with the reason:
skip_reason() {
  case "$1" in
    "./kiosk test"*) echo "is the suite this check is part of" ;;
    "./kiosk image"*) echo "builds and boots the OS image as root (about 14 min): ./kiosk image --boot-test is its test" ;;
    "scripts/lockdown-check.sh"*) echo "runs in ./kiosk test right before this check" ;;
    "pdftoppm "*|"./kiosk verify-scan "*) echo "names an issuance of the run the README shows; VerifyScan's tests cover the command" ;;
    "./kiosk soak "*) echo "a soak runs for minutes to hours: its short version runs in CI (.ci/run), and SoakTest" ;;
    *) return 1 ;;
  esac
}

# The command lines, in README order.
mapfile -t commands < <(awk '
  /^```/ { if (inblock) { inblock = 0 } else { inblock = 1; lang = substr($0, 4) } next }
  inblock && /^\$ / { line = substr($0, 3); sub(/[ \t]+#.*$/, "", line); print line; next }
  inblock && lang == "sh" && /^(\.\/kiosk|scripts\/)/ { line = $0; sub(/[ \t]+#.*$/, "", line); print line }
' README.md)

# The scenario file the README shows right above the commands that name it.
awk '/^```json/ { inblock = 1; next } inblock && /^```/ { exit } inblock { print }' README.md > scenario.json

work="$(mktemp -d)"
sim_pid=""
cleanup() {
  [[ -n "$sim_pid" ]] && stop_group "$sim_pid"
  ./kiosk card stop >/dev/null 2>&1 || true
  rm -f scenario.json report.json
}
trap cleanup EXIT

fail() { echo "readme-commands-check: FAILED: $*" >&2; exit 1; }

# Ends a command started by banner() with everything it started (xvfb-run's X server and kiosk).
stop_group() {
  kill -- "-$1" 2>/dev/null || true
  for ((i = 0; i < 100; i++)); do
    kill -0 -- "-$1" 2>/dev/null || return 0
    sleep 0.2
  done
  kill -KILL -- "-$1" 2>/dev/null || true
}

# Starts a long-running command in a process group of its own and waits for its banner.
banner() {
  local command="$1" pattern="$2" log="$work/$RANDOM.log"
  setsid bash -c "exec $command" >"$log" 2>&1 &
  local pid=$! deadline=$((SECONDS + 240))
  until grep -q "$pattern" "$log"; do
    kill -0 "$pid" 2>/dev/null || { tail -20 "$log" >&2; fail "'$command' ended before printing '$pattern'"; }
    ((SECONDS < deadline)) || { stop_group "$pid"; fail "'$command' printed no '$pattern' within 240 s"; }
    sleep 1
  done
  echo "$pid"
}

ran=0
for command in "${commands[@]}"; do
  if reason="$(skip_reason "$command")"; then
    echo "readme-commands-check: not run: $command ($reason)"
    continue
  fi
  echo "readme-commands-check: $command"
  case "$command" in
    "./kiosk sim "*)
      # serves until stopped: the commands after it use it; stopped at the end (or by the next one)
      if [[ -n "$sim_pid" ]]; then
        kill "$sim_pid" 2>/dev/null || true
        wait "$sim_pid" 2>/dev/null || true
      fi
      sim_pid="$(banner "$command" "Serving until stopped")"
      ;;
    "./kiosk run "*)
      # the full-screen kiosk: on a virtual display, until its banner, then stopped
      pid="$(banner "xvfb-run -a $command" "^Kiosk ")"
      stop_group "$pid"
      ;;
    "./kiosk demo")
      # without a display: the headless issuance (with one it would stay full screen)
      env -u DISPLAY bash -c "$command" || fail "$command"
      ;;
    *)
      bash -c "$command" || fail "$command"
      ;;
  esac
  ran=$((ran + 1))
done
echo "readme-commands-check: OK ($ran command lines run as printed)"
