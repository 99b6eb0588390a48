#!/usr/bin/env bash
# Installs the Debian packages the tests need, where they are missing, and any packages named as
# arguments (./kiosk image names what the OS image build needs); with --only, just the packages
# named (./kiosk demo names the fonts, and the JavaFX libraries with a display). Idempotent; needs
# root (or sudo) only when something is missing.
set -euo pipefail

if [[ "${1:-}" == --only ]]; then
  shift
  packages=("$@")
else
packages=(
  fonts-ipaexfont-mincho   # IPAex Mincho: the font of every printed document
  poppler-utils            # pdftotext: checks of printed documents
  pcscd                    # the PC/SC daemon the card reader tests run against
  libpcsclite1             # the PC/SC client library javax.smartcardio loads
  vsmartcard-vpcd          # pcscd reader driver the virtual JPKI card connects to
  opensc                   # independent PC/SC client (jpki driver) reading the virtual card
  openssl                  # verifies OpenSC's signatures in the tests
  fonts-ipamj-mincho       # IPAmj Mincho: rare kanji of registered names
  cups-ipp-utils           # ippeveprinter: the real IPP printer the printing tests print to
  cups                     # cupsd: the production queue in front of the printer
  cups-client              # lpadmin, lpstat
  dbus                     # dbus-daemon: the bus ippeveprinter needs
  systemd                  # systemd-analyze verify of the OS image's units
  cage                     # the compositor kiosk.service starts (verify checks ExecStart= exists)
  fonts-noto-cjk           # Noto Sans CJK: the screens in Japanese, Chinese, Korean (and Latin, Vietnamese)
  fonts-dejavu-core        # DejaVu Sans: a second Latin font for the screens
  xvfb                     # an X server without a screen: the lockdown check runs the kiosk on it
  openbox                  # a window manager for the lockdown check: full screen, Alt+F4 as a close request
  xdotool                  # sends Alt+F4, Escape, F11, Ctrl+W, Ctrl+Q to the kiosk in the lockdown check
  x11-utils                # xwininfo, xdpyinfo: the kiosk window's geometry in the lockdown check
  libgtk-3-0               # JavaFX on X11 (glass GTK) for the kiosk on a display
  libxtst6                 # JavaFX on X11
  libgl1                   # JavaFX on X11 (prism falls back to software rendering)
  imagemagick              # convert: the verify-scan tests rotate, scale, blur, noise and photograph backs
  haproxy                  # the load balancer in front of several simulator instances (./kiosk sim --instances)
  nodejs                   # npx runs redocly lint (npm @redocly/cli, Node.js 20 or later) on the OpenAPI document
  espeak-ng                # the build speaks the voice guidance clips from the message bundles
  sox                      # ... and resamples them to 11 kHz to keep the jar small
  socat                    # a pseudo-terminal pair: the ccTalk tests talk to a coin selector and hoppers emulated on its far end
  "$@"
)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Debian's nodejs leaves npx to the npm package; NodeSource's nodejs carries it (and conflicts with npm)
if ! command -v npx >/dev/null && ! printf '%s\n' "${missing[@]}" | grep -qx npm; then
  missing+=(npm)
fi
if ((${#missing[@]} == 0)); then
  exit 0
fi

echo "Installing test dependencies: ${missing[*]}" >&2
sudo_cmd=()
[[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
