#!/usr/bin/env bash
# The regional network at scale: RESPONSES responses (default 1 000 000, about 47 million answers)
# of 20 schools over 5 school years, each school in its own SQLite file, pushed into PostgreSQL;
# side by side with psql \copy of the same rows into the same tables, and the network aggregate
# against a hand-written GROUP BY over the same data. Not part of CI (see bench/README.md).
#
#   bench/network/run.sh                 # 1 000 000 responses
#   RESPONSES=100000 bench/network/run.sh
#
# Needs Java 17+, Maven, GNU time, sqlite3 and Debian's PostgreSQL (the script starts a throw-away
# server with .ci/postgres.sh unless BENCH_PG names one, as MVOSCAN_TEST_PG would).
# Environment: BENCH_DIR (default target/bench-network), RESPONSES, SCHOOLS (20), MVOSCAN, and with
# BENCH_PG the postmaster's process id BENCH_PG_PID (head -1 DATADIR/postmaster.pid) to measure the
# server's CPU too.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
RESPONSES=${RESPONSES:-1000000}
SCHOOLS=${SCHOOLS:-20}
W=${BENCH_DIR:-$root/target/bench-network}/$RESPONSES
MVOSCAN=${MVOSCAN:-$root/mvoscan}
results="$W/results.txt"
mkdir -p "$W"
: >"$results"

[ -f target/mvoscan.jar ] || mvn -q -B -DskipTests package

if [ -z "${BENCH_PG:-}" ]; then
  . .ci/postgres.sh
  trap postgres_stop EXIT
  postgres_start
  BENCH_PG="$MVOSCAN_TEST_PG"
  BENCH_PG_PID=$(head -1 "$MVOSCAN_PG_DIR/data/postmaster.pid")
fi
server=${BENCH_PG%%\?*}
server=${server%/*}
query=${BENCH_PG#*\?}
push_db="$server/bench_push?$query"
copy_db="$server/bench_copy?$query"

# psql reads the same address (libpq understands postgresql:// URIs) and the same password file
sql() { psql -X -q -v ON_ERROR_STOP=1 "$1" "${@:2}"; }

# The server's CPU: a backend's CPU time is added to the postmaster's children's times when it ends
# (/proc/PID/stat, fields 16 and 17), so the postmaster's before and after a command give what the
# server spent on it (with whatever autovacuum did meanwhile). BENCH_PG_PID names the postmaster of
# a server given by BENCH_PG; without it the server's CPU is not measured (shown as 0).
server_ticks() {
  [ -n "${BENCH_PG_PID:-}" ] || { echo 0; return; }
  sleep 0.3 # the postmaster reaps an ended backend at once, but not within the same instant
  awk '{ print $16 + $17 }' "/proc/$BENCH_PG_PID/stat"
}

timed() { # timed NAME COMMAND...: wall seconds, peak memory (kB), user and system CPU seconds of
  # one process, and the server's CPU seconds for it
  local name=$1 before after
  shift
  before=$(server_ticks)
  /usr/bin/time -f "%e %M %U %S" -o "$W/time.$$" "$@" >"$W/$name.log" 2>&1 || { cat "$W/$name.log" >&2; return 1; }
  after=$(server_ticks)
  read -r secs kb user sys <"$W/time.$$"
  echo "$name $secs $kb $user $sys $(echo "scale=2; ($after - $before) / $(getconf CLK_TCK)" | bc)" |
    tee -a "$results"
}

# 1. the schools' own databases: deterministic answers, school s in school year 2022+(s-1)%5
if [ ! -f "$W/schools.done" ]; then
  rm -rf "$W/csv" "$W/schools"
  java -cp target/mvoscan.jar bench/GenerateClassCsv.java --out "$W/gen" --responses "$RESPONSES" >/dev/null
  mkdir -p "$W/schools"
  files=("$W"/gen/csv/klas-*.csv)
  for s in $(seq 1 "$SCHOOLS"); do
    offset=$(((s - 1) % 5))
    dir="$W/csv/school-$s"
    mkdir -p "$dir"
    for ((f = s - 1; f < ${#files[@]}; f += SCHOOLS)); do
      # the generator dates every answer in 2026-2027; each school gets its own year
      sed -e "s/-2026;/-$((2022 + offset));/" -e "s/-2027;/-$((2023 + offset));/" \
        "${files[$f]}" >"$dir/$(basename "${files[$f]}")"
    done
    "$MVOSCAN" import --db "$W/schools/school-$s.db" "$dir" >/dev/null
    "$MVOSCAN" keys init --db "$W/schools/school-$s.db" >/dev/null
  done
  touch "$W/schools.done"
fi

# 2. push every school into a new regional database
sql "$server/postgres?$query" -c "DROP DATABASE IF EXISTS bench_push WITH (FORCE)" -c "CREATE DATABASE bench_push"
"$MVOSCAN" responses --db "$push_db" >/dev/null # the owner's first open makes the schema
start=$(date +%s.%N)
peak=0
cpu=0
server_cpu=0
for s in $(seq 1 "$SCHOOLS"); do
  timed "push-school-$s" "$MVOSCAN" push --db "$W/schools/school-$s.db" --to "$push_db" --school "School $s"
  read -r _ _ kb user sys server_s < <(tail -1 "$results")
  [ "$kb" -gt "$peak" ] && peak=$kb
  cpu=$(echo "$cpu + $user + $sys" | bc)
  server_cpu=$(echo "$server_cpu + $server_s" | bc)
done
push_secs=$(echo "$(date +%s.%N) - $start" | bc)
echo "push-total $push_secs $peak $cpu 0 $server_cpu" | tee -a "$results"
# "rows": the rows of the base tables a push fills, response + answer + theme_score + respondent.
# Since schema 6 a response's question and lens figures are packed into two columns of its row, and
# question_score and lens_score are views that unpack them (migration 006): they hold no rows of
# their own, so they count no more here, and the figures of runs before schema 6 (which counted
# their rows, about 270 per response) are not comparable in rows per second.
rows=$(sql "$push_db" -At -c "SELECT (SELECT count(*) FROM response) + (SELECT count(*) FROM answer)
  + (SELECT count(*) FROM theme_score) + (SELECT count(*) FROM respondent)")
echo "rows $rows" | tee -a "$results"

# 3. the same rows with psql \copy into the same tables of a new database: the base tables only (the
# views question_score and lens_score read their rows from response's packed columns, and a view
# can be neither copied from with \copy TABLE nor copied into)
mkdir -p "$W/copy"
tables=(school scan company respondent response answer theme_score)
for t in "${tables[@]}"; do
  sql "$push_db" -c "\\copy $t TO '$W/copy/$t.csv' WITH (FORMAT csv)"
done
sql "$server/postgres?$query" -c "DROP DATABASE IF EXISTS bench_copy WITH (FORCE)" -c "CREATE DATABASE bench_copy"
"$MVOSCAN" responses --db "$copy_db" >/dev/null
{
  for t in "${tables[@]}"; do echo "\\copy $t FROM '$W/copy/$t.csv' WITH (FORMAT csv)"; done
} >"$W/copy.sql"
timed copy-total psql -X -q -v ON_ERROR_STOP=1 "$copy_db" -f "$W/copy.sql"

# 4. network aggregate by sector vs the same figures in one hand-written GROUP BY
sql "$push_db" -c "ANALYZE"
timed aggregate-mvoscan "$MVOSCAN" aggregate --db "$push_db" --by sector --json
cat >"$W/aggregate.sql" <<'SQL'
-- per sector (the answered profile question "sector", else the company's sector): responses,
-- schools, the mean overall score over the scored ones, small groups suppressed as mvoscan does
WITH r AS (
  SELECT r.id, r.school_id, r.status, r.exact_score, r.score,
         coalesce(trim(both '"' from a.value), lower(c.sector)) AS sector
  FROM response r
  LEFT JOIN answer a ON a.response_id = r.id AND a.question_id = 'sector' AND a.hidden = 0
  LEFT JOIN company c ON c.id = r.company_id)
SELECT sector, count(*) AS n, count(DISTINCT school_id) AS schools,
       CASE WHEN count(*) < 5 OR count(DISTINCT school_id) < 3 THEN NULL
            ELSE round(avg(score) FILTER (WHERE status = 'scored')::numeric, 1) END AS mean,
       CASE WHEN count(*) < 5 OR count(DISTINCT school_id) < 3 THEN NULL
            ELSE percentile_cont(0.5) WITHIN GROUP (ORDER BY score) FILTER (WHERE status = 'scored') END AS median
FROM r GROUP BY sector ORDER BY sector;
SQL
timed aggregate-sql psql -X -q -v ON_ERROR_STOP=1 "$push_db" -f "$W/aggregate.sql"
# the fair reference: every figure `aggregate --by sector --json` prints, in hand-written SQL: per
# sector n and schools, and over the scored responses (overall) and each theme's scored figures their
# n, mean, median, p25 and p75 (type-7 percentiles as mvoscan's, on the one-decimal scores, half-up
# to one decimal), suppressed as mvoscan does. The percentiles run over the score in tenths, whole
# numbers, so percentile_cont's double arithmetic is exact (the fractions are quarters).
cat >"$W/aggregate-full.sql" <<'SQL'
WITH r AS (
  SELECT r.id, r.school_id, r.status, round(r.score::numeric, 1) AS score,
         coalesce(trim(both '"' from a.value), lower(c.sector)) AS sector
  FROM response r
  LEFT JOIN answer a ON a.response_id = r.id AND a.question_id = 'sector' AND a.hidden = 0
  LEFT JOIN company c ON c.id = r.company_id),
g AS (
  SELECT sector, count(*) AS n, count(DISTINCT school_id) AS schools,
         count(*) < 5 OR count(DISTINCT school_id) < 3 AS suppressed
  FROM r GROUP BY sector),
f AS ( -- the figures: the overall score of each response, and each of its theme scores
  SELECT sector, '' AS figure, score FROM r WHERE status = 'scored'
  UNION ALL
  SELECT r.sector, t.theme_id, round(t.score::numeric, 1)
  FROM r JOIN theme_score t ON t.response_id = r.id WHERE t.status = 'scored'),
s AS (
  SELECT sector, figure, count(*) AS n, round(avg(score), 1) AS mean,
         round(percentile_cont(0.5) WITHIN GROUP (ORDER BY score * 10)::numeric / 10, 1) AS median,
         round(percentile_cont(0.25) WITHIN GROUP (ORDER BY score * 10)::numeric / 10, 1) AS p25,
         round(percentile_cont(0.75) WITHIN GROUP (ORDER BY score * 10)::numeric / 10, 1) AS p75
  FROM f GROUP BY sector, figure)
SELECT g.sector, g.n, g.schools, s.figure, s.n AS scored,
       CASE WHEN g.suppressed THEN NULL ELSE s.mean END AS mean,
       CASE WHEN g.suppressed THEN NULL ELSE s.median END AS median,
       CASE WHEN g.suppressed THEN NULL ELSE s.p25 END AS p25,
       CASE WHEN g.suppressed THEN NULL ELSE s.p75 END AS p75
FROM g LEFT JOIN s ON s.sector IS NOT DISTINCT FROM g.sector
ORDER BY g.sector, s.figure;
SQL
timed aggregate-sql-full psql -X -q -v ON_ERROR_STOP=1 "$push_db" -f "$W/aggregate-full.sql"

awk -v responses="$RESPONSES" '
  $1 == "push-total" { push = $2; peak = $3; pushcpu = $4 + $5; pushsrv = $6 }
  $1 == "copy-total" { copy = $2; copycpu = $4 + $5; copysrv = $6 }
  $1 == "rows" { rows = $2 }
  $1 == "aggregate-mvoscan" { agg = $2; aggkb = $3 }
  $1 == "aggregate-sql" { sqlt = $2 }
  $1 == "aggregate-sql-full" { sqlfull = $2 }
  END {
    printf "\nresponses %d, rows %d\n", responses, rows
    printf "push     %8.1f s  %9.0f rows/s  peak %5.0f MB (largest push process)\n", push, rows / push, peak / 1024
    printf "\\copy    %8.1f s  %9.0f rows/s  ratio push/copy %.2f\n", copy, rows / copy, push / copy
    printf "CPU: push %.1f s + server %.1f s, \\copy psql %.1f s + server %.1f s, ratio %.2f\n",
      pushcpu, pushsrv, copycpu, copysrv, ((copycpu + copysrv) > 0 ? (pushcpu + pushsrv) / (copycpu + copysrv) : 0)
    printf "aggregate --by sector %7.1f s (peak %5.0f MB), GROUP BY %7.1f s, ratio %.2f\n", agg, aggkb / 1024, sqlt, agg / sqlt
    printf "  against the SQL of every figure it prints (aggregate-full.sql) %7.1f s, ratio %.2f\n", sqlfull, (sqlfull > 0 ? agg / sqlfull : 0)
  }' "$results" | tee -a "$results"
