import type { Formats } from '../findings/format';
import { useT } from '../i18n';
import { OWNER_FILTERS, type OwnerFilter, ownerLabel } from './study-labels';

export interface OwnerFilterFieldProps {
  value: OwnerFilter;
  /** How many touchpoints the map shows with this filter, and how many the journey has. */
  shown: number;
  total: number;
  formats: Formats;
  onChange: (value: OwnerFilter) => void;
}

/** Above the board: which owner's touchpoints the map shows. */
export function OwnerFilterField({ value, shown, total, formats: f, onChange }: OwnerFilterFieldProps) {
  const t = useT();
  return (
    <div class="wm-owner-filter">
      <label class="wm-field">
        <span>{t('reportOwnerFilter')}</span>
        <select name="owner-filter" value={value} onChange={(e) => onChange(e.currentTarget.value as OwnerFilter)}>
          {OWNER_FILTERS.map((owner) => (
            <option key={owner} value={owner}>
              {ownerLabel(t, owner)}
            </option>
          ))}
        </select>
      </label>
      <p class="wm-owner-shown" role="status">
        {t('reportOwnerShown', [f.number(shown), f.number(total)])}
      </p>
    </div>
  );
}
