import { Interaction } from '@/lib/model/interaction';
import { JOURNEY_DEFAULTS, Journey } from '@/lib/model/journey';
import { Touchpoint } from '@/lib/model/touchpoint';

/**
 * Valid records for the journey engine's tests, parsed through the model's
 * schemas so a change to the model breaks these tests rather than letting
 * them pass on records the store would refuse.
 */

/** A UUID for test record `n` of a kind (`1` journeys, `2` touchpoints, `3` interactions). */
export const uuid = (kind: 1 | 2 | 3, n: number) => `${kind}0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** The time `minutes` after 10:00 on the test day, in ms. */
export const T = (minutes: number) => Date.parse('2026-11-25T10:00:00.000Z') + minutes * 60_000;
export const iso = (ms: number) => new Date(ms).toISOString();

export const J1 = uuid(1, 1);
export const J2 = uuid(1, 2);

/** A running journey that started at 10:00. */
export function journey(overrides: Partial<Journey> = {}): Journey {
  return Journey.parse({
    ...JOURNEY_DEFAULTS,
    id: J1,
    title: 'Buy a Monstera',
    status: 'running',
    origin: 'explicit',
    startedAt: iso(T(0)),
    endedAt: null,
    updatedAt: iso(T(0)),
    author: 'Mina',
    site: 'shop.example',
    ...overrides,
  });
}

/** A touchpoint `n` captured at `T(n)` (unless overridden), positioned at its capture time. */
export function touchpoint(n: number, overrides: Partial<Touchpoint> = {}): Touchpoint {
  const capturedAt = overrides.capturedAt ?? iso(T(n));
  return Touchpoint.parse({
    id: uuid(2, n),
    journeyId: J1,
    capturedAt,
    updatedAt: capturedAt,
    author: 'Mina',
    url: `https://shop.example/step/${n}`,
    pageTitle: `Step ${n}`,
    target: 'element',
    emotion: 0,
    namedEmotion: null,
    effort: 3,
    stage: '',
    channel: 'web-desktop',
    note: '',
    tags: [],
    anchor: {
      selector: '#add-to-cart',
      xpath: '/html[1]/body[1]/main[1]/button[1]',
      quote: { exact: 'Add to cart', prefix: '€34.00', suffix: 'Go to cart' },
      tagName: 'button',
      role: 'button',
      name: 'Add to cart',
    },
    viewport: { width: 1280, height: 800, scrollX: 0, scrollY: 0, devicePixelRatio: 1 },
    context: { language: 'en', loadMs: null, lcpMs: null },
    position: Date.parse(capturedAt),
    interactionId: null,
    screenshot: null,
    owner: null,
    ...overrides,
  });
}

/** An interaction `n` logged at `T(n)` (unless overridden). */
export function interaction(n: number, overrides: Partial<Interaction> = {}): Interaction {
  const at = overrides.at ?? iso(T(n));
  return Interaction.parse({
    id: uuid(3, n),
    journeyId: J1,
    kind: 'click',
    at,
    updatedAt: at,
    author: 'Mina',
    url: `https://shop.example/page/${n}`,
    pageTitle: `Page ${n}`,
    label: '',
    anchor: null,
    durationMs: null,
    httpStatus: null,
    ...overrides,
  });
}

/** Ids of records, for comparing lists. */
export const ids = (records: readonly { id: string }[]) => records.map((r) => r.id);
