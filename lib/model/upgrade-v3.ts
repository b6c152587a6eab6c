/**
 * How records of version 2 (export schema 2, database version 2) become
 * version 3: journeys gain a study frame (persona, scenario, site, stages...),
 * touchpoints gain stage, channel, a named emotion, page context, an order
 * position and the element's role and name. Used by the export migration and
 * the database migration alike. Frozen as released: never edit; a later
 * version gets its own steps.
 */

type Loose = Record<string, unknown>;

const V3_STAGES = ['awareness', 'consideration', 'purchase', 'onboarding', 'support', 'loyalty'];

/** A version-2 journey as version 3; fields already present are kept. */
export function journeyV2toV3(journey: Loose): Loose {
  return {
    origin: 'explicit',
    notes: '',
    persona: '',
    scenario: '',
    site: '',
    researcher: typeof journey.author === 'string' ? journey.author : '',
    stages: [...V3_STAGES],
    screenshots: true,
    pauses: [],
    ...journey,
  };
}

/** A version-2 touchpoint as version 3; fields already present are kept. */
export function touchpointV2toV3(touchpoint: Loose): Loose {
  const anchor = touchpoint.anchor;
  const captured = typeof touchpoint.capturedAt === 'string' ? Date.parse(touchpoint.capturedAt) : Number.NaN;
  return {
    namedEmotion: null,
    stage: '',
    channel: 'web-desktop',
    context: { language: '', loadMs: null, lcpMs: null },
    position: Number.isFinite(captured) ? captured : 0,
    interactionId: null,
    ...touchpoint,
    anchor: anchor && typeof anchor === 'object' && !Array.isArray(anchor) ? { role: '', name: '', ...anchor } : anchor,
  };
}
