/**
 * Runs every `bench/*.bench.ts`, one after another, each in its own tsx
 * process, collects the `BENCH_RESULT <json>` line each prints last (see
 * bench/README.md) and writes bench/results.json with the machine they ran on.
 *
 * Run: npm run bench
 */
import { spawn } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const RESULT_PREFIX = 'BENCH_RESULT ';

/** What a bench reports on its `BENCH_RESULT` line. */
const BenchResult = z.object({
  name: z.string().min(1),
  figures: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()])),
  goal: z.string(),
  met: z.boolean(),
});
type BenchResult = z.infer<typeof BenchResult>;

/** One entry of results.json: the bench's result, or why there is none. */
type Entry = BenchResult & { file: string; error?: string };

/** Runs one bench file, echoing its output, and resolves with its stdout and exit code. */
function runBench(file: string): Promise<{ stdout: string; code: number | null }> {
  const tsx = createRequire(import.meta.url).resolve('tsx/cli');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsx, join(BENCH_DIR, file)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      process.stdout.write(chunk);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout, code }));
  });
}

/** The bench's last `BENCH_RESULT` line, parsed; an entry with `error` when it is missing or malformed. */
function resultOf(file: string, stdout: string, code: number | null): Entry {
  const failed = (error: string): Entry => ({
    file,
    name: file.replace(/\.bench\.ts$/, ''),
    figures: {},
    goal: '',
    met: false,
    error,
  });
  const line = stdout
    .split('\n')
    .reverse()
    .find((l) => l.startsWith(RESULT_PREFIX));
  if (code !== 0) return failed(`exited with code ${code}`);
  if (!line) return failed(`printed no ${RESULT_PREFIX.trim()} line`);
  try {
    const parsed = BenchResult.safeParse(JSON.parse(line.slice(RESULT_PREFIX.length)));
    return parsed.success ? { file, ...parsed.data } : failed(`malformed result: ${z.prettifyError(parsed.error)}`);
  } catch (error) {
    return failed(`result is not JSON: ${String(error)}`);
  }
}

function machine() {
  const cpus = os.cpus();
  return {
    node: process.version,
    cpus: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGB: Number((os.totalmem() / 1024 ** 3).toFixed(1)),
    platform: `${os.platform()} ${os.arch()}`,
  };
}

function printTable(entries: readonly Entry[]): void {
  console.log('\nBench results');
  for (const entry of entries) {
    const verdict = entry.error ? `ERROR: ${entry.error}` : `${entry.met ? 'met' : 'MISSED'} (goal ${entry.goal})`;
    console.log(`\n  ${entry.name.padEnd(20)} ${verdict}`);
    for (const [key, value] of Object.entries(entry.figures)) console.log(`    ${key.padEnd(40)} ${value}`);
  }
}

async function main(): Promise<void> {
  const files = readdirSync(BENCH_DIR)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort();
  const entries: Entry[] = [];
  for (const file of files) {
    console.log(`\n=== ${file}`);
    const { stdout, code } = await runBench(file);
    entries.push(resultOf(file, stdout, code));
  }
  const results = { machine: machine(), date: new Date().toISOString(), results: entries };
  writeFileSync(join(BENCH_DIR, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  printTable(entries);
  console.log(`\nwrote bench/results.json (${entries.length} benches)`);
  // A missed goal is a figure, not a failure; a bench that crashed or reported nothing is.
  if (entries.some((e) => e.error)) process.exitCode = 1;
}

await main();
