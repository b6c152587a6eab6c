import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT, main } from '@/cli/waymark';
import { buildExportFile, serializeExportFile } from '@/lib/exchange/export-json';
import { ExportFile } from '@/lib/model/export-file';
import { journeyFixture, touchpointFixture } from '../fixtures/records';

const run = promisify(execFile);
let dir: string;
const path = (name: string) => join(dir, name);

function exportWith(title: string, note: string, updatedAt: string): string {
  const file = buildExportFile({
    journeys: [journeyFixture({ title, updatedAt })],
    touchpoints: [touchpointFixture({ note, updatedAt })],
    generator: 'test',
    emptyExportedAt: updatedAt,
  });
  return serializeExportFile(file);
}

async function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'waymark-cli-'));
  await writeFile(path('a.json'), exportWith('Old title', 'old note', '2026-11-25T10:00:00.000Z'));
  await writeFile(path('b.json'), exportWith('New title', 'new note', '2026-11-25T11:00:00.000Z'));
  await writeFile(path('bad.json'), '{"format":"waymark","schemaVersion":2,"journeys":[],"touchpoints":[{"emotion":9}]}');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('waymark CLI', () => {
  it('validates good files with exit 0 and bad ones with exit 1 and the problem', async () => {
    expect(await cli('validate', path('a.json'))).toMatchObject({
      code: EXIT.ok,
      stdout: expect.stringContaining('valid (1 journeys, 1 touchpoints)'),
    });
    const bad = await cli('validate', path('a.json'), path('bad.json'));
    expect(bad.code).toBe(EXIT.invalid);
    expect(bad.stderr).toContain('bad.json');
    expect(bad.stderr).toMatch(/touchpoints|tombstones|exportedAt/);
  });

  it('merges in any order to the same bytes, newer edits winning', async () => {
    expect((await cli('merge', path('a.json'), path('b.json'), '-o', path('ab.json'))).code).toBe(EXIT.ok);
    expect((await cli('merge', path('b.json'), path('a.json'), '-o', path('ba.json'))).code).toBe(EXIT.ok);
    const ab = await readFile(path('ab.json'), 'utf8');
    expect(ab).toBe(await readFile(path('ba.json'), 'utf8'));
    const merged = ExportFile.parse(JSON.parse(ab));
    expect(merged.journeys[0]?.title).toBe('New title');
    expect(merged.touchpoints[0]?.note).toBe('new note');
  });

  it.each([
    ['csv', /^\uFEFFjourney_id/],
    ['mermaid', /^journey\n/],
    ['html', /^<!doctype html>/i],
    ['annotations', /AnnotationCollection/],
    ['json', /"format": "waymark"/],
  ])('exports %s to stdout', async (format, expected) => {
    const result = await cli('export', path('b.json'), '--format', format);
    expect(result.code).toBe(EXIT.ok);
    expect(result.stdout).toMatch(expected);
  });

  it.each([
    [[], EXIT.usage],
    [['frobnicate', 'x.json'], EXIT.usage],
    [['export', 'x.json'], EXIT.usage],
    [['export', 'x.json', '--format', 'pdf', '--bogus'], EXIT.usage],
    [['merge'], EXIT.usage],
    [['--help'], EXIT.ok],
  ])('answers %j with exit %i', async (args, code) => {
    expect((await cli(...(args as string[]))).code).toBe(code);
  });

  it('reports a missing file as invalid input, not a crash', async () => {
    const result = await cli('validate', path('nope.json'));
    expect(result.code).toBe(EXIT.invalid);
    expect(result.stderr).toContain('nope.json');
  });

  it('runs as `npx waymark` (bin/waymark.mjs) with the exit code in the process status', async () => {
    const ok = await run('node', ['bin/waymark.mjs', 'validate', path('a.json')]);
    expect(ok.stdout).toContain('valid');
    await expect(run('node', ['bin/waymark.mjs', 'validate', path('bad.json')])).rejects.toMatchObject({ code: 1 });
  }, 30_000);
});
