#!/usr/bin/env bash
# Fuzzes every parser that reads outside bytes with Jazzer, one target at a time (Jazzer fuzzes one
# target per JVM), each bounded by 10,000 executions and 3 minutes; prints the executions per target
# and fails on the first finding, or on a target that did not run. CI runs it after the tests.
# The corpus that seeds each target is in the repository:
#   kiosk-app/src/test/resources/jp/certkiosk/app/fuzz/ParserFuzzTestsInputs/<target>/
#   card-terminal/src/test/resources/jp/certkiosk/card/vpcd/VpcdFrameFuzzTestsInputs/vpcdFrames/
# Under a plain `mvn test` the same tests replay that corpus only.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

targets=(
  # module, test class, method (the target's name), the method's parameter type
  "kiosk-app jp.certkiosk.app.fuzz.ParserFuzzTests responseApdu byte[]"
  "kiosk-app jp.certkiosk.app.fuzz.ParserFuzzTests jpkiReads com.code_intelligence.jazzer.api.FuzzedDataProvider"
  "kiosk-app jp.certkiosk.app.fuzz.ParserFuzzTests endpointJson com.code_intelligence.jazzer.api.FuzzedDataProvider"
  "kiosk-app jp.certkiosk.app.fuzz.ParserFuzzTests documentStatement byte[]"
  "kiosk-app jp.certkiosk.app.fuzz.ParserFuzzTests documentVerifier byte[]"
  "kiosk-app jp.certkiosk.app.fuzz.ParserFuzzTests municipalPdfCheck byte[]"
  "kiosk-app jp.certkiosk.app.fuzz.ParserFuzzTests scenarioFile byte[]"
  "kiosk-app jp.certkiosk.app.fuzz.ParserFuzzTests configurationFile byte[]"
  "kiosk-app jp.certkiosk.app.fuzz.ParserFuzzTests ccTalkFrames byte[]"
  "card-terminal jp.certkiosk.card.vpcd.VpcdFrameFuzzTests vpcdFrames com.code_intelligence.jazzer.api.FuzzedDataProvider"
)
if [[ $# -gt 0 ]]; then
  selected=()
  for t in "${targets[@]}"; do
    read -r _ _ name _ <<<"$t"
    for want in "$@"; do [[ "$name" == "$want" ]] && selected+=("$t"); done
  done
  targets=("${selected[@]}")
fi

log="$(mktemp -d)/fuzz"
started=$SECONDS
# Build once: compile the tests and write each module's test class path (reactor modules as their
# target/classes), then fetch the JUnit console launcher. Each target then runs in a JVM of its own
# (Jazzer fuzzes one target per JVM) without a Maven start per target: the whole run stays minutes.
launcher_version=1.14.1
launcher="$here/target/fuzz/junit-platform-console-standalone-$launcher_version.jar"
mvn -B -q -Dstyle.color=never -DskipTests -pl kiosk-app,card-terminal -am test-compile \
  org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/fuzz-classpath.txt
if [[ ! -f "$launcher" ]]; then
  mvn -B -q -Dstyle.color=never org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact=org.junit.platform:junit-platform-console-standalone:$launcher_version \
    -DoutputDirectory="$here/target/fuzz"
fi
echo "fuzz: built in $((SECONDS - started)) s" >&2
summary=()
for t in "${targets[@]}"; do
  read -r module class method parameter <<<"$t"
  echo "fuzz: ${class##*.}#$method" >&2
  target_started=$SECONDS
  classpath="$here/$module/target/test-classes:$here/$module/target/classes:$(cat "$here/$module/target/fuzz-classpath.txt")"
  # instrument our code and the libraries that do the parsing, so coverage guides the fuzzer
  if ! (cd "$here/$module" && JAZZER_FUZZ=1 \
      JAZZER_INSTRUMENTATION_INCLUDES='jp.certkiosk.**:com.fasterxml.**:org.apache.pdfbox.**:org.bouncycastle.**' \
      java -Dfile.encoding=UTF-8 -Djava.awt.headless=true -cp "$launcher:$classpath" \
      org.junit.platform.console.ConsoleLauncher execute --disable-banner --disable-ansi-colors --details=summary \
      --fail-if-no-tests --select-method "$class#$method($parameter)") >"$log-$method.log" 2>&1; then
    echo "fuzz: $method FAILED (a finding, or the run broke); see $log-$method.log" >&2
    grep -E "^== Java Exception|Caused by|FuzzTest|tests (failed|successful)" "$log-$method.log" | head -20 >&2 || true
    exit 1
  fi
  line=$(grep -h "^fuzz target $method:" "$log-$method.log" | tail -1 || true)
  if [[ -z "$line" ]]; then
    echo "fuzz: $method did not run (no count); see $log-$method.log" >&2
    exit 1
  fi
  executions=$(sed -n 's/^fuzz target [^:]*: \([0-9]*\) executions.*/\1/p' <<<"$line")
  if (( executions < 10000 )); then
    echo "fuzz: $method ran only $executions executions before its time limit (10,000 wanted); see $log-$method.log" >&2
    exit 1
  fi
  stats=$(grep -hE "^#[0-9]+[[:space:]]+DONE" "$log-$method.log" | tail -1 || true)
  echo "$line in $((SECONDS - target_started)) s ${stats:+($stats)}"
  summary+=("$line")
done
echo "fuzz: all ${#targets[@]} targets clean in $((SECONDS - started)) s" >&2
