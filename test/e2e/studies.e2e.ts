import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExportFile } from '@/lib/model/export-file';
import { type DemoServer, startDemoServer } from '../../scripts/demo-server';
import { E2E_EXTENSION_DIR, launchWaymark } from '../../scripts/driver/launch';
import { seriousAxeViolations } from '../../scripts/driver/page-checks';
import { fillNewStudy, saveStudyForm } from '../../scripts/driver/studies';
import { WaymarkDriver } from '../../scripts/driver/waymark';

describe('in Chromium, a researcher sets up a study and runs it on a competitor', () => {
  let demo: DemoServer;
  let waymark: WaymarkDriver;
  let downloads: string;

  beforeAll(async () => {
    demo = await startDemoServer();
    downloads = await mkdtemp(join(tmpdir(), 'waymark-studies-'));
    waymark = new WaymarkDriver(await launchWaymark({ extensionDir: E2E_EXTENSION_DIR, downloadsPath: downloads }));
  });

  afterAll(async () => {
    await waymark?.browser.close();
    await demo?.close();
    if (downloads) await rm(downloads, { recursive: true, force: true });
  });

  it('creates a study with a script, starts a journey on the competitor, and exports both', async () => {
    const { context } = waymark.browser;
    const competitorHost = new URL(demo.origin).hostname;

    // On the journeys page: a new study, with one domain typed wrong first.
    const journeys = await waymark.openJourneysPage();
    await journeys.locator('[data-panel="studies"] [data-study]').first().waitFor();
    expect(await journeys.locator('[data-panel="studies"] [data-study]').count()).toBe(1);
    await fillNewStudy(journeys, {
      name: 'Houseplants 2026',
      goal: 'Buy a Monstera and have it delivered',
      brand: { name: 'Green Shop', domains: 'https://www.Green-Shop.example/, facebook.com/greenshop' },
      competitors: [{ name: 'Demo shop', domains: competitorHost }],
      steps: [
        { title: 'Find the price', lookFor: 'Price shown before the cart', kind: 'yesno' },
        { title: 'Time to checkout', lookFor: 'Seconds from product to payment', kind: 'number', unit: 's' },
      ],
    });
    await journeys.locator('.wm-study-form [data-action="save-study"]').click();
    const problem = journeys.locator('.wm-study-form .wm-notice[data-kind="error"]');
    expect(await problem.textContent()).toContain('facebook.com/greenshop');
    await journeys.locator('textarea[name="brand-domains"]').fill('https://www.Green-Shop.example/\nshop.green-shop.example');
    expect(await saveStudyForm(journeys)).toEqual({ kind: 'info', text: 'Study saved.' });
    await expect.poll(() => journeys.locator('[data-panel="studies"] [data-study]').count()).toBe(2);
    expect(await seriousAxeViolations(journeys)).toEqual([]);
    // The default study can be edited but never deleted.
    await journeys.locator('[data-panel="studies"] [data-study]').first().locator('[data-action="edit-study"]').click();
    await journeys.locator('.wm-study-form input[name="name"]').waitFor();
    expect(await journeys.locator('.wm-study-form [data-action="delete-study"]').count()).toBe(0);

    // In the popup, on the competitor's shop: pick the study and the site.
    const shop = await context.newPage();
    await shop.goto(`${demo.origin}/product.html?id=monstera`);
    const popup = await waymark.openPopup(shop);
    await popup.locator('select[name="study"]').selectOption({ label: 'Houseplants 2026' });
    await popup.locator('select[name="site"]').selectOption({ label: 'Demo shop' });
    expect(await seriousAxeViolations(popup)).toEqual([]);
    await waymark.startJourney(popup, 'Monstera at the demo shop');

    const stored = JSON.parse(await waymark.dumpDatabase()) as {
      studies: { id: string; name: string; competitors: { id: string }[]; brand: { domains: string[] } }[];
      journeys: { title: string; studyId: string; siteId: string; stages: string[]; scenario: string; site: string }[];
    };
    const study = stored.studies.find((s) => s.name === 'Houseplants 2026')!;
    expect(study.brand.domains).toEqual(['green-shop.example', 'shop.green-shop.example']);
    const journey = stored.journeys.find((j) => j.title === 'Monstera at the demo shop')!;
    expect(journey).toMatchObject({
      studyId: study.id,
      siteId: study.competitors[0]!.id,
      scenario: 'Buy a Monstera and have it delivered',
      site: competitorHost,
    });

    // The next journey starts in the same study by default.
    await waymark.endJourney(popup);
    await popup.reload();
    await popup.locator('select[name="study"]').waitFor();
    expect(await popup.locator('select[name="study"] option:checked').textContent()).toBe('Houseplants 2026');

    // A JSON export from the journeys page carries the study, its competitor and its script.
    await journeys.reload();
    await journeys.locator('.wm-page[aria-busy="false"] tbody tr').first().waitFor();
    const { bytes } = await waymark.exportFrom(journeys, downloads, 'all', 'json');
    const file = ExportFile.parse(JSON.parse(bytes.toString('utf8')));
    const exported = file.studies.find((s) => s.id === study.id);
    expect(exported).toMatchObject({
      name: 'Houseplants 2026',
      competitors: [{ name: 'Demo shop', domains: [competitorHost] }],
      script: [
        { title: 'Find the price', criterion: { kind: 'yesno' } },
        { title: 'Time to checkout', criterion: { kind: 'number', unit: 's' } },
      ],
      syncScreenshots: false,
    });
    expect(file.journeys.find((j) => j.title === 'Monstera at the demo shop')).toMatchObject({
      studyId: study.id,
      siteId: study.competitors[0]!.id,
    });

    // The journey list filters by study.
    await journeys.locator('select[name="study"]').selectOption({ label: 'Default study' });
    await expect.poll(() => journeys.locator('tbody .wm-title').count()).toBe(0);
    await journeys.locator('select[name="study"]').selectOption({ label: 'Houseplants 2026' });
    await expect.poll(() => journeys.locator('tbody .wm-title').count()).toBe(1);

    // Deleting a study that has a journey is refused, with the worker's reason.
    await journeys.locator(`[data-study="${study.id}"] [data-action="edit-study"]`).click();
    await journeys.locator('.wm-study-form [data-action="delete-study"]').click();
    const refusal = journeys.locator('.wm-study-form .wm-notice[data-kind="error"]');
    await refusal.waitFor();
    expect(await refusal.textContent()).toBe('Not deleted: 1 journey still belongs to this study.');
  });
});
