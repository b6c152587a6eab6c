import type { JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { EFFORTS, type Effort, EMOTIONS, type Emotion } from '../lib/model/scales';
import { CaptureDetails, type CaptureDetailsValue } from './CaptureDetails';
import { EffortScale } from './EffortScale';
import { EmotionScale } from './EmotionScale';
import { useT } from './i18n';

/** Where the card is in its save cycle. */
export type CardStatus = 'editing' | 'saving' | 'saved' | 'error';

export interface RatingCardProps {
  /** The card's heading; "New touchpoint" by default. */
  heading?: string;
  /** What was tagged, as the researcher recognises it (masked element text). */
  subject: string;
  /** A line about the journey, e.g. "2 min after the previous touchpoint". */
  context?: string;
  /** Feeling, stage, channel and tags; the card shows them when given. */
  details?: CaptureDetailsValue;
  /** The journey's stages, for the stage choice. */
  stages?: readonly string[];
  onDetails?: (details: CaptureDetailsValue) => void;
  emotion: Emotion | null;
  effort: Effort | null;
  note: string;
  status: CardStatus;
  /** Shown under the form when `status` is `error` (or ratings are missing). */
  message?: string;
  onEmotion: (emotion: Emotion) => void;
  onEffort: (effort: Effort) => void;
  onNote: (note: string) => void;
  onSave: () => void;
  onCancel: () => void;
  /** Inline style that places the card beside the tagged element. */
  style?: JSX.CSSProperties;
}

/** Digit keys: `1`..`5` rate emotion, Shift+`1`..`7` rate effort (by `code`, layout-proof). */
function digitOf(event: KeyboardEvent): number | undefined {
  const match = /^(?:Digit|Numpad)([1-9])$/.exec(event.code);
  return match ? Number(match[1]) : undefined;
}

/**
 * The capture card: emotion, effort and a note, fully keyboard-operable.
 * Keys go to the card first; inside the note only Escape and Ctrl/Cmd+Enter
 * act, so typing digits in the note stays typing.
 */
export function RatingCard(props: RatingCardProps) {
  const t = useT();
  const root = useRef<HTMLFormElement>(null);
  useEffect(() => root.current?.focus(), []);

  const onKeyDown = (event: KeyboardEvent) => {
    // Digits and Enter type into text fields; on radios, checkboxes and selects they rate and save.
    const inText =
      event.target instanceof HTMLElement &&
      /^(TEXTAREA|INPUT)$/.test(event.target.tagName) &&
      !/^(radio|checkbox)$/.test((event.target as HTMLInputElement).type);
    if (event.key === 'Escape') {
      event.preventDefault();
      props.onCancel();
      return;
    }
    if (event.key === 'Enter' && (!inText || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      props.onSave();
      return;
    }
    const digit = inText || event.altKey || event.ctrlKey || event.metaKey ? undefined : digitOf(event);
    if (digit === undefined) return;
    const effort = EFFORTS.find((e) => e === digit);
    const emotion = EMOTIONS[digit - 1];
    if (event.shiftKey && effort !== undefined) props.onEffort(effort);
    else if (!event.shiftKey && emotion !== undefined) props.onEmotion(emotion);
    else return;
    event.preventDefault();
  };

  const busy = props.status === 'saving' || props.status === 'saved';
  return (
    <form
      ref={root}
      class="wm-card"
      role="dialog"
      aria-labelledby="wm-card-title"
      tabIndex={-1}
      style={props.style}
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        props.onSave();
      }}
      data-status={props.status}
    >
      <header class="wm-card-header">
        <h2 id="wm-card-title">{props.heading ?? t('cardTitle')}</h2>
        {props.subject && (
          <p class="wm-subject" title={props.subject} dir="auto">
            {props.subject}
          </p>
        )}
        {props.context && <p class="wm-subject">{props.context}</p>}
      </header>
      <EmotionScale value={props.emotion} onChange={props.onEmotion} />
      <EffortScale value={props.effort} onChange={props.onEffort} />
      {props.details && props.onDetails && (
        <CaptureDetails value={props.details} stages={props.stages ?? []} onChange={props.onDetails} />
      )}
      <label class="wm-field wm-note">
        <span>{t('cardNote')}</span>
        <textarea
          dir="auto"
          rows={2}
          maxLength={10_000}
          placeholder={t('cardNotePlaceholder')}
          value={props.note}
          onInput={(event) => props.onNote(event.currentTarget.value)}
        />
      </label>
      {props.message && (
        <p class="wm-message" role="alert" data-kind={props.status === 'error' ? 'error' : 'hint'}>
          {props.message}
        </p>
      )}
      {props.status === 'saved' ? (
        <p class="wm-confirm" role="status">
          {t('cardSaved')}
        </p>
      ) : (
        <div class="wm-actions">
          <button type="button" class="wm-button" onClick={props.onCancel} disabled={busy}>
            {t('cardCancel')}
          </button>
          <button type="submit" class="wm-button wm-primary" disabled={busy}>
            {props.status === 'saving' ? t('cardSaving') : props.status === 'error' ? t('cardRetry') : t('cardSave')}
          </button>
        </div>
      )}
      <p class="wm-hint">{t('cardKeyboardHint')}</p>
    </form>
  );
}
