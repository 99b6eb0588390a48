#!/usr/bin/env bash
# Fuzzes every parser that reads outside bytes with Jazzer, one target at a time (Jazzer fuzzes one
# target per run), each bounded by 10,000 executions and 3 minutes; prints the executions per target
# and fails on the first finding. The corpus that seeds each target is in the repository:
#   kiosk-app/src/test/resources/jp/certkiosk/app/fuzz/ParserFuzzTestsInputs/<target>/
#   card-terminal/src/test/resources/jp/certkiosk/card/vpcd/VpcdFrameFuzzTestsInputs/vpcdFrames/
# Under a plain `mvn test` the same tests replay that corpus only.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

targets=(
  "kiosk-app ParserFuzzTests responseApdu"
  "kiosk-app ParserFuzzTests jpkiReads"
  "kiosk-app ParserFuzzTests endpointJson"
  "kiosk-app ParserFuzzTests documentStatement"
  "kiosk-app ParserFuzzTests documentVerifier"
  "kiosk-app ParserFuzzTests municipalPdfCheck"
  "kiosk-app ParserFuzzTests scenarioFile"
  "kiosk-app ParserFuzzTests configurationFile"
  "kiosk-app ParserFuzzTests ccTalkFrames"
  "card-terminal VpcdFrameFuzzTests vpcdFrames"
)
if [[ $# -gt 0 ]]; then
  selected=()
  for t in "${targets[@]}"; do
    for want in "$@"; do [[ "${t##* }" == "$want" ]] && selected+=("$t"); done
  done
  targets=("${selected[@]}")
fi

log="$(mktemp -d)/fuzz"
mvn -B -q -Dstyle.color=never -DskipTests test-compile
summary=()
for t in "${targets[@]}"; do
  read -r module class method <<<"$t"
  echo "fuzz: $class#$method" >&2
  # instrument our code and the libraries that do the parsing, so coverage guides the fuzzer
  if ! JAZZER_FUZZ=1 JAZZER_INSTRUMENTATION_INCLUDES='jp.certkiosk.**:com.fasterxml.**:org.apache.pdfbox.**:org.bouncycastle.**' \
      mvn -B -Dstyle.color=never -pl "$module" -am -Dtest="$class#$method" -Dsurefire.failIfNoSpecifiedTests=false \
      test >"$log-$method.log" 2>&1; then
    echo "fuzz: $method FAILED (a finding, or the run broke); see $log-$method.log" >&2
    grep -E "^== Java Exception|Caused by|FuzzTest|Tests run" "$log-$method.log" | head -20 >&2 || true
    exit 1
  fi
  line=$(grep -h "^fuzz target $method:" "$log-$method.log" | tail -1)
  stats=$(grep -hE "^#[0-9]+[[:space:]]+DONE" "$log-$method.log" | tail -1 || true)
  echo "$line ${stats:+($stats)}"
  summary+=("$line")
done
echo "fuzz: all ${#targets[@]} targets clean" >&2
