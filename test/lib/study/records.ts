import type { ReportTouchpoint } from '@/lib/study/script-report';
import type { ScriptStep, StepAnswer, Study } from '@/lib/study/types';

/**
 * Plain records for the study tests. The study engine takes only the fields
 * it reads (`Pick<Touchpoint, …>`), so these stay independent of the model's
 * schemas while those change.
 */

/** A UUID for test record `n` of a kind (`4` studies, `5` competitors, `6` steps, `2` touchpoints). */
export const uuid = (kind: 2 | 4 | 5 | 6, n: number) => `${kind}0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** The time `minutes` after 10:00 on the test day, in ms. */
export const T = (minutes: number) => Date.parse('2026-11-25T10:00:00.000Z') + minutes * 60_000;
export const iso = (ms: number) => new Date(ms).toISOString();

export const ACME = uuid(5, 1);
export const GLOBEX = uuid(5, 2);

/** A study of the brand Initech (initech.com, initech.co.uk) against Acme and Globex, with PayPal and DHL as partners. */
export function study(overrides: Partial<Study> = {}): Study {
  return {
    id: uuid(4, 1),
    name: 'Checkout 2026',
    goal: 'Buy a Monstera under 40 EUR',
    brand: { name: 'Initech', domains: ['initech.com', 'initech.co.uk'] },
    competitors: [
      { id: ACME, name: 'Acme', domains: ['acme.example', 'acme-shop.com'] },
      { id: GLOBEX, name: 'Globex', domains: ['globex.com'] },
    ],
    partners: [
      { name: 'PayPal', domains: ['paypal.com'] },
      { name: 'DHL', domains: ['dhl.de', 'dhl.com'] },
    ],
    stageSet: 'classic',
    tags: ['pricing'],
    channels: ['web-desktop'],
    persona: { name: 'Sam', values: 'Fairness', motivations: 'A gift', goals: 'Delivery by Friday', frustrations: 'Hidden fees' },
    syncScreenshots: false,
    createdAt: iso(T(0)),
    updatedAt: iso(T(0)),
    author: 'Mina',
    ...overrides,
  };
}

export const yesno = (n: number, title = `Step ${n}`): ScriptStep => ({
  id: uuid(6, n),
  title,
  lookFor: `What to look for at step ${n}`,
  criterion: { kind: 'yesno' },
});
export const scale = (n: number): ScriptStep => ({ ...yesno(n), criterion: { kind: 'scale', min: 1, max: 5 } });
export const seconds = (n: number, min?: number, max?: number): ScriptStep => ({
  ...yesno(n),
  criterion: { kind: 'number', unit: 'seconds', ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) },
});
export const text = (n: number): ScriptStep => ({ ...yesno(n), criterion: { kind: 'text' } });

/** A script of four steps, one of each criterion: yes/no, scale, seconds (0..600), text. */
export const SCRIPT: ScriptStep[] = [yesno(1), scale(2), seconds(3, 0, 600), text(4)];

/** An answer to step `n` given at `T(minutes)`. */
export function answer(n: number, value: StepAnswer['value'], minutes = n, overrides: Partial<StepAnswer> = {}): StepAnswer {
  return { stepId: uuid(6, n), value, skipped: false, touchpointIds: [], answeredAt: iso(T(minutes)), ...overrides };
}

/** A touchpoint `n` captured at `T(minutes)` (default `n`), for reports. */
export function capture(n: number, minutes = n, screenshot = false): ReportTouchpoint {
  const id = uuid(2, n);
  return {
    id,
    capturedAt: iso(T(minutes)),
    screenshot: screenshot ? { path: `screenshots/${id}.webp`, mimeType: 'image/webp', width: 1280, height: 800 } : null,
  };
}
