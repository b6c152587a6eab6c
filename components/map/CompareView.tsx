import type { ComparisonRowKey, JourneyComparison, JourneyMetrics } from '../../lib/journey/metrics';
import type { Journey } from '../../lib/model/journey';
import type { Formats } from '../findings/format';
import { statusLabel } from '../findings/labels';
import { type MessageKey, useT } from '../i18n';
import { MiniCurve } from './EmotionCurve';

export interface CompareViewProps {
  items: readonly { journey: Journey; metrics: JourneyMetrics }[];
  comparison: JourneyComparison;
  dir: 'ltr' | 'rtl';
  formats: Formats;
  /** The address of one journey's map. */
  mapHref: (journeyId: string) => string;
}

const ROW_LABELS: Record<ComparisonRowKey, MessageKey> = {
  title: 'journeysColumnTitle',
  site: 'compareSite',
  status: 'journeysColumnStatus',
  durationMs: 'metricDuration',
  touchpointCount: 'metricTouchpoints',
  interactionCount: 'metricInteractions',
  meanEmotion: 'metricMeanEmotion',
  minEmotion: 'metricLowestEmotion',
  meanEffort: 'metricMeanEffort',
  painPointCount: 'metricPainPoints',
  momentOfTruthCount: 'metricMomentsOfTruth',
  stagesCovered: 'metricStagesCovered',
  stageCount: 'compareStageCount',
  longestWaitMs: 'metricLongestWait',
};

/** Two or more journeys side by side: their emotion curves, then their figures in one table. */
export function CompareView({ items, comparison, dir, formats: f, mapHref }: CompareViewProps) {
  const t = useT();
  const cell = (key: ComparisonRowKey, value: string | number | null): string => {
    if (value === null) return '–';
    if (typeof value === 'string') return key === 'status' ? statusLabel(t, value as Journey['status']) : value;
    if (key === 'durationMs' || key === 'longestWaitMs') return f.duration(value);
    if (key === 'meanEmotion' || key === 'meanEffort') return f.number(value, 1);
    return f.number(value);
  };
  return (
    <section class="wm-compare" aria-labelledby="wm-compare-heading">
      <h2 id="wm-compare-heading">{t('compareHeading')}</h2>
      <ul class="wm-compare-curves">
        {items.map(({ journey, metrics }) => (
          <li key={journey.id} class="wm-compare-item" data-journey-id={journey.id}>
            <h3 dir="auto">
              <a href={mapHref(journey.id)}>{journey.title}</a>
            </h3>
            {journey.site && (
              <p class="wm-compare-site">
                <bdi dir="ltr">{journey.site}</bdi>
              </p>
            )}
            <MiniCurve
              emotions={metrics.curve.map((p) => p.emotion)}
              width={300}
              height={110}
              dir={dir}
              label={t('compareCurveLabel', [journey.title, f.number(metrics.touchpointCount)])}
            />
          </li>
        ))}
      </ul>
      <div class="wm-table-scroll">
        <table class="wm-table wm-compare-table">
          <thead>
            <tr>
              <td />
              {items.map(({ journey }) => (
                <th key={journey.id} scope="col" dir="auto">
                  {journey.title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {comparison.rows
              .filter((row) => row.key !== 'title')
              .map((row) => (
                <tr key={row.key} data-row={row.key}>
                  <th scope="row">{t(ROW_LABELS[row.key])}</th>
                  {row.values.map((value, i) => (
                    <td
                      key={comparison.journeyIds[i]}
                      class={typeof value === 'number' ? 'wm-num' : undefined}
                      // Only words pick their own direction: numbers follow the page's (Persian digits are weak).
                      dir={typeof value === 'string' ? 'auto' : undefined}
                    >
                      {cell(row.key, value)}
                    </td>
                  ))}
                </tr>
              ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
