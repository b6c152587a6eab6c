import { TAG_DELIGHT, TAG_MOMENT_OF_TRUTH, TAG_PAIN_POINT } from '../../lib/model/vocabulary';
import type { MessageKey, Translate } from '../i18n';

/** Locale keys of the stages Waymark ships; a team's own stage shows as written. */
const STAGE_KEYS: Record<string, MessageKey> = {
  awareness: 'stageAwareness',
  consideration: 'stageConsideration',
  purchase: 'stagePurchase',
  onboarding: 'stageOnboarding',
  support: 'stageSupport',
  loyalty: 'stageLoyalty',
  consider: 'stageConsider',
  evaluate: 'stageEvaluate',
  buy: 'stageBuy',
  experience: 'stageExperience',
  advocate: 'stageAdvocate',
  bond: 'stageBond',
};

const TAG_KEYS: Record<string, MessageKey> = {
  [TAG_PAIN_POINT]: 'tagPainPoint',
  [TAG_MOMENT_OF_TRUTH]: 'tagMomentOfTruth',
  [TAG_DELIGHT]: 'tagDelight',
};

const INTERACTION_KEYS: Record<string, MessageKey> = {
  navigation: 'interactionNavigation',
  'route-change': 'interactionRouteChange',
  click: 'interactionClick',
  submit: 'interactionSubmit',
  load: 'interactionLoad',
  'long-wait': 'interactionLongWait',
  'long-task': 'interactionLongTask',
  'http-error': 'interactionHttpError',
  'tab-open': 'interactionTabOpen',
  'tab-close': 'interactionTabClose',
};

/** A stage's name in the UI language; `''` (no stage) as "No stage". */
export function stageLabel(t: Translate, stage: string): string {
  if (stage === '') return t('stageNone');
  const key = STAGE_KEYS[stage];
  return key ? t(key) : stage;
}

/** A tag's name in the UI language; a free tag as written. */
export function tagLabel(t: Translate, tag: string): string {
  const key = TAG_KEYS[tag];
  return key ? t(key) : tag;
}

/** What kind of interaction was logged, in the UI language. */
export function interactionLabel(t: Translate, kind: string): string {
  const key = INTERACTION_KEYS[kind];
  return key ? t(key) : kind;
}

/** The journey status in the UI language. */
export function statusLabel(t: Translate, status: 'running' | 'paused' | 'ended'): string {
  return status === 'running' ? t('journeysStatusRunning') : status === 'paused' ? t('statusPaused') : t('journeysStatusEnded');
}

/** A touchpoint's headline: its note, else the element's text, else the page title. */
export function touchpointHeadline(tp: {
  note: string;
  anchor: { quote: { exact: string }; name: string; tagName: string };
  pageTitle: string;
}): string {
  return (tp.note || tp.anchor.name || tp.anchor.quote.exact || tp.pageTitle || tp.anchor.tagName).trim();
}

/** What was tagged, in the page's words (the element's name or text, else the page title); the note goes beside it. */
export function touchpointSubject(tp: {
  anchor: { quote: { exact: string }; name: string; tagName: string };
  pageTitle: string;
  note: string;
}): string {
  return (tp.anchor.name || tp.anchor.quote.exact || tp.pageTitle || tp.note || tp.anchor.tagName).trim();
}
