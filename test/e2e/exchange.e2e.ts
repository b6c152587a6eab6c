import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExportFile } from '@/lib/model/export-file';
import { DEFAULT_STUDY_ID } from '@/lib/model/vocabulary';
import { type DemoServer, startDemoServer } from '../../scripts/demo-server';
import { launchChromiumStory } from '../../scripts/driver/chromium-story';
import { launchFirefoxStory } from '../../scripts/driver/firefox-story';
import type { WaymarkStoryDriver } from '../../scripts/driver/story';

const browsers = [
  { browser: 'Chromium', launch: launchChromiumStory },
  { browser: 'Firefox', launch: launchFirefoxStory },
];

describe.each(browsers)('in $browser, findings out and in: export, import into another profile, export again', ({ launch }) => {
  let demo: DemoServer;
  let work: string;
  /** Two researchers, each in a browser of their own with a fresh profile and downloads folder. */
  let a: WaymarkStoryDriver;
  let b: WaymarkStoryDriver;

  beforeAll(async () => {
    demo = await startDemoServer();
    work = await mkdtemp(join(tmpdir(), 'waymark-exchange-'));
    a = await launch();
    b = await launch();
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await demo?.close();
    await rm(work, { recursive: true, force: true });
  });

  it('round-trips a ZIP with screenshots byte for byte, and a second import changes nothing', async () => {
    const shop = await a.openPage(`${demo.origin}/product.html?id=monstera`);
    const popup = await a.openPopup(shop);
    await a.startJourney(popup, 'Monstera <b>bold</b> "quoted"');
    await a.tagElement(popup, shop, '#add-to-cart', { emotion: 2, effort: 1, note: '=HYPERLINK("http://evil")' });
    await shop.goto(`${demo.origin}/cart.html`);
    await popup.reload();
    await a.tagElement(popup, shop, '#delivery-fee', { emotion: -2, effort: 6, note: '<script>alert(1)</script> هزینه' });

    const page = await a.openJourneysPage();
    const zip = await a.exportFrom(page, 'all', 'zip');
    expect(zip.fileName).toMatch(/\.zip$/);
    const entries = unzipSync(new Uint8Array(zip.bytes));
    const inside = ExportFile.parse(JSON.parse(new TextDecoder().decode(entries['waymark.json'])));
    expect(inside.touchpoints).toHaveLength(2);
    for (const tp of inside.touchpoints) {
      expect(tp.screenshot).not.toBeNull();
      expect(entries[tp.screenshot!.path]?.length).toBeGreaterThan(1000);
    }
    const json = await a.exportFrom(page, 'all', 'json');

    // Bob, in a fresh profile, imports the bundle.
    const bobPage = await b.openJourneysPage();
    const zipPath = join(work, 'alice-bundle.zip');
    await writeFile(zipPath, zip.bytes);
    const first = await b.importInto(bobPage, zipPath);
    expect(first.ok).toBe(true);
    // A journey, two touchpoints and what the passive recorder logged on the way are new to Bob;
    // the default study they belong to is the same record in every Waymark, so it is unchanged.
    const records = 3 + inside.interactions.length;
    expect(inside.studies.map((s) => s.id)).toEqual([DEFAULT_STUDY_ID]);
    expect(first.text).toMatch(new RegExp(`${records} added, 0 updated, 1 unchanged`));
    await expect.poll(() => bobPage.count('tbody tr')).toBeGreaterThan(0);
    // One title only (Playwright's `textContent()` was strict about it).
    expect(
      await bobPage.evaluate((sel) => Array.from(document.querySelectorAll(sel), (el) => el.textContent), '.wm-title'),
    ).toEqual(['Monstera <b>bold</b> "quoted"']);

    const again = await b.exportFrom(bobPage, 'all', 'json');
    expect(again.bytes.equals(json.bytes)).toBe(true);
    const zipAgain = await b.exportFrom(bobPage, 'all', 'zip');
    expect(zipAgain.bytes.equals(zip.bytes)).toBe(true);

    const before = await b.dumpDatabase();
    await bobPage.reload();
    const second = await b.importInto(bobPage, zipPath);
    expect(second.text).toMatch(new RegExp(`0 added, 0 updated, ${records + 1} unchanged`));
    expect(await b.dumpDatabase()).toBe(before);
  });

  it('rejects every file of the bad-import corpus, and a 60 MB file, with its message; the database never changes', async () => {
    const page = await b.openJourneysPage();
    const before = await b.dumpDatabase();
    const corpus = 'test/fixtures/bad-imports';
    const expected = JSON.parse(await readFile(join(corpus, 'expected.json'), 'utf8')) as Record<string, { message: string }>;
    const big = join(work, 'big.json');
    await writeFile(big, `{"format":"waymark","notes":"${'x'.repeat(60_000_000)}"}`);
    const cases: [string, string][] = [
      ...Object.entries(expected).map(([name, e]) => [join(corpus, name), e.message] as [string, string]),
      [big, 'up to 50 MB'],
    ];
    expect(cases.length).toBeGreaterThan(30);
    for (const [path, message] of cases) {
      const result = await b.importInto(page, path);
      expect(result.ok, path).toBe(false);
      expect(result.text, path).toContain(basename(path));
      expect(result.text, path).toContain(message);
    }
    expect(await b.dumpDatabase()).toBe(before);
  });

  it('exports CSV, Mermaid, an HTML map and Web Annotations that read back', async () => {
    const page = await b.openJourneysPage();
    const title = 'Monstera <b>bold</b> "quoted"';
    const csv = (await b.exportFrom(page, [title], 'csv')).bytes.toString('utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    const mermaid = (await b.exportFrom(page, [title], 'mermaid')).bytes.toString('utf8');
    expect(mermaid).toMatch(/^journey\n\s*title /);
    const html = (await b.exportFrom(page, [title], 'html')).bytes.toString('utf8');
    const viewer = await b.openHtml(html);
    expect(await viewer.count('script')).toBe(0);
    expect(await viewer.evaluate(() => document.body.textContent, null)).toContain('<script>alert(1)</script>');
    expect(await viewer.count('img[src^="data:image/webp;base64,"]')).toBe(2);
    const annotations = JSON.parse((await b.exportFrom(page, 'all', 'annotations')).bytes.toString('utf8'));
    expect(JSON.stringify(annotations)).toContain('TextQuoteSelector');
  });
});
