import { EFFORTS, type Effort } from '../lib/model/scales';
import { useT } from './i18n';

export interface EffortScaleProps {
  value: Effort | null;
  onChange: (effort: Effort) => void;
}

/** Effort 1..7 as a radio group with both ends labelled. */
export function EffortScale({ value, onChange }: EffortScaleProps) {
  const t = useT();
  return (
    <fieldset class="wm-scale wm-effort">
      <legend>{t('cardEffort')}</legend>
      <div class="wm-steps">
        {EFFORTS.map((effort) => (
          <label key={effort} class="wm-step" data-selected={value === effort}>
            <input
              type="radio"
              name="wm-effort"
              value={effort}
              checked={value === effort}
              onChange={() => onChange(effort)}
              data-effort={effort}
              aria-label={
                effort === 1 ? `1 – ${t('cardEffortEasy')}` : effort === 7 ? `7 – ${t('cardEffortHard')}` : String(effort)
              }
            />
            <span aria-hidden="true">{effort}</span>
          </label>
        ))}
      </div>
      <div class="wm-ends" aria-hidden="true">
        <span>{t('cardEffortEasy')}</span>
        <span>{t('cardEffortHard')}</span>
      </div>
    </fieldset>
  );
}
