import { type AnswerError, MAX_ANSWER_TEXT, type StepStatus } from '../../lib/study/script';
import type { AnswerValue, Criterion } from '../../lib/study/types';
import type { Formats } from '../findings/format';
import type { MessageKey, Translate } from '../i18n';

/**
 * The words of the script checklist: answers as the researcher reads them,
 * the worker's refusals in plain language, and what a typed number means.
 */

const STATUS_KEYS: Record<StepStatus, MessageKey> = {
  answered: 'checklistStatusAnswered',
  skipped: 'checklistStatusSkipped',
  missing: 'checklistStatusMissing',
};

/** A step's status in the UI language. */
export function stepStatusLabel(t: Translate, status: StepStatus): string {
  return t(STATUS_KEYS[status]);
}

/** An answer's value as shown beside its step: "Yes", "4/5", "12 seconds", or the text. */
export function answerText(t: Translate, formats: Formats, criterion: Criterion, value: AnswerValue): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return t(value ? 'checklistYes' : 'checklistNo');
  if (typeof value === 'string') return value;
  if (criterion.kind === 'scale') return t('checklistScaleValue', [formats.number(value), formats.number(criterion.max)]);
  if (criterion.kind === 'number') return `${formats.number(value)} ${criterion.unit}`.trim();
  return formats.number(value);
}

// Persian (U+06F0..) and Arabic-Indic (U+0660..) digits, as a Persian or Arabic keyboard types them.
const LOCAL_DIGITS = /[\u06f0-\u06f9\u0660-\u0669]/g;
const localDigit = (d: string) => String((d.codePointAt(0)! - 0x0660) % 0x90);

/**
 * What a typed number answer means: a number when the text is one (Latin,
 * Persian or Arabic digits; `.`, `٫`, or a lone `,` as the decimal mark;
 * spaces, `٬`, and commas beside a point as group marks), else the text itself, trimmed, so the worker refuses
 * it and says why (the worker, not the page, decides what fits a step).
 */
export function parseNumberAnswer(input: string): number | string {
  const trimmed = input.trim();
  let text = trimmed
    .replace(LOCAL_DIGITS, localDigit)
    .replace(/[\s\u066c]/g, '')
    .replace('\u066b', '.');
  // With no point, one comma is the decimal mark (ru "2,5"); beside a point, commas group ("1,500.5").
  text = text.includes('.') ? text.replace(/,(?=\d{3}(\D|$))/g, '') : text.replace(/^([^,]*),([^,]*)$/, '$1.$2');
  return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(text) ? Number(text) + 0 : trimmed;
}

const ANSWER_ERROR_CODES = [
  'no-value',
  'not-boolean',
  'not-number',
  'not-integer',
  'out-of-range',
  'not-text',
  'blank',
  'too-long',
] as const satisfies readonly AnswerError['code'][];

/**
 * The reason code in the worker's refusal of an answer (lib/store/studies.ts
 * ends its message with it: "The answer does not fit the step: not-number."),
 * or `null` when the message is about something else.
 */
export function answerErrorCode(message: string): AnswerError['code'] | null {
  const code = /: ([a-z-]+)\.$/.exec(message)?.[1];
  return ANSWER_ERROR_CODES.find((known) => known === code) ?? null;
}

/** Why an answer was refused, in the UI language; the bounds come from the step's criterion. */
export function answerErrorText(t: Translate, formats: Formats, criterion: Criterion, code: AnswerError['code']): string {
  switch (code) {
    case 'not-number':
      return t('checklistErrorNotNumber');
    case 'not-integer':
      return t('checklistErrorNotInteger');
    case 'out-of-range': {
      const min = criterion.kind === 'scale' || criterion.kind === 'number' ? criterion.min : undefined;
      const max = criterion.kind === 'scale' || criterion.kind === 'number' ? criterion.max : undefined;
      if (min !== undefined && max !== undefined) return t('checklistErrorRange', [formats.number(min), formats.number(max)]);
      if (min !== undefined) return t('checklistErrorMin', formats.number(min));
      if (max !== undefined) return t('checklistErrorMax', formats.number(max));
      return t('checklistErrorNotNumber');
    }
    case 'too-long':
      return t('checklistErrorTooLong', formats.number(MAX_ANSWER_TEXT));
    case 'not-boolean':
      return t('checklistErrorYesNo');
    default:
      // no-value, not-text, blank: nothing usable was given.
      return t('checklistErrorBlank');
  }
}
