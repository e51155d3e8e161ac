#!/usr/bin/env bash
# `npm test`: every check of the project. Runs each step even when an earlier one fails, then
# prints one final line "N passed, N failed[, N skipped]" and exits non-zero if anything failed.
#   lint, typecheck (app, and sst.config.ts against SST's platform types) -> vitest (unit + integration) on PGlite -> integration on PostgreSQL (when
#   TEST_DATABASE_URL is set or a server answers on 127.0.0.1:5432) -> next build -> Playwright
#   -> OpenNext build of the AWS server function -> its handler invoked (npm run test:aws).
set -euo pipefail
cd "$(dirname "$0")/.."

export NEXT_TELEMETRY_DISABLED=1 SST_TELEMETRY_DISABLED=1 AWS_EC2_METADATA_DISABLED=true
# Test-only secret for the build and the test runs; never used by a real deployment.
TEST_ONLY_AUTH_SECRET="test-only-build-secret-not-for-deployments-0123456789"

mkdir -p test-results
rm -f test-results/vitest-*.json test-results/e2e.json test-results/summary.txt

steps=()     # arguments for scripts/count-results.mjs
failed=0

# run NAME COMMAND...: runs a step, remembers its exit code, never stops the script.
run() {
  local name=$1
  shift
  echo
  echo "==> ${name}: $*"
  local code=0
  "$@" || code=$?
  if [ "$code" -ne 0 ]; then
    echo "==> ${name}: FAILED (exit ${code})"
    failed=1
  fi
  last_code=$code
}

vitest_json() { echo "--reporter=default --reporter=json --outputFile=test-results/vitest-$1.json"; }

run lint npm run --silent lint
steps+=("step:lint:${last_code}")

run typecheck npm run --silent typecheck
steps+=("step:typecheck:${last_code}")

# The SST stack against the pinned SST's platform types (`sst install` into .sst/platform).
run typecheck-sst npm run --silent typecheck:sst
steps+=("step:typecheck-sst:${last_code}")

# The GitHub Actions workflows against the workflow schema (action-validator, from npm).
run workflows npm run --silent lint:workflows
steps+=("step:workflows:${last_code}")

# Layer rules between lib/ features, db/, components and pages (dependency-cruiser, docs/ARCHITECTURE.md).
run deps npm run --silent lint:deps
steps+=("step:deps:${last_code}")

# Unit + integration on the embedded database (never a DATABASE_URL from the shell).
# shellcheck disable=SC2046
run vitest-pglite env -u DATABASE_URL npx vitest run $(vitest_json pglite)
steps+=("vitest:vitest-pglite:test-results/vitest-pglite.json:${last_code}")

# Integration on PostgreSQL: TEST_DATABASE_URL as given, or a fresh throwaway database on the
# local server, dropped again on exit.
pg_url=""
pg_temp_db=""
drop_temp_db() {
  if [ -n "$pg_temp_db" ]; then
    psql -h 127.0.0.1 -U postgres -d postgres -qAt -c "drop database if exists ${pg_temp_db} with (force)" \
      >/dev/null 2>&1 || true
    pg_temp_db=""
  fi
}
trap drop_temp_db EXIT

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  pg_url=$TEST_DATABASE_URL
elif command -v psql >/dev/null 2>&1 &&
  psql -h 127.0.0.1 -U postgres -d postgres -qAt -c "select 1" >/dev/null 2>&1; then
  pg_temp_db="snapgram_test_$(date +%s)_${RANDOM}"
  if psql -h 127.0.0.1 -U postgres -d postgres -qAt -v ON_ERROR_STOP=1 \
    -c "create database ${pg_temp_db}" >/dev/null; then
    pg_url="postgres://postgres@127.0.0.1:5432/${pg_temp_db}"
  else
    echo "==> vitest-postgres: could not create database ${pg_temp_db}"
    pg_temp_db=""
    failed=1
    steps+=("step:vitest-postgres-createdb:1")
  fi
else
  echo
  echo "==> vitest-postgres: skipped (no TEST_DATABASE_URL and no PostgreSQL on 127.0.0.1:5432)"
fi
if [ -n "$pg_url" ]; then
  # shellcheck disable=SC2046
  run vitest-postgres env DATABASE_URL="$pg_url" npx vitest run --project integration \
    $(vitest_json postgres)
  steps+=("vitest:vitest-postgres:test-results/vitest-postgres.json:${last_code}")
  drop_temp_db
fi

run build env -u DATABASE_URL AUTH_SECRET="$TEST_ONLY_AUTH_SECRET" npx next build
build_code=$last_code
steps+=("step:build:${build_code}")

if [ "$build_code" -eq 0 ]; then
  run e2e npx playwright test
  steps+=("playwright:e2e:test-results/e2e.json:${last_code}")
else
  echo
  echo "==> e2e: not run, the build failed"
  steps+=("playwright:e2e:test-results/e2e.json:1")
fi

# The AWS server function (OpenNext): built after the e2e run, because OpenNext rebuilds .next in
# standalone mode; then its handler is invoked outside the repository against a fresh PostgreSQL
# database that scripts/test-aws.ts creates and drops on the same server as above
# (TEST_DATABASE_URL's server, or postgres@127.0.0.1:5432). Skipped without PostgreSQL.
run build-aws env -u DATABASE_URL npm run --silent build:aws
steps+=("step:build-aws:${last_code}")
if [ "$last_code" -ne 0 ]; then
  echo
  echo "==> test-aws: not run, build:aws failed"
  steps+=("step:aws:1")
elif [ -n "${TEST_DATABASE_URL:-}" ] || { command -v psql >/dev/null 2>&1 &&
  psql -h 127.0.0.1 -U postgres -d postgres -qAt -c "select 1" >/dev/null 2>&1; }; then
  run test-aws env -u DATABASE_URL npm run --silent test:aws
  steps+=("step:aws:${last_code}")
else
  echo
  echo "==> test-aws: skipped (no TEST_DATABASE_URL and no PostgreSQL on 127.0.0.1:5432)"
fi

echo
echo "==> summary"
node scripts/count-results.mjs "${steps[@]}" | tee test-results/summary-full.txt
tail -n 1 test-results/summary-full.txt >test-results/summary.txt
exit "$failed"
