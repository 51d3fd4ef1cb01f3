#!/usr/bin/env bash
# Runs mvoscan and its reference side by side, interleaved, several times, each run a whole process
# under /usr/bin/time -v, and prints median, min, max, the ratio of the medians and the peak memory.
#
#   bench/run.sh [-n RUNS] [WORKLOAD...]
#
# Workloads (default: all of them, in this order):
#   score           mvoscan score of one answers file   vs  a picocli hello-world jar
#   import-10k      import of 10 000 responses           vs  sqlite3 .import of the same answers, long form
#   import-100k     import of 100 000 responses          vs  the same at 100 000
#   aggregate-10k   aggregate --by class                 vs  the same weighted theme means in one SQL query
#   aggregate-100k
#   export-10k      export --long                        vs  sqlite3 -csv of the same join
#   export-100k
#   batch           report batch of the example class (28 students + class), PDFs per second
#   xmx256          import of one 100 000-row class CSV with -Xmx256m (must succeed)
#   jmh             JMH: the scorer on the example class, time and bytes allocated per class
#
# Needs Java 17+, Maven, GNU time and sqlite3 (Debian: apt-get install time sqlite3).
# Environment:
#   MVOSCAN    the mvoscan command to measure (default: the launcher ./mvoscan of this clone; point it
#              at another clone's launcher to measure an older version the same way)
#   BENCH_DIR  where data, databases and outputs go (default: target/bench; about 3 GB at 100k)
#   RUNS       runs per pair (default 5; -n overrides); import-100k runs half as often (at least 3)
#   JMH_JAR    the mvoscan jar the JMH benchmark scores with (default: target/mvoscan.jar)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
W=${BENCH_DIR:-$root/target/bench}
RUNS=${RUNS:-5}
MVOSCAN=${MVOSCAN:-$root/mvoscan}
if [ "${1:-}" = "-n" ]; then
  RUNS=$2
  shift 2
fi
workloads=("$@")
if [ ${#workloads[@]} -eq 0 ]; then
  workloads=(score import-10k import-100k aggregate-10k aggregate-100k export-10k export-100k batch xmx256 jmh)
fi

for tool in /usr/bin/time sqlite3 java javac jar mvn; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "bench: $tool is missing (Debian: apt-get install time sqlite3; Java 17 JDK and Maven)" >&2
    exit 2
  fi
done

mkdir -p "$W/out" "$W/db"
results="$W/results-$(date +%Y%m%d-%H%M%S).txt"
: >"$results"

# ---------------------------------------------------------------- preparation (never timed)

jar="$root/target/mvoscan.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$root/pom.xml" "$root/src/main" "$root/scans" "$root/build" -newer "$jar" -print 2>/dev/null | head -n 1)" ]; then
  echo "bench: building $jar" >&2
  (cd "$root" && mvn -B -q -DskipTests package >&2)
fi
# the launcher's first run may build the jar: not part of any measurement
"$MVOSCAN" --version >/dev/null
# and the first run of each command with a new jar makes that command's class-data archive
# (AppCDS): each command runs once, untimed, on the example class before anything is measured
warm_db="$W/db/warm.db"
rm -rf "$warm_db" "$warm_db-wal" "$warm_db-shm" "$W/out/warm-pdf"
mkdir -p "$W/out/warm-pdf"
"$MVOSCAN" score --lang nl "$root/examples/bakkerij-emmen.json" >/dev/null
"$MVOSCAN" import --lang en --db "$warm_db" "$root/examples/klas-3a.csv" >/dev/null
"$MVOSCAN" aggregate --lang en --db "$warm_db" --by class >/dev/null
"$MVOSCAN" export --lang en --db "$warm_db" --long >/dev/null 2>&1
"$MVOSCAN" report batch --lang nl --db "$warm_db" --class 3A -o "$W/out/warm-pdf" >/dev/null 2>&1
rm -rf "$warm_db" "$warm_db-wal" "$warm_db-shm" "$W/out/warm-pdf"

hello="$W/hello/hello.jar"
if [ ! -f "$hello" ] || [ "$root/bench/hello/Hello.java" -nt "$hello" ]; then
  picocli_version=$(sed -n 's:.*<picocli.version>\(.*\)</picocli.version>.*:\1:p' "$root/pom.xml")
  picocli="${MAVEN_REPO:-$HOME/.m2/repository}/info/picocli/picocli/$picocli_version/picocli-$picocli_version.jar"
  if [ ! -f "$picocli" ]; then
    (cd "$root" && mvn -B -q dependency:get -Dartifact="info.picocli:picocli:$picocli_version" >&2)
  fi
  rm -rf "$W/hello"
  mkdir -p "$W/hello/classes"
  javac --release 17 -d "$W/hello/classes" -cp "$picocli" "$root/bench/hello/Hello.java"
  (cd "$W/hello/classes" && jar xf "$picocli" picocli && rm -rf META-INF)
  jar --create --file "$hello" --main-class Hello -C "$W/hello/classes" .
fi

# generated data: regenerated when the generator or the scan changes
data() {
  local dir="$W/data/$n"
  local stamp
  stamp=$(cat "$root/bench/GenerateClassCsv.java" "$root/scans/mvo-stagebedrijf.json" | sha256sum | cut -c1-16)
  if [ ! -f "$dir/.stamp" ] || [ "$(cat "$dir/.stamp")" != "$stamp" ]; then
    echo "bench: generating $n responses in $dir" >&2
    rm -rf "$dir"
    local single=()
    [ "$n" -ge 100000 ] && single=(--single)
    java -cp "$jar" "$root/bench/GenerateClassCsv.java" --out "$dir" --responses "$n" "${single[@]}"
    echo "$stamp" >"$dir/.stamp"
  fi
}

# ---------------------------------------------------------------- measurement

# measure LABEL FUNCTION: runs the command that FUNCTION puts in the array cmd, as one whole
# process; wall time in ms (our clock), peak RSS in kB (GNU time)
measure() {
  local label=$1
  "$2"
  local tf="$W/out/$label.time" rc=0 t0 t1 rss
  t0=$(date +%s%N)
  /usr/bin/time -v -o "$tf" "${cmd[@]}" >"$W/out/$label.stdout" 2>"$W/out/$label.stderr" || rc=$?
  t1=$(date +%s%N)
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tf")
  echo "$label $(((t1 - t0) / 1000000)) $rss $rc" >>"$results"
  if [ "$rc" -ne 0 ]; then
    echo "bench: $label exited with $rc; see $W/out/$label.stderr" >&2
    tail -n 3 "$W/out/$label.stderr" >&2 || true
  fi
}

# pair WORKLOAD RUNS: runs KIND_a and KIND_b (each after its untimed KIND_a_prep / KIND_b_prep),
# alternating which goes first, so drift on a shared machine falls on both sides alike. KIND is
# the workload without its size suffix; the size is in $n.
pair() {
  local name=$1 runs=$2 kind=${1%-*} i
  for ((i = 1; i <= runs; i++)); do
    if ((i % 2 == 1)); then
      "${kind}_a_prep"; measure "$name:mvoscan" "${kind}_a"
      if declare -F "${kind}_b" >/dev/null; then "${kind}_b_prep"; measure "$name:reference" "${kind}_b"; fi
    else
      if declare -F "${kind}_b" >/dev/null; then "${kind}_b_prep"; measure "$name:reference" "${kind}_b"; fi
      "${kind}_a_prep"; measure "$name:mvoscan" "${kind}_a"
    fi
  done
}

# ---------------------------------------------------------------- workloads

score_a_prep() { :; }
score_a() { cmd=("$MVOSCAN" score --lang nl "$root/examples/bakkerij-emmen.json"); }
score_b_prep() { :; }
score_b() { cmd=(java -jar "$hello"); }

# the reference import, in one transaction as the sqlite3 shell's .import does
import_sql() {
  echo "CREATE TABLE answers(response TEXT, klas TEXT, bedrijf TEXT, question TEXT, value TEXT, points REAL);"
  echo "CREATE TABLE questions(question TEXT PRIMARY KEY, theme TEXT, weight REAL, max REAL);"
  echo ".import --csv --skip 1 $W/data/$n/long.csv answers"
  echo ".import --csv --skip 1 $W/data/$n/questions.csv questions"
}
import_a_prep() { rm -f "$W/db/mvoscan-$n.db" "$W/db/mvoscan-$n.db-wal" "$W/db/mvoscan-$n.db-shm"; }
import_a() { cmd=("$MVOSCAN" import --lang en --db "$W/db/mvoscan-$n.db" "$W/data/$n/csv"); }
import_b_prep() { rm -f "$W/db/ref-$n.db"; import_sql >"$W/db/import-$n.sql"; }
import_b() { cmd=(sqlite3 "$W/db/ref-$n.db" ".read $W/db/import-$n.sql"); }

# the theme score of each response from its answers' points, weights and maxima, then the mean
# per class and theme: the first figures aggregate --by class reports
AGGREGATE_SQL="WITH per_theme AS (
  SELECT a.klas AS klas, a.response AS response, q.theme AS theme,
         100.0 * SUM(q.weight * a.points) / SUM(q.weight * q.max) AS score
  FROM answers a JOIN questions q ON q.question = a.question
  WHERE typeof(a.points) IN ('real', 'integer')
  GROUP BY a.klas, a.response, q.theme)
SELECT klas, theme, COUNT(*), ROUND(AVG(score), 1) FROM per_theme GROUP BY klas, theme ORDER BY klas, theme;"
aggregate_a_prep() { :; }
aggregate_a() { cmd=("$MVOSCAN" aggregate --lang en --db "$W/db/mvoscan-$n.db" --by class); }
aggregate_b_prep() { :; }
aggregate_b() { cmd=(sqlite3 "$W/db/ref-$n.db" "$AGGREGATE_SQL"); }

# the rows and columns of export --long, from mvoscan's own database
EXPORT_SQL="SELECT r.id AS response_id, r.school_year, r.class, p.name AS student, c.name AS company,
  a.question_id, a.value, a.evidence, a.note, a.status, a.points
FROM answer a JOIN response r ON r.id = a.response_id
  LEFT JOIN respondent p ON p.id = r.respondent_id LEFT JOIN company c ON c.id = r.company_id
ORDER BY a.response_id;"
export_a_prep() { :; }
export_a() { cmd=("$MVOSCAN" export --lang en --db "$W/db/mvoscan-$n.db" --long); }
export_b_prep() { :; }
export_b() { cmd=(sqlite3 -csv -header "$W/db/mvoscan-$n.db" "$EXPORT_SQL"); }

# both databases of size $n, imported once (untimed) when no import workload made them
databases() {
  if [ ! -f "$W/db/mvoscan-$n.db" ]; then
    echo "bench: importing $n responses for the read workloads" >&2
    "$MVOSCAN" import --lang en --db "$W/db/mvoscan-$n.db" "$W/data/$n/csv" >/dev/null
  fi
  if [ ! -f "$W/db/ref-$n.db" ]; then
    import_sql >"$W/db/import-$n.sql"
    sqlite3 "$W/db/ref-$n.db" ".read $W/db/import-$n.sql"
  fi
}

# report batch writes into a folder that exists (mvoscan never makes an output folder itself)
batch_a_prep() { rm -rf "$W/out/batch-pdf" && mkdir -p "$W/out/batch-pdf"; }
batch_a() { cmd=("$MVOSCAN" report batch --lang nl --db "$W/db/class-3a.db" --class 3A -o "$W/out/batch-pdf"); }

xmx256_a_prep() { rm -f "$W/db/xmx256.db" "$W/db/xmx256.db-wal" "$W/db/xmx256.db-shm"; }
xmx256_a() { cmd=(env MVOSCAN_JAVA_OPTS="-Xmx256m ${MVOSCAN_JAVA_OPTS:-}" "$MVOSCAN" import --lang en --db "$W/db/xmx256.db" "$W/data/100000/single.csv"); }

# ---------------------------------------------------------------- run

echo "# bench/run.sh $(date -Iseconds) on $(nproc) cores; mvoscan: $MVOSCAN ($(cd "$root" && git rev-parse --short HEAD 2>/dev/null || echo '?'))" | tee -a "$results"
echo "# load before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$results"
for w in "${workloads[@]}"; do
  case "$w" in
    *-10k) n=10000 ;;
    *-100k | xmx256) n=100000 ;;
    *) n=0 ;;
  esac
  [ "$n" -gt 0 ] && data "$n"
  case "$w" in
    aggregate-* | export-*) databases ;;
    batch)
      if [ ! -f "$W/db/class-3a.db" ]; then
        "$MVOSCAN" import --lang en --db "$W/db/class-3a.db" "$root/examples/klas-3a.csv" >/dev/null
      fi
      ;;
  esac
  case "$w" in
    jmh)
      (cd "$root" && mvn -B -q -f bench/jmh/pom.xml package >&2)
      java -cp "$root/bench/jmh/target/benchmarks.jar:${JMH_JAR:-$jar}" -Dmvoscan.root="$root" \
        org.openjdk.jmh.Main -prof gc -rf text -rff "$W/out/jmh.txt" >"$W/out/jmh.log" 2>&1
      grep -E '^Benchmark|scoreClass( |:gc.alloc.rate.norm)' "$W/out/jmh.txt" | tee -a "$results.jmh"
      ;;
    xmx256) pair "$w" 1 ;;
    import-100k) pair "$w" "$(((RUNS + 1) / 2 > 3 ? (RUNS + 1) / 2 : 3))" ;;
    *) pair "$w" "$RUNS" ;;
  esac
done
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$results"

# without a batch run there is no batch-pdf folder: a failing find must not end the run (pipefail)
pdfs=$( (find "$W/out/batch-pdf" -name '*.pdf' 2>/dev/null || true) | wc -l)
awk -v pdfs="$pdfs" '
  /^#/ { next }
  {
    split($1, k, ":"); w = k[1]; side = k[2]
    n[$1]++; t[$1, n[$1]] = $2; m[$1, n[$1]] = $3; if ($4 != 0) failed[$1]++
    if (!(w in seen)) { seen[w] = 1; order[++nw] = w }
  }
  function sorted_median(key, arr,    i, j, x, v, c) {
    c = n[key]
    for (i = 1; i <= c; i++) v[i] = arr[key, i]
    for (i = 2; i <= c; i++) { x = v[i]; for (j = i - 1; j >= 1 && v[j] > x; j--) v[j + 1] = v[j]; v[j + 1] = x }
    lo = v[1]; hi = v[c]
    return (c % 2) ? v[(c + 1) / 2] : (v[c / 2] + v[c / 2 + 1]) / 2
  }
  function show(key,    med, mm) {
    med = sorted_median(key, t); tl = lo; th = hi
    mm = sorted_median(key, m)
    printf "%-16s %-10s %3d %9.2f %9.2f %9.2f %9.0f %9.0f%s\n", w, side, n[key], med / 1000, tl / 1000, th / 1000, mm / 1024, hi / 1024, (failed[key] ? "  FAILED " failed[key] "x" : "")
    return med
  }
  END {
    printf "%-16s %-10s %3s %9s %9s %9s %9s %9s\n", "workload", "side", "n", "median s", "min s", "max s", "med MB", "peak MB"
    for (i = 1; i <= nw; i++) {
      w = order[i]
      side = "mvoscan"; a = show(w ":mvoscan")
      if ((w ":reference") in n) {
        side = "reference"; b = show(w ":reference")
        printf "%-16s ratio %.2fx (median mvoscan / median reference)\n", w, a / b
      }
      if (w == "batch" && pdfs > 0) printf "%-16s %d PDFs, %.1f PDFs/s (median)\n", w, pdfs, pdfs / (a / 1000)
    }
  }' "$results" | tee -a "$results.summary"
echo "raw figures: $results" >&2
