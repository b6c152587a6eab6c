import { useEffect, useRef, useState } from 'preact/hooks';
import type { Effort, Emotion } from '../../lib/model/scales';
import { KNOWN_TAGS } from '../../lib/model/vocabulary';
import { OWNERSHIPS, type Ownership } from '../../lib/study/types';
import { EffortScale } from '../EffortScale';
import { EmotionScale } from '../EmotionScale';
import { useT } from '../i18n';
import { stageLabel, tagLabel } from './labels';
import { type OwnerView, ownerLabel } from './owner-labels';

/** What the editor changes on a touchpoint. */
export interface TouchpointFields {
  emotion: Emotion;
  effort: Effort;
  note: string;
  stage: string;
  tags: string[];
  /** Who owns it, when the editor was given `owner`; `null` goes back to the suggestion. */
  owner?: Ownership | null;
}

export interface TouchpointEditorProps {
  /** The form's heading, e.g. "Edit touchpoint" or "Rate this step". */
  heading: string;
  /** Values to start from; `null` ratings must be chosen before saving. */
  initial: Omit<TouchpointFields, 'emotion' | 'effort'> & { emotion: Emotion | null; effort: Effort | null };
  /** The journey's stages, in order. */
  stages: readonly string[];
  busy: boolean;
  /** Shown under the form, e.g. why the last save failed. */
  error?: string;
  onSave: (fields: TouchpointFields) => void;
  onCancel: () => void;
  /** The touchpoint's owner and suggestion: with it, the editor offers an owner picker. */
  owner?: OwnerView;
}

const splitTags = (text: string) =>
  text
    .split(/[,،、，]/)
    .map((tag) => tag.trim())
    .filter((tag) => tag.length > 0 && tag.length <= 64);

/**
 * Ratings, stage, tags and note of one touchpoint, edited in place. Escape
 * cancels; the first control takes the focus when the editor opens.
 */
export function TouchpointEditor({ heading, initial, stages, busy, error, onSave, onCancel, owner }: TouchpointEditorProps) {
  const t = useT();
  const root = useRef<HTMLFormElement>(null);
  const [emotion, setEmotion] = useState(initial.emotion);
  const [effort, setEffort] = useState(initial.effort);
  const [note, setNote] = useState(initial.note);
  const [stage, setStage] = useState(initial.stage);
  const [known, setKnown] = useState(
    () => new Set(initial.tags.filter((tag) => (KNOWN_TAGS as readonly string[]).includes(tag))),
  );
  const [other, setOther] = useState(() =>
    initial.tags.filter((tag) => !(KNOWN_TAGS as readonly string[]).includes(tag)).join(', '),
  );
  const [missing, setMissing] = useState(false);
  const [ownerChoice, setOwnerChoice] = useState(owner?.stored ?? null);
  useEffect(() => root.current?.querySelector<HTMLElement>('input, select, textarea')?.focus(), []);
  const stageOptions = [...new Set(['', ...stages, initial.stage])];

  return (
    <form
      ref={root}
      class="wm-editor"
      aria-label={heading}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onCancel();
        }
      }}
      onSubmit={(event) => {
        event.preventDefault();
        if (emotion === null || effort === null) {
          setMissing(true);
          return;
        }
        const tags = [...new Set([...known, ...splitTags(other)])].slice(0, 50);
        onSave({ emotion, effort, note, stage, tags, ...(owner ? { owner: ownerChoice } : {}) });
      }}
    >
      <p class="wm-editor-heading">{heading}</p>
      <EmotionScale value={emotion} onChange={setEmotion} />
      <EffortScale value={effort} onChange={setEffort} />
      <label class="wm-field">
        <span>{t('editorStage')}</span>
        <select name="stage" value={stage} onChange={(e) => setStage(e.currentTarget.value)}>
          {stageOptions.map((id) => (
            <option key={id} value={id}>
              {stageLabel(t, id)}
            </option>
          ))}
        </select>
      </label>
      {owner && (
        <label class="wm-field">
          <span>{t('ownerLabel')}</span>
          <select
            name="owner"
            value={ownerChoice ?? ''}
            onChange={(e) => setOwnerChoice((e.currentTarget.value || null) as Ownership | null)}
          >
            <option value="">
              {owner.suggestion ? t('ownerUseSuggestion', ownerLabel(t, owner.suggestion)) : t('ownerUseSuggestionNone')}
            </option>
            {OWNERSHIPS.map((id) => (
              <option key={id} value={id}>
                {ownerLabel(t, id)}
              </option>
            ))}
          </select>
        </label>
      )}
      <fieldset class="wm-tags">
        <legend>{t('editorTags')}</legend>
        {KNOWN_TAGS.map((tag) => (
          <label key={tag} class="wm-tag-choice">
            <input
              type="checkbox"
              name="tag"
              value={tag}
              checked={known.has(tag)}
              onChange={(e) => {
                const next = new Set(known);
                if (e.currentTarget.checked) next.add(tag);
                else next.delete(tag);
                setKnown(next);
              }}
            />
            {tagLabel(t, tag)}
          </label>
        ))}
        <label class="wm-field wm-other-tags">
          <span>{t('editorOtherTags')}</span>
          <input name="otherTags" value={other} dir="auto" onInput={(e) => setOther(e.currentTarget.value)} />
        </label>
      </fieldset>
      <label class="wm-field">
        <span>{t('cardNote')}</span>
        <textarea
          name="note"
          rows={3}
          maxLength={10_000}
          dir="auto"
          value={note}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
      </label>
      {(error || missing) && (
        <p class="wm-notice" role="alert" data-kind="error">
          {error ?? t('cardNeedRating')}
        </p>
      )}
      <div class="wm-editor-actions">
        <button type="button" class="wm-button" onClick={onCancel} disabled={busy}>
          {t('cardCancel')}
        </button>
        <button type="submit" class="wm-button wm-primary" data-action="save-touchpoint" disabled={busy}>
          {busy ? t('cardSaving') : t('cardSave')}
        </button>
      </div>
    </form>
  );
}
