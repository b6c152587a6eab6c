import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { findChromium, findFirefox } from './find-browser';

/**
 * `npm test`: every check, in order, then one closing line
 * `tests: N passed, N failed` counted from the test runners' JSON reports.
 * A failed step (typecheck, lint, build) is reported and fails the run; steps
 * after it still run where they can, so one report shows everything.
 */

const REPORTS = 'test-results';
const failedSteps: string[] = [];

function run(name: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  if (!ok) failedSteps.push(name);
  return ok;
}

function counts(report: string): { passed: number; failed: number } {
  try {
    const json = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number };
    return { passed: json.numPassedTests, failed: json.numFailedTests };
  } catch {
    return { passed: 0, failed: 0 };
  }
}

function vitest(name: string, config: string[], report: string): void {
  const ran = run(name, 'npx', [
    'vitest',
    'run',
    ...config,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  const { passed, failed } = counts(report);
  // A runner that crashed before writing its report still counts as a failure.
  if (!ran && failed === 0 && passed === 0) failedSteps.push(`${name} (no report)`);
}

rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });

run('typecheck', 'npx', ['tsc', '--noEmit', '-p', '.']);
run('lint', 'npx', ['biome', 'check', '.']);
vitest('unit tests', [], `${REPORTS}/unit.json`);
if (run('build (Chrome)', 'npx', ['wxt', 'build'])) {
  // Bundle budgets read the product build just made (.output/chrome-mv3).
  vitest('bundle budgets', ['-c', 'vitest.build.config.ts'], `${REPORTS}/build.json`);
}
if (run('build (Firefox)', 'npx', ['wxt', 'build', '-b', 'firefox'])) {
  // AMO's own checks (no --self-hosted: the add-on is meant for addons.mozilla.org);
  // errors fail the run, warnings are printed.
  run('web-ext lint (Firefox)', 'npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv2', '--no-config-discovery']);
}
const e2eBuilt = run('build (e2e)', 'npx', ['wxt', 'build', '--mode', 'e2e']);
// The Firefox half of the cross-browser stories fails on its own if this build does.
run('build (Firefox e2e)', 'npx', ['wxt', 'build', '-b', 'firefox', '--mode', 'e2e']);
if (e2eBuilt) {
  findChromium(); // installs Debian's chromium when missing and allowed
  findFirefox(); // the same for Debian's firefox-esr
  vitest('e2e tests', ['-c', 'vitest.e2e.config.ts'], `${REPORTS}/e2e.json`);
}

const unit = counts(`${REPORTS}/unit.json`);
const build = counts(`${REPORTS}/build.json`);
const e2e = counts(`${REPORTS}/e2e.json`);
console.log(
  `\nunit: ${unit.passed} passed, ${unit.failed} failed · build: ${build.passed} passed, ${build.failed} failed · e2e: ${e2e.passed} passed, ${e2e.failed} failed`,
);
if (failedSteps.length > 0) console.log(`failed steps: ${failedSteps.join(', ')}`);
console.log(`tests: ${unit.passed + build.passed + e2e.passed} passed, ${unit.failed + build.failed + e2e.failed} failed`);
process.exitCode = failedSteps.length > 0 ? 1 : 0;
