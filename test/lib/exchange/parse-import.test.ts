import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { serializeExportFile } from '@/lib/exchange/export-json';
import { MAX_PROBLEMS_SHOWN, parseImport } from '@/lib/exchange/parse-import';
import { ExportFile, SCHEMA_VERSION } from '@/lib/model/export-file';
import { DEFAULT_STUDY_ID } from '@/lib/model/vocabulary';

const fixtures = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const badDir = join(fixtures, 'bad-imports');
const goodDir = join(fixtures, 'good-imports');

/** A file's text as the browser gives it (`File.text()`): UTF-8, byte order mark dropped, bad bytes replaced. */
const readAsBrowser = (path: string) => new TextDecoder().decode(readFileSync(path));

const expected = JSON.parse(readFileSync(join(badDir, 'expected.json'), 'utf8')) as Record<
  string,
  { message: string; path?: string }
>;
const badFiles = readdirSync(badDir)
  .filter((name) => name !== 'expected.json')
  .sort();
const goodFiles = readdirSync(goodDir).sort();
const failure = (input: string, maxBytes?: number) => {
  const result = parseImport(input, { maxBytes });
  if (result.ok) throw new Error('expected the import to be refused');
  return result.problems;
};

describe('parseImport: bad files', () => {
  it('has an expectation for every bad file and a file for every expectation', () => {
    expect(badFiles.length).toBeGreaterThanOrEqual(30);
    expect(Object.keys(expected).sort()).toEqual(badFiles);
  });

  it.each(badFiles)('refuses %s and says why', (name) => {
    const problems = failure(readAsBrowser(join(badDir, name)));
    const want = expected[name]!;
    expect(problems[0]?.message).toContain(want.message);
    if (want.path !== undefined) expect(problems[0]?.path).toBe(want.path);
  });

  it('lists the first five problems and counts the rest', () => {
    const problems = failure(readAsBrowser(join(badDir, 'many-problems.json')));
    expect(problems).toHaveLength(MAX_PROBLEMS_SHOWN + 1);
    expect(problems.at(-1)).toEqual({ path: '', message: '…and 3 more problems' });
  });

  it('never lets a __proto__ key reach an object prototype', () => {
    failure(readAsBrowser(join(badDir, 'proto-key.json')));
    failure(readAsBrowser(join(badDir, 'constructor-key.json')));
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('isAdmin');
  });

  it('gives the line and column of a syntax error when the engine tells the position', () => {
    const [problem] = failure('{\n  "format": "waymark",\n  "schemaVersion": 2,\n}\n');
    expect(problem?.message).toMatch(/not valid JSON( \(line 4, column 1\))?/);
  });
});

describe('parseImport: size', () => {
  it('refuses a file over 50 MB before parsing it, saying its size and the limit', () => {
    const [problem] = failure(`"${'x'.repeat(50_000_000)}"`);
    expect(problem).toEqual({ path: '', message: 'This file is 50.1 MB; Waymark imports files up to 50 MB.' });
  });

  it('measures UTF-8 bytes, not characters', () => {
    const [problem] = failure(`"${'é'.repeat(25_000_001)}"`); // 25,000,003 characters, 50,000,004 bytes
    expect(problem?.message).toMatch(/^This file is 50\.1 MB/);
  });

  it('takes a smaller limit', () => {
    const text = readAsBrowser(join(goodDir, 'v2-with-tombstones.json')); // its page titles have an en dash: 3 bytes
    const bytes = new TextEncoder().encode(text).length;
    expect(bytes).toBeGreaterThan(text.length);
    expect(parseImport(text, { maxBytes: bytes }).ok).toBe(true);
    const [problem] = failure(text, bytes - 1);
    expect(bytes).toBe(2674);
    expect(problem).toEqual({ path: '', message: 'This file is 2,674 bytes; Waymark imports files up to 2,673 bytes.' });
  });
});

describe('parseImport: good files', () => {
  it.each(goodFiles)('imports %s', (name) => {
    const result = parseImport(readAsBrowser(join(goodDir, name)));
    expect(result.ok && ExportFile.safeParse(result.file).success).toBe(true);
  });

  it('migrates a version 1 file to a current file', () => {
    const result = parseImport(readAsBrowser(join(goodDir, 'v1-migrates.json')));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.migratedFrom).toBe(1);
    expect(ExportFile.parse(result.file)).toEqual(result.file);
    expect(result.file).toMatchObject({
      schemaVersion: SCHEMA_VERSION,
      tombstones: [],
      interactions: [],
      exportedAt: '2026-11-25T10:04:00.000Z',
    });
    expect(result.file.journeys.map((j) => [j.author, j.notes])).toEqual([['', '']]);
    expect(result.file.touchpoints.map((tp) => [tp.author, tp.screenshot])).toEqual([
      ['', null],
      ['', null],
    ]);
  });

  it('keeps HTML, script and any script or direction of text as data', () => {
    const text = readAsBrowser(join(goodDir, 'script-rtl-cjk.json'));
    const result = parseImport(text);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.file.touchpoints[0]?.note).toContain('<script>alert(1)</script>');
    expect(result.file.touchpoints[0]?.tags).toContain('__proto__');
    expect(result.file.journeys[0]?.notes).toContain('خرید بلیط');
    expect(serializeExportFile(result.file)).toBe(text);
  });

  it('reads a file that still has its UTF-8 byte order mark', () => {
    const text = readFileSync(join(goodDir, 'utf8-bom.json'), 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(parseImport(text).ok).toBe(true);
  });

  it('migrates a version 2 file, keeping its tombstones', () => {
    const result = parseImport(readAsBrowser(join(goodDir, 'v2-with-tombstones.json')));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.migratedFrom).toBe(2);
    expect(result.file.tombstones.length).toBeGreaterThan(0);
    expect(result.file.touchpoints.every((tp) => tp.channel === 'web-desktop' && tp.stage === '')).toBe(true);
  });

  it('migrates a version 3 file into the default study, keeping its interactions', () => {
    const result = parseImport(readAsBrowser(join(goodDir, 'v3-with-interactions.json')));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.migratedFrom).toBe(3);
    expect(result.file.studies).toEqual([]);
    expect(result.file.journeys.map((j) => [j.studyId, j.siteId, j.answers])).toEqual([[DEFAULT_STUDY_ID, 'brand', []]]);
    expect(result.file.touchpoints.every((tp) => tp.owner === null)).toBe(true);
    expect(result.file.interactions.map((i) => [i.kind, i.durationMs, i.httpStatus])).toEqual([
      ['long-wait', 7412.5, null],
      ['http-error', null, 503],
    ]);
  });

  it('returns current files as written, without migratedFrom', () => {
    const text = readAsBrowser(join(goodDir, 'v4-with-studies.json'));
    const result = parseImport(text);
    expect(result).not.toHaveProperty('migratedFrom');
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.file.studies.map((s) => [s.name, s.script?.length, s.competitors.length])).toEqual([
      ['Checkout, three shops', 2, 1],
    ]);
    expect(result.file.journeys[0]?.answers.map((a) => [a.value, a.skipped])).toEqual([
      [true, false],
      [null, true],
    ]);
    expect(result.file.touchpoints[0]?.owner).toBe('brand');
    expect(serializeExportFile(result.file)).toBe(text);
  });
});
