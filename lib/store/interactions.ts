import { closedTab, journeyOfTab, openedTab, type RoutingState, visitedUrl } from '../journey/routing';
import type { Interaction, InteractionDraft } from '../model/interaction';
import type { Touchpoint } from '../model/touchpoint';
import { DEFAULT_CHANNEL } from '../model/vocabulary';
import { type EditTransaction, editInTransaction, writeRuntime } from './edits';
import { NotFoundError, ROUTING_KEY, readRouting } from './journeys';
import type { WaymarkDatabase } from './schema';

const nothing = () => ({
  put: { journeys: [], touchpoints: [] as Touchpoint[], interactions: [] as Interaction[], tombstones: [] },
  remove: { journeys: [], touchpoints: [], interactions: [], tombstones: [] },
});

/** Adds interactions to a journey that is running; ids already stored are skipped (retries). */
async function addTo(
  tx: EditTransaction,
  journeyId: string | undefined,
  drafts: readonly InteractionDraft[],
  now: string,
  author: string,
): Promise<Interaction[]> {
  if (!journeyId) return [];
  const journey = await tx.objectStore('journeys').get(journeyId);
  if (journey?.status !== 'running') return [];
  const store = tx.objectStore('interactions');
  const known = await Promise.all(drafts.map((d) => store.getKey(d.id)));
  const seen = new Set<string>();
  return drafts
    .filter((d, i) => known[i] === undefined && !seen.has(d.id) && seen.add(d.id))
    .map((d) => ({ ...d, journeyId, updatedAt: now, author }));
}

/**
 * Stores what the passive recorder saw in a tab, if that tab belongs to the
 * researcher's running journey (nothing is kept from other tabs, or while
 * paused). Returns how many were new, and the journey they joined.
 */
export async function recordInteractions(
  db: WaymarkDatabase,
  input: { drafts: readonly InteractionDraft[]; tabId: number; now: string; author: string },
): Promise<{ recorded: number; journeyId: string | null }> {
  return editInTransaction(db, async (tx) => {
    const journeyId = journeyOfTab(await readRouting(tx), input.tabId);
    const interactions = await addTo(tx, journeyId, input.drafts, input.now, input.author);
    const edit = nothing();
    edit.put.interactions = interactions;
    return { edit, value: { recorded: interactions.length, journeyId: interactions.length ? (journeyId ?? null) : null } };
  });
}

/**
 * What the worker learns about tabs, from `browser.tabs` events. `draft` is
 * the interaction to log (`tab-open` when the tab opens on a page,
 * `tab-close`, whose URL is filled in here from the tab's last page);
 * `null` when there is nothing to log, only membership to follow.
 */
export type TabEvent =
  | { type: 'created'; tabId: number; openerTabId: number | undefined; draft: InteractionDraft | null }
  | { type: 'removed'; tabId: number; draft: InteractionDraft }
  /** `opened` is the `tab-open` to log if this is the first page of a tab that joined without one. */
  | { type: 'updated'; tabId: number; url: string; opened: InteractionDraft };

/**
 * Follows tabs of the researcher's journey: a tab opened from one of them
 * joins it (tab lineage), a closed one leaves (logged with the page it last
 * showed; a tab that never showed a page closes silently). Returns the
 * journey the event belongs to, if any, and whether an interaction was stored.
 */
export async function recordTabEvent(
  db: WaymarkDatabase,
  event: TabEvent,
  now: string,
  author: string,
): Promise<{ journeyId: string | null; recorded: boolean }> {
  return editInTransaction(db, async (tx) => {
    const state = await readRouting(tx);
    let next: RoutingState = state;
    let journeyId: string | undefined;
    let draft: InteractionDraft | null = null;
    if (event.type === 'created') {
      ({ state: next, journeyId } = openedTab(state, event.tabId, event.openerTabId));
      draft = event.draft;
      // Opened on no page yet (`window.open` starts at about:blank): its open is logged at its first page.
      if (journeyId) next = { ...next, tabUrls: { ...next.tabUrls, [String(event.tabId)]: draft?.url ?? '' } };
    } else if (event.type === 'removed') {
      const closed = closedTab(state, event.tabId);
      ({ state: next, journeyId } = closed);
      draft = closed.lastUrl ? { ...event.draft, url: closed.lastUrl } : null;
    } else {
      journeyId = journeyOfTab(state, event.tabId);
      if (journeyId && state.tabUrls?.[String(event.tabId)] === '') draft = { ...event.opened, url: event.url };
      next = visitedUrl(state, event.tabId, event.url);
    }
    if (next !== state) await writeRuntime(tx, ROUTING_KEY, next);
    const edit = nothing();
    edit.put.interactions = draft ? await addTo(tx, journeyId, [draft], now, author) : [];
    return { edit, value: { journeyId: journeyId ?? null, recorded: edit.put.interactions.length > 0 } };
  });
}

/** Whether a tab belongs to the researcher's running journey (so the recorder should run there). */
export async function tabIsRecording(db: WaymarkDatabase, tabId: number): Promise<boolean> {
  const tx = db.transaction(['runtime', 'journeys']);
  const journeyId = journeyOfTab(await readRouting(tx as never), tabId);
  const journey = journeyId ? await tx.objectStore('journeys').get(journeyId) : undefined;
  await tx.done;
  return journey?.status === 'running';
}

/** A touchpoint's rating, as a researcher gives it when promoting an interaction. */
export type Rating = Pick<Touchpoint, 'emotion' | 'effort'> &
  Partial<Pick<Touchpoint, 'namedEmotion' | 'stage' | 'channel' | 'note' | 'tags'>>;

/**
 * Rates a logged interaction: a touchpoint with the interaction's time,
 * page and anchor. The touchpoint id is the caller's, so a retry returns the
 * touchpoint made the first time.
 */
export async function promoteInteraction(
  db: WaymarkDatabase,
  input: { interactionId: string; touchpointId: string; rating: Rating; now: string; author: string },
): Promise<Touchpoint> {
  return editInTransaction(db, async (tx) => {
    const existing = await tx.objectStore('touchpoints').get(input.touchpointId);
    if (existing) return { edit: nothing(), value: existing };
    const interaction = await tx.objectStore('interactions').get(input.interactionId);
    if (!interaction) throw new NotFoundError(`No interaction ${input.interactionId}.`);
    const { rating } = input;
    const touchpoint: Touchpoint = {
      id: input.touchpointId,
      journeyId: interaction.journeyId,
      capturedAt: interaction.at,
      updatedAt: input.now,
      author: input.author,
      url: interaction.url,
      pageTitle: interaction.pageTitle,
      target: interaction.anchor ? 'element' : 'page',
      emotion: rating.emotion,
      namedEmotion: rating.namedEmotion ?? null,
      effort: rating.effort,
      stage: rating.stage ?? '',
      channel: rating.channel ?? DEFAULT_CHANNEL,
      note: rating.note ?? '',
      tags: rating.tags ?? [],
      anchor: interaction.anchor ?? {
        selector: '',
        xpath: '',
        quote: { exact: '', prefix: '', suffix: '' },
        tagName: 'html',
        role: '',
        name: '',
      },
      viewport: { width: 0, height: 0, scrollX: 0, scrollY: 0, devicePixelRatio: 1 },
      context: { language: '', loadMs: interaction.kind === 'load' ? interaction.durationMs : null, lcpMs: null },
      position: Date.parse(interaction.at),
      interactionId: interaction.id,
      screenshot: null,
      owner: null,
    };
    const edit = nothing();
    edit.put.touchpoints = [touchpoint];
    return { edit, value: touchpoint };
  });
}
