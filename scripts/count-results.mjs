// Prints the one-line total of `npm test`: "N passed, N failed, N skipped".
// Usage: node scripts/count-results.mjs STEP...
//   STEP = vitest:<name>:<json file>:<exit code> | playwright:<name>:<json file>:<exit code>
//        | step:<name>:<exit code>          (a check without tests: lint, typecheck, build)
// A test step whose JSON is missing or unreadable counts as 1 failed; so does a step that exited
// non-zero while its report shows no failure (a crash after the tests, an unhandled error), and a
// plain step that failed. Steps without tests that passed add nothing.
import { readFileSync } from "node:fs";

const totals = { passed: 0, failed: 0, skipped: 0 };
const notes = [];

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

function countVitest(report) {
  const failedTests = report.numFailedTests ?? 0;
  // A file that failed to load has no failed test but a failed suite.
  const brokenFiles = failedTests === 0 ? (report.numFailedTestSuites ?? 0) : 0;
  return {
    passed: report.numPassedTests ?? 0,
    failed: failedTests + brokenFiles,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

function countPlaywright(report) {
  const s = report.stats ?? {};
  const unexpected = s.unexpected ?? 0;
  // Global errors (web server did not start, a spec failed to load) leave no test results.
  const errors = unexpected === 0 ? (report.errors?.length ?? 0) : 0;
  return {
    passed: (s.expected ?? 0) + (s.flaky ?? 0),
    failed: unexpected + errors,
    skipped: s.skipped ?? 0,
  };
}

for (const arg of process.argv.slice(2)) {
  const parts = arg.split(":");
  const kind = parts[0];
  const name = parts[1];
  const code = Number(parts.at(-1));
  if (kind === "step") {
    if (code !== 0) {
      totals.failed += 1;
      notes.push(`${name}: failed (exit ${code})`);
    } else {
      notes.push(`${name}: ok`);
    }
    continue;
  }
  const file = parts.slice(2, -1).join(":");
  const report = readJson(file);
  if (!report) {
    totals.failed += 1;
    notes.push(`${name}: no report at ${file} (exit ${code}), counted as 1 failed`);
    continue;
  }
  const counted = kind === "playwright" ? countPlaywright(report) : countVitest(report);
  if (code !== 0 && counted.failed === 0) counted.failed = 1;
  totals.passed += counted.passed;
  totals.failed += counted.failed;
  totals.skipped += counted.skipped;
  notes.push(
    `${name}: ${counted.passed} passed, ${counted.failed} failed, ${counted.skipped} skipped (exit ${code})`,
  );
}

for (const note of notes) console.log(`  ${note}`);
const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : "";
console.log(`${totals.passed} passed, ${totals.failed} failed${skipped}`);
