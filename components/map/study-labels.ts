import type { StepStatus } from '../../lib/study/script';
import type { AnswerValue, Criterion, Ownership } from '../../lib/study/types';
import type { Formats } from '../findings/format';
import type { MessageKey, Translate } from '../i18n';

/** What the map's owner filter may show: every touchpoint, one owner's, or those with none (`unknown`). */
export const OWNER_FILTERS = ['all', 'brand', 'partner', 'customer', 'external', 'unknown'] as const;
export type OwnerFilter = (typeof OWNER_FILTERS)[number];

const OWNER_KEYS: Record<OwnerFilter, MessageKey> = {
  all: 'reportOwnerAll',
  brand: 'reportOwnerBrand',
  partner: 'reportOwnerPartner',
  customer: 'reportOwnerCustomer',
  external: 'reportOwnerExternal',
  unknown: 'reportOwnerUnknown',
};

/** An owner filter's label; `null` (no owner) reads "Not known". */
export function ownerLabel(t: Translate, owner: OwnerFilter | Ownership | null): string {
  return t(OWNER_KEYS[owner ?? 'unknown']);
}

/** The owner a filter keeps: an ownership, `null` for none, `undefined` for every touchpoint. */
export function ownerOfFilter(filter: OwnerFilter): Ownership | null | undefined {
  if (filter === 'all') return undefined;
  return filter === 'unknown' ? null : filter;
}

const STATUS_KEYS: Record<StepStatus, MessageKey> = {
  answered: 'reportStatusAnswered',
  skipped: 'reportStatusSkipped',
  missing: 'reportStatusMissing',
};

/** A script step's status in the UI language. */
export function stepStatusLabel(t: Translate, status: StepStatus): string {
  return t(STATUS_KEYS[status]);
}

/** An answer as the UI shows it: yes/no, `4 of 5`, a number with its unit, the text; `''` for none. */
export function answerLabel(t: Translate, f: Formats, value: AnswerValue, criterion: Criterion): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return t(value ? 'reportAnswerYes' : 'reportAnswerNo');
  if (typeof value === 'string') return value;
  if (criterion.kind === 'scale') return t('reportAnswerScale', [f.number(value), f.number(criterion.max)]);
  if (criterion.kind === 'number' && criterion.unit !== '') return `${f.number(value)} ${criterion.unit}`;
  return f.number(value);
}
