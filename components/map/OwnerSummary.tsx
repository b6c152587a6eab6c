import type { OwnerFigures } from '../../lib/study/ownership';
import type { Formats } from '../findings/format';
import { useT } from '../i18n';
import { ownerLabel } from './study-labels';

export interface OwnerSummaryProps {
  /** Figures per owner, from `summariseByOwner` (the four owners, then "not known"). */
  figures: readonly OwnerFigures[];
  formats: Formats;
}

/** Count, mean emotion, mean effort and pain points per touchpoint owner, as a small table. */
export function OwnerSummary({ figures, formats: f }: OwnerSummaryProps) {
  const t = useT();
  const mean = (value: number | null) => (value === null ? '–' : f.number(value, 1));
  return (
    <div class="wm-table-scroll wm-owner-summary">
      <table class="wm-table">
        <caption>{t('reportOwnerHeading')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reportOwnerFilter')}</th>
            <th scope="col">{t('metricTouchpoints')}</th>
            <th scope="col">{t('metricMeanEmotion')}</th>
            <th scope="col">{t('metricMeanEffort')}</th>
            <th scope="col">{t('metricPainPoints')}</th>
          </tr>
        </thead>
        <tbody>
          {figures.map((row) => (
            <tr key={row.owner ?? 'unknown'} data-owner={row.owner ?? 'unknown'}>
              <th scope="row">{ownerLabel(t, row.owner)}</th>
              <td class="wm-num" data-figure="count">
                {f.number(row.count)}
              </td>
              <td class="wm-num" data-figure="emotion">
                {mean(row.meanEmotion)}
              </td>
              <td class="wm-num" data-figure="effort">
                {mean(row.meanEffort)}
              </td>
              <td class="wm-num" data-figure="pain">
                {f.number(row.painPoints.length)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
