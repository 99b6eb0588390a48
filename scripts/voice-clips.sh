#!/usr/bin/env bash
# Makes the voice guidance clips from the screens' message bundles: one WAV per voice.* key and
# language, spoken by espeak-ng (Debian espeak-ng) and resampled by sox to 11 kHz mono (speech stays
# clear, the jar stays smaller). The build runs it (kiosk-app, generate-resources) and packs the
# clips into the jar; nothing is kept in the repository.
#   scripts/voice-clips.sh BUNDLE_DIR OUT_DIR
# Writes OUT_DIR/<language tag>/<key>.wav; does nothing when OUT_DIR is newer than every bundle.
set -euo pipefail

bundles=${1:?bundle directory}
out=${2:?output directory}

for tool in espeak-ng sox; do
  if ! command -v "$tool" >/dev/null; then
    echo "voice-clips: $tool is missing (scripts/install-test-deps.sh installs it)" >&2
    exit 1
  fi
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
stamp="$out/.made"
if [[ -f "$stamp" ]] && [[ -z "$(find "$bundles" -name 'messages_*.properties' -newer "$stamp")" ]] \
   && [[ "$0" -ot "$stamp" ]]; then
  exit 0
fi

# bundle suffix, language tag of the screens (Language.locale), espeak-ng voice
languages=(
  "ja ja ja"
  "en en en-gb"
  "zh_CN zh-CN cmn"
  "zh_TW zh-TW cmn"
  "ko ko ko"
  "pt pt pt"
  "es es es"
  "vi vi vi"
)
count=0
for entry in "${languages[@]}"; do
  read -r suffix tag voice <<<"$entry"
  file="$bundles/messages_$suffix.properties"
  mkdir -p "$out/$tag"
  while IFS= read -r line; do
    key=${line%%=*}
    text=${line#*=}
    espeak-ng -v "$voice" -s 150 -w "$work/clip.wav" -- "$text"
    sox -V1 "$work/clip.wav" -r 11025 -c 1 -b 16 "$out/$tag/$key.wav" gain -1
    count=$((count + 1))
  done < <(grep -E '^voice\.[A-Za-z]+=' "$file")
done
touch "$stamp"
echo "voice-clips: $count clips in $out"
