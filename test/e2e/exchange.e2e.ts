import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExportFile } from '@/lib/model/export-file';
import { type DemoServer, startDemoServer } from '../../scripts/demo-server';
import { E2E_EXTENSION_DIR, launchWaymark, type WaymarkBrowser } from '../../scripts/driver/launch';
import { WaymarkDriver } from '../../scripts/driver/waymark';

describe('findings out and in: export, import into another profile, export again', () => {
  let demo: DemoServer;
  let work: string;
  let alice: WaymarkBrowser;
  let bob: WaymarkBrowser;

  beforeAll(async () => {
    demo = await startDemoServer();
    work = await mkdtemp(join(tmpdir(), 'waymark-exchange-'));
    alice = await launchWaymark({ extensionDir: E2E_EXTENSION_DIR, downloadsPath: join(work, 'alice') });
    bob = await launchWaymark({ extensionDir: E2E_EXTENSION_DIR, downloadsPath: join(work, 'bob') });
  });

  afterAll(async () => {
    await alice?.close();
    await bob?.close();
    await demo?.close();
    await rm(work, { recursive: true, force: true });
  });

  it('round-trips a ZIP with screenshots byte for byte, and a second import changes nothing', async () => {
    const a = new WaymarkDriver(alice);
    const shop = await alice.context.newPage();
    await shop.goto(`${demo.origin}/product.html?id=monstera`);
    const popup = await a.openPopup(shop);
    await a.startJourney(popup, 'Monstera <b>bold</b> "quoted"');
    await a.tagElement(popup, shop, '#add-to-cart', { emotion: 2, effort: 1, note: '=HYPERLINK("http://evil")' });
    await shop.goto(`${demo.origin}/cart.html`);
    await popup.reload();
    await a.tagElement(popup, shop, '#delivery-fee', { emotion: -2, effort: 6, note: '<script>alert(1)</script> هزینه' });

    const page = await a.openJourneysPage();
    const zip = await a.exportFrom(page, join(work, 'alice'), 'all', 'zip');
    expect(zip.fileName).toMatch(/\.zip$/);
    const entries = unzipSync(new Uint8Array(zip.bytes));
    const inside = ExportFile.parse(JSON.parse(new TextDecoder().decode(entries['waymark.json'])));
    expect(inside.touchpoints).toHaveLength(2);
    for (const tp of inside.touchpoints) {
      expect(tp.screenshot).not.toBeNull();
      expect(entries[tp.screenshot!.path]?.length).toBeGreaterThan(1000);
    }
    const json = await a.exportFrom(page, join(work, 'alice'), 'all', 'json');

    // Bob, in a fresh profile, imports the bundle.
    const b = new WaymarkDriver(bob);
    const bobPage = await b.openJourneysPage();
    const zipPath = join(work, 'alice-bundle.zip');
    await writeFile(zipPath, zip.bytes);
    const first = await b.importInto(bobPage, zipPath);
    expect(first.ok).toBe(true);
    expect(first.text).toMatch(/3 added, 0 updated, 0 unchanged/);
    await bobPage.locator('tbody tr').first().waitFor();
    expect(await bobPage.locator('.wm-title').textContent()).toBe('Monstera <b>bold</b> "quoted"');

    const again = await b.exportFrom(bobPage, join(work, 'bob'), 'all', 'json');
    expect(again.bytes.equals(json.bytes)).toBe(true);
    const zipAgain = await b.exportFrom(bobPage, join(work, 'bob'), 'all', 'zip');
    expect(zipAgain.bytes.equals(zip.bytes)).toBe(true);

    const before = await b.dumpDatabase();
    await bobPage.reload();
    await bobPage.locator('.wm-page[aria-busy="false"]').waitFor();
    const second = await b.importInto(bobPage, zipPath);
    expect(second.text).toMatch(/0 added, 0 updated, 3 unchanged/);
    expect(await b.dumpDatabase()).toBe(before);
  });

  it('rejects every file of the bad-import corpus, and a 60 MB file, with its message; the database never changes', async () => {
    const b = new WaymarkDriver(bob);
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
    const b = new WaymarkDriver(bob);
    const page = await b.openJourneysPage();
    const title = 'Monstera <b>bold</b> "quoted"';
    const csv = (await b.exportFrom(page, join(work, 'bob'), [title], 'csv')).bytes.toString('utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    const mermaid = (await b.exportFrom(page, join(work, 'bob'), [title], 'mermaid')).bytes.toString('utf8');
    expect(mermaid).toMatch(/^journey\n\s*title /);
    const html = (await b.exportFrom(page, join(work, 'bob'), [title], 'html')).bytes.toString('utf8');
    const viewer = await bob.context.newPage();
    await viewer.setContent(html);
    expect(await viewer.locator('script').count()).toBe(0);
    expect(await viewer.locator('body').textContent()).toContain('<script>alert(1)</script>');
    expect(await viewer.locator('img[src^="data:image/webp;base64,"]').count()).toBe(2);
    const annotations = JSON.parse((await b.exportFrom(page, join(work, 'bob'), 'all', 'annotations')).bytes.toString('utf8'));
    expect(JSON.stringify(annotations)).toContain('TextQuoteSelector');
  });
});
