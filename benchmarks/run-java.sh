#!/usr/bin/env bash
# Runs one Java benchmark of benchmarks/java (a single-file program) against the built application:
#   benchmarks/run-java.sh PreviewLatencyBenchmark
#   benchmarks/run-java.sh BerryFluxMapBenchmark
# Builds the jars first when sources changed (through ./bandsmith). Timings go to stdout; nothing is asserted.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NAME="${1:?usage: benchmarks/run-java.sh NAME (a class in benchmarks/java)}"
SRC="$ROOT/benchmarks/java/$NAME.java"
[ -f "$SRC" ] || { echo "run-java.sh: no benchmark $SRC" >&2; exit 2; }
"$ROOT/bandsmith" --version >/dev/null   # (re)builds app/target/bandsmith-app.jar and its classpath when stale
if [ -z "${OPENBLAS_CORETYPE:-}" ] && grep -qw avx2 /proc/cpuinfo 2>/dev/null; then
  export OPENBLAS_CORETYPE=Haswell   # docs/decisions/0002
fi
exec java -Xss8m -Dbandsmith.home="$ROOT" -cp "$ROOT/app/target/bandsmith-app.jar:$(cat "$ROOT/app/target/classpath.txt")" "$SRC"
