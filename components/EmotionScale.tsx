import { EMOTIONS, type Emotion } from '../lib/model/scales';
import { EmotionFace } from './EmotionFace';
import { EMOTION_LABEL, useT } from './i18n';

export interface EmotionScaleProps {
  value: Emotion | null;
  onChange: (emotion: Emotion) => void;
}

/** Five labelled faces as a radio group (arrow keys move, as native radios do). */
export function EmotionScale({ value, onChange }: EmotionScaleProps) {
  const t = useT();
  return (
    <fieldset class="wm-scale wm-emotion">
      <legend>{t('cardEmotion')}</legend>
      <div class="wm-options">
        {EMOTIONS.map((emotion, index) => (
          <label key={emotion} class="wm-option" data-selected={value === emotion}>
            <input
              type="radio"
              name="wm-emotion"
              value={emotion}
              checked={value === emotion}
              onChange={() => onChange(emotion)}
              data-emotion={emotion}
            />
            <EmotionFace emotion={emotion} size={30} />
            <span class="wm-option-key" aria-hidden="true">
              {index + 1}
            </span>
            <span class="wm-option-label">{t(EMOTION_LABEL[emotion])}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
