import { CHANNELS, KNOWN_TAGS, NAMED_EMOTIONS, type NamedEmotion } from '../lib/model/vocabulary';
import { channelLabel, FEELING_KEYS } from './capture-labels';
import { stageLabel, tagLabel } from './findings/labels';
import { useT } from './i18n';

/** The card's words beside the ratings: feeling, stage, channel, tags. */
export interface CaptureDetailsValue {
  namedEmotion: NamedEmotion | null;
  stage: string;
  channel: string;
  /** Known tags switched on (`pain-point`, `moment-of-truth`, `delight`). */
  tags: readonly string[];
  /** Free tags as typed, comma-separated. */
  otherTags: string;
}

export interface CaptureDetailsProps {
  value: CaptureDetailsValue;
  /** The journey's stages, in order; unknown ids (a team's own) show as written. */
  stages: readonly string[];
  onChange: (value: CaptureDetailsValue) => void;
}

/** Splits typed free tags on commas of any script (`,` `،` `、` `，`). */
export function splitTags(text: string): string[] {
  return text
    .split(/[,،、，]/)
    .map((tag) => tag.trim())
    .filter((tag) => tag.length > 0 && tag.length <= 64);
}

/** Feeling, stage and channel as selects, the known tags as toggles, and free tags. */
export function CaptureDetails({ value, stages, onChange }: CaptureDetailsProps) {
  const t = useT();
  const set = (change: Partial<CaptureDetailsValue>) => onChange({ ...value, ...change });
  const stageOptions = [...new Set(['', ...stages, value.stage])];
  const channelOptions = [...new Set([...CHANNELS, value.channel])];
  return (
    <div class="wm-details">
      <label class="wm-field">
        <span>{t('cardFeeling')}</span>
        <select
          name="namedEmotion"
          value={value.namedEmotion ?? ''}
          onChange={(e) => set({ namedEmotion: (e.currentTarget.value || null) as NamedEmotion | null })}
        >
          <option value="">{t('cardFeelingNone')}</option>
          {NAMED_EMOTIONS.map((feeling) => (
            <option key={feeling} value={feeling}>
              {t(FEELING_KEYS[feeling])}
            </option>
          ))}
        </select>
      </label>
      <label class="wm-field">
        <span>{t('cardStage')}</span>
        <select name="stage" value={value.stage} onChange={(e) => set({ stage: e.currentTarget.value })}>
          {stageOptions.map((id) => (
            <option key={id} value={id}>
              {stageLabel(t, id)}
            </option>
          ))}
        </select>
      </label>
      <label class="wm-field">
        <span>{t('cardChannel')}</span>
        <select name="channel" value={value.channel} onChange={(e) => set({ channel: e.currentTarget.value })}>
          {channelOptions.map((id) => (
            <option key={id} value={id}>
              {channelLabel(t, id)}
            </option>
          ))}
        </select>
      </label>
      <label class="wm-field">
        <span>{t('cardOtherTags')}</span>
        <input
          name="otherTags"
          value={value.otherTags}
          dir="auto"
          maxLength={500}
          onInput={(e) => set({ otherTags: e.currentTarget.value })}
        />
      </label>
      <fieldset class="wm-tag-toggles">
        <legend>{t('cardTags')}</legend>
        {KNOWN_TAGS.map((tag) => (
          <label key={tag} class="wm-chip" data-selected={value.tags.includes(tag)}>
            <input
              type="checkbox"
              name="tag"
              value={tag}
              checked={value.tags.includes(tag)}
              onChange={(e) =>
                set({ tags: e.currentTarget.checked ? [...value.tags, tag] : value.tags.filter((other) => other !== tag) })
              }
            />
            {tagLabel(t, tag)}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
