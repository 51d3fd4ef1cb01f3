#!/usr/bin/env bash
# Compares the two xlsx readers mvoscan could use: the jars they add and the time a fresh JVM
# needs to open a 30-row Forms-like workbook and read every cell (docs/decisions.md, "xlsx").
# Needs the jars in ~/.m2: mvn dependency:get -Dartifact=org.dhatim:fastexcel-reader:0.19.0
# (and org.dhatim:fastexcel:0.19.0, org.apache.poi:poi-ooxml:5.5.1).
set -euo pipefail
cd "$(dirname "$0")"
R=~/.m2/repository
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fx="$R/org/dhatim/fastexcel-reader/0.19.0/fastexcel-reader-0.19.0.jar:$R/com/fasterxml/aalto-xml/1.3.3/aalto-xml-1.3.3.jar:$R/org/codehaus/woodstox/stax2-api/4.2.2/stax2-api-4.2.2.jar:$R/org/apache/commons/commons-compress/1.28.0/commons-compress-1.28.0.jar:$R/commons-io/commons-io/2.20.0/commons-io-2.20.0.jar:$R/org/apache/commons/commons-lang3/3.18.0/commons-lang3-3.18.0.jar"
writer="$R/org/dhatim/fastexcel/0.19.0/fastexcel-0.19.0.jar:$R/com/github/rzymek/opczip/1.2.0/opczip-1.2.0.jar"
poi=$(find "$R/org/apache/poi/poi-ooxml/5.5.1" "$R/org/apache/poi/poi/5.5.1" "$R/org/apache/poi/poi-ooxml-lite/5.5.1" \
  "$R/org/apache/xmlbeans/xmlbeans/5.3.0" "$R/org/apache/commons/commons-compress/1.28.0" "$R/org/apache/commons/commons-lang3/3.18.0" \
  "$R/commons-io/commons-io/2.21.0" "$R/com/github/virtuald/curvesapi/1.08" "$R/org/apache/logging/log4j/log4j-api/2.24.3" \
  "$R/org/apache/commons/commons-collections4/4.5.0" "$R/commons-codec/commons-codec/1.20.0" "$R/org/apache/commons/commons-math3/3.6.1" \
  "$R/com/zaxxer/SparseBitSet/1.3" -name '*.jar' | tr '\n' ':')
size() { echo "$1" | tr ':' '\n' | grep . | xargs du -cb | tail -1 | cut -f1; }
echo "jars added: fastexcel-reader $(size "$fx") bytes, fastexcel writer $(size "$writer") bytes, POI $(size "$poi") bytes"
javac -d "$work" -cp "$writer" Make.java && java -cp "$writer:$work" Make "$work/t.xlsx"
javac -d "$work" -cp "$fx" ReadFx.java
javac -d "$work" -cp "$poi" ReadPoi.java
for i in 1 2 3 4 5 6 7; do
  /usr/bin/time -o "$work/fx" -f "fastexcel-reader wall %e s, max RSS %M KB" java -cp "$fx:$work" ReadFx "$work/t.xlsx" >/dev/null
  /usr/bin/time -o "$work/poi" -f "poi-ooxml        wall %e s, max RSS %M KB" java -cp "$poi:$work" ReadPoi "$work/t.xlsx" >/dev/null 2>&1
  cat "$work/fx" "$work/poi"
done | sort
