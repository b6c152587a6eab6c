import type { RawInteraction } from '../model/interaction';
import { roleOf, unmaskedAccessibleName } from './accessible';

/**
 * The passive recorder's page side: turns what happens in a page of a
 * running journey into interactions for the worker. Reads no typed value: a
 * click is described by the element's role and accessible name (a field's
 * label, never its content), a submit by its form's name. The worker masks
 * the text and URL before anything is stored (lib/capture/mask-interaction.ts),
 * which keeps this code, injected into every page of a journey, a few KB.
 * Takes the window as a parameter so tests can pass a happy-dom one.
 */

type InteractionDraft = RawInteraction;
type Anchor = NonNullable<RawInteraction['anchor']>;

/** A load slower than this is logged as a long wait. */
export const LONG_WAIT_MS = 3_000;
/** Main-thread tasks at least this long are logged. */
export const LONG_TASK_MS = 500;

/** What a click on the page can be about: links, buttons and things acting as them. */
const ACTIONABLE =
  'a[href],button,summary,input[type=submit],input[type=button],input[type=reset],input[type=image],[role=button],[role=link],[role=menuitem],[role=tab],[role=checkbox],[role=radio],[role=option]';

/** A cheap anchor for a logged element: an id or structural selector, an XPath and its name as quote. */
function anchorOf(el: Element, name: string): Anchor {
  const steps: string[] = [];
  const xpath: string[] = [];
  for (let node: Element | null = el; node && node.localName !== 'html'; node = node.parentElement) {
    const parent: Element | null = node.parentElement;
    const id = node.getAttribute('id');
    if (id && /^[A-Za-z][\w-]*$/.test(id) && steps.length < 8) {
      steps.unshift(`#${id}`);
      break;
    }
    const siblings = parent
      ? Array.prototype.filter.call(parent.children, (s: Element) => s.localName === node!.localName)
      : [node];
    xpath.unshift(`${node.localName}[${siblings.indexOf(node) + 1}]`);
    steps.unshift(
      parent ? `${node.localName}:nth-child(${Array.prototype.indexOf.call(parent.children, node) + 1})` : node.localName,
    );
  }
  let full = '';
  for (let node: Element | null = el; node; node = node.parentElement) {
    const parent: Element | null = node.parentElement;
    const siblings = parent
      ? Array.prototype.filter.call(parent.children, (s: Element) => s.localName === node!.localName)
      : [node];
    full = `/${node.localName}[${siblings.indexOf(node) + 1}]${full}`;
  }
  return {
    selector: steps.join(' > '),
    xpath: full,
    quote: { exact: name, prefix: '', suffix: '' },
    tagName: el.localName,
    role: roleOf(el),
    name,
  };
}

/** The page's address and title (the worker masks both). */
function pageOf(win: Window): Pick<InteractionDraft, 'url' | 'pageTitle'> {
  return { url: win.location.href.slice(0, 16_000), pageTitle: win.document.title.slice(0, 4_000) };
}

/** A draft of `kind` at `at` (ms). */
export function draftOf(
  win: Window,
  kind: InteractionDraft['kind'],
  at: number,
  makeId: () => string,
  extra: Partial<Pick<InteractionDraft, 'label' | 'anchor' | 'durationMs' | 'httpStatus'>> = {},
): InteractionDraft {
  return {
    id: makeId(),
    kind,
    at: new Date(at).toISOString(),
    ...pageOf(win),
    label: '',
    anchor: null,
    durationMs: null,
    httpStatus: null,
    ...extra,
  };
}

/** The draft of a click on `target`, or `null` when it did not hit a link or button. */
export function clickDraft(
  win: Window & typeof globalThis,
  target: EventTarget | null,
  at: number,
  makeId: () => string,
): InteractionDraft | null {
  const el = target instanceof win.Element ? target.closest(ACTIONABLE) : null;
  if (!el) return null;
  const name = unmaskedAccessibleName(el);
  const role = roleOf(el);
  return draftOf(win, 'click', at, makeId, { label: `${role || el.localName} "${name}"`, anchor: anchorOf(el, name) });
}

/** The draft of a form submit (never its fields' values). */
export function submitDraft(
  win: Window & typeof globalThis,
  form: EventTarget | null,
  at: number,
  makeId: () => string,
): InteractionDraft | null {
  if (!(form instanceof win.HTMLFormElement)) return null;
  const name = unmaskedAccessibleName(form) || form.getAttribute('name') || '';
  return draftOf(win, 'submit', at, makeId, { label: `form "${name}"`, anchor: anchorOf(form, name) });
}

/**
 * What the navigation timing says about the document: its `navigation` (at
 * navigation start), then a `load` with its duration (a `long-wait` when
 * slower than `LONG_WAIT_MS`), and an `http-error` when the page came with a
 * 4xx/5xx status. Until the load event has ended, only the navigation.
 */
export function documentDrafts(win: Window, makeId: () => string): InteractionDraft[] {
  const start = win.performance.timeOrigin;
  const drafts = [draftOf(win, 'navigation', start, makeId)];
  const [nav] = win.performance.getEntriesByType('navigation') as (PerformanceNavigationTiming & { responseStatus?: number })[];
  if (!nav || !(nav.loadEventEnd > 0)) return drafts;
  const duration = Math.round(nav.loadEventEnd);
  drafts.push(draftOf(win, duration >= LONG_WAIT_MS ? 'long-wait' : 'load', start + duration, makeId, { durationMs: duration }));
  const status = nav.responseStatus ?? 0;
  if (status >= 400 && status <= 599)
    drafts.push(draftOf(win, 'http-error', start + nav.responseStart, makeId, { httpStatus: status }));
  return drafts;
}
