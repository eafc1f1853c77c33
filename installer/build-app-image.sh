#!/usr/bin/env bash
# Builds a self-contained Bandsmith application image (a folder with its own Java runtime) with jpackage from the JDK.
#   installer/build-app-image.sh [OUTPUT_DIR]      (default: installer/target)
# Run it as installer/target/Bandsmith/bin/bandsmith (a wrapper that sets OPENBLAS_CORETYPE, see
# docs/decisions/0002-exact-solver.md, then starts the jpackage launcher).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${1:-$ROOT/installer/target}"
# Maven 3.8 prints ANSI reset codes even with -B -q; strip them (pipefail keeps Maven's status)
(cd "$ROOT" && mvn -q -B -DskipTests package -pl app -am 2>&1 | sed -u 's/\x1b\[[0-9;]*m//g')
# the image's version is the one `bandsmith --version` prints (one source: BandsmithCommand)
VERSION="$(sed -n 's/.*version = "Bandsmith \([0-9][0-9.]*\)".*/\1/p' \
  "$ROOT/app/src/main/java/io/bandsmith/app/cli/BandsmithCommand.java" | head -1)"
[ -n "$VERSION" ] || { echo "build-app-image: cannot find the version in BandsmithCommand.java" >&2; exit 1; }
STAGE="$(mktemp -d)"
trap 'rm -rf "$STAGE"' EXIT
cp "$ROOT/app/target/bandsmith-app.jar" "$STAGE/"
IFS=':' read -r -a JARS < "$ROOT/app/target/classpath.txt" || true
for jar in "${JARS[@]}"; do
  [ -n "$jar" ] && cp "$jar" "$STAGE/"
done
mkdir -p "$STAGE/models" "$STAGE/assets"
cp -r "$ROOT/assets/." "$STAGE/assets/" 2>/dev/null || true
cp "$ROOT"/models/*.zip "$STAGE/models/" 2>/dev/null || true
rm -rf "$OUT/Bandsmith"
mkdir -p "$OUT"
jpackage --type app-image --name Bandsmith --app-version "$VERSION" --dest "$OUT" --input "$STAGE" \
  --main-jar bandsmith-app.jar --main-class io.bandsmith.app.Main \
  --java-options "-Xss8m -Dbandsmith.home=\$APPDIR -Dprism.order=es2,sw -Dprism.forceGPU=true" \
  --add-modules java.base,java.desktop,java.logging,jdk.unsupported,java.xml,java.scripting,java.management,jdk.jsobject,java.naming,java.sql
cat > "$OUT/Bandsmith/bin/bandsmith" <<'WRAP'
#!/usr/bin/env bash
if [ -z "${OPENBLAS_CORETYPE:-}" ] && grep -qw avx2 /proc/cpuinfo 2>/dev/null; then export OPENBLAS_CORETYPE=Haswell; fi
exec "$(dirname "$0")/Bandsmith" "$@"
WRAP
chmod +x "$OUT/Bandsmith/bin/bandsmith"
echo "built $OUT/Bandsmith ($(du -sh "$OUT/Bandsmith" | cut -f1)); run $OUT/Bandsmith/bin/bandsmith --help"
