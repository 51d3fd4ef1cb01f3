#!/usr/bin/env bash
# After the tests: fail when any PostgreSQL test was skipped, or when none ran on PostgreSQL.
# The tests already fail instead of skipping while MVOSCAN_TEST_PG is set; this is the second
# lock, so that a change to them cannot quietly turn the server tests off.
set -euo pipefail
reports="${1:-target/surefire-reports}"
skipped="$(grep -l 'PostgreSQL test skipped' "$reports"/*.xml 2>/dev/null || true)"
if [ -n "$skipped" ]; then
  echo "postgres: PostgreSQL tests were skipped in: $skipped" >&2
  exit 1
fi
ran="$(cat "$reports"/*.xml | grep -c 'testcase name="[^"]*\[2\]"' || true)"
if [ "${ran:-0}" -eq 0 ]; then
  echo "postgres: no test ran on PostgreSQL" >&2
  exit 1
fi
echo "postgres: $ran parameterised test cases ran on the second backend, none skipped"
