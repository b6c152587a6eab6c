import type { JourneyMetrics } from '../../lib/journey/metrics';
import type { OwnerFigures } from '../../lib/study/ownership';
import type { Formats } from '../findings/format';
import { type MessageKey, useT } from '../i18n';
import { OwnerSummary } from './OwnerSummary';

export interface MetricsPanelProps {
  metrics: JourneyMetrics;
  formats: Formats;
  /** Figures per touchpoint owner (`summariseByOwner`); the table is left out without them. */
  owners?: readonly OwnerFigures[];
}

/** The journey's headline figures, from `journeyMetrics`. */
export function MetricsPanel({ metrics: m, formats: f, owners }: MetricsPanelProps) {
  const t = useT();
  const covered = m.stageCoverage.filter((s) => s.covered).length;
  const mean = (value: number | null) => (value === null ? '–' : f.number(value, 1));
  const tiles: [MessageKey, string, string][] = [
    ['metricDuration', f.duration(m.durationMs), 'duration'],
    ['metricTouchpoints', f.number(m.touchpointCount), 'touchpoints'],
    ['metricInteractions', f.number(m.interactionCount), 'interactions'],
    ['metricMeanEmotion', mean(m.meanEmotion), 'mean-emotion'],
    ['metricLowestEmotion', m.minEmotion === null ? '–' : f.number(m.minEmotion), 'min-emotion'],
    ['metricMeanEffort', mean(m.meanEffort), 'mean-effort'],
    ['metricPainPoints', f.number(m.painPoints.length), 'pain-points'],
    ['metricMomentsOfTruth', f.number(m.momentsOfTruth.length), 'moments-of-truth'],
    ['metricStagesCovered', t('metricOutOf', [f.number(covered), f.number(m.stageCoverage.length)]), 'stages'],
    ['metricLongestWait', m.longestWait ? f.duration(m.longestWait.ms) : '–', 'longest-wait'],
  ];
  return (
    <section class="wm-metrics" aria-labelledby="wm-metrics-heading">
      <h2 id="wm-metrics-heading" class="wm-visually-hidden">
        {t('mapMetricsHeading')}
      </h2>
      <dl class="wm-metric-tiles">
        {tiles.map(([label, value, key]) => (
          <div key={key} class="wm-metric" data-metric={key}>
            <dt>{t(label)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {owners && <OwnerSummary figures={owners} formats={f} />}
    </section>
  );
}
