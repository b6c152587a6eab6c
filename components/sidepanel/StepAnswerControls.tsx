import { useId, useState } from 'preact/hooks';
import type { AnswerValue, Criterion } from '../../lib/study/types';
import type { Formats } from '../findings/format';
import { useT } from '../i18n';
import { parseNumberAnswer } from './checklist-text';

export interface StepAnswerControlsProps {
  /** The step's title, to name the controls for screen readers. */
  title: string;
  criterion: Criterion;
  /** The answer given so far (`null`: none). */
  value: AnswerValue;
  busy: boolean;
  formats: Formats;
  /** The answer as given: a boolean, a number, or text (a number field's text when it is no number). */
  onAnswer: (value: boolean | number | string) => void;
}

/** Yes/no and 1..5 as pressed buttons (one press answers); a number with its unit or text, saved with a button or Enter. */
export function StepAnswerControls(props: StepAnswerControlsProps) {
  const t = useT();
  const { criterion, value, busy, formats } = props;
  if (criterion.kind === 'yesno' || criterion.kind === 'scale') {
    const choices: { value: boolean | number; label: string }[] =
      criterion.kind === 'yesno'
        ? [
            { value: true, label: t('checklistYes') },
            { value: false, label: t('checklistNo') },
          ]
        : Array.from({ length: criterion.max - criterion.min + 1 }, (_, i) => ({
            value: criterion.min + i,
            label: formats.number(criterion.min + i),
          }));
    const groupLabel =
      criterion.kind === 'yesno'
        ? t('checklistAnswerFor', props.title)
        : t('checklistScaleFor', [props.title, formats.number(criterion.min), formats.number(criterion.max)]);
    return (
      <fieldset class="wm-cl-choices" aria-label={groupLabel} data-kind={criterion.kind}>
        {choices.map((choice) => (
          <button
            key={String(choice.value)}
            type="button"
            class="wm-button wm-small wm-cl-choice"
            aria-pressed={value === choice.value}
            data-answer={String(choice.value)}
            disabled={busy}
            onClick={() => props.onAnswer(choice.value)}
          >
            {choice.label}
          </button>
        ))}
      </fieldset>
    );
  }
  return <WrittenAnswer {...props} criterion={criterion} />;
}

/** A number (with its unit) or a text answer, typed then saved. */
function WrittenAnswer(props: StepAnswerControlsProps & { criterion: Extract<Criterion, { kind: 'number' | 'text' }> }) {
  const t = useT();
  const { criterion, value, busy, formats } = props;
  const id = useId();
  const [draft, setDraft] = useState(() =>
    value === null || typeof value === 'boolean' ? '' : typeof value === 'number' ? formats.number(value) : value,
  );
  const label = criterion.kind === 'number' ? t('checklistNumberLabel') : t('checklistTextLabel');
  return (
    <form
      class="wm-cl-written"
      aria-label={t('checklistAnswerFor', props.title)}
      onSubmit={(event) => {
        event.preventDefault();
        props.onAnswer(criterion.kind === 'number' ? parseNumberAnswer(draft) : draft);
      }}
    >
      <div class="wm-field">
        <label for={id}>{label}</label>
        {criterion.kind === 'number' ? (
          <span class="wm-cl-number">
            {/* Text, not type=number: Chromium would drop what is not a number (or a Persian digit)
                without a word, while the worker says why an answer does not fit. */}
            <input
              id={id}
              name="answer"
              inputMode="decimal"
              autoComplete="off"
              dir="auto"
              aria-describedby={`${id}-unit`}
              value={draft}
              onInput={(e) => setDraft(e.currentTarget.value)}
            />
            <bdi class="wm-cl-unit" id={`${id}-unit`}>
              {criterion.unit}
            </bdi>
          </span>
        ) : (
          <textarea
            id={id}
            name="answer"
            rows={2}
            maxLength={2_000}
            dir="auto"
            value={draft}
            onInput={(e) => setDraft(e.currentTarget.value)}
          />
        )}
      </div>
      <button type="submit" class="wm-button wm-small wm-primary" data-action="save-answer" disabled={busy}>
        {t('checklistSaveAnswer')}
      </button>
    </form>
  );
}
