import type { JourneySummary } from '../lib/messages/protocol';
import { statusLabel } from './findings/labels';
import { useT } from './i18n';

export interface JourneyTableProps {
  journeys: readonly JourneySummary[];
  selected: ReadonlySet<string>;
  onToggle: (journeyId: string) => void;
  onToggleAll: (select: boolean) => void;
  formatDateTime: (iso: string) => string;
  formatNumber: (value: number) => string;
  /** The address of a journey's map, to link its title; no link when absent. */
  mapHref?: (journeyId: string) => string;
}

/** Every journey with a checkbox, for choosing what to export. */
export function JourneyTable({
  journeys,
  selected,
  onToggle,
  onToggleAll,
  formatDateTime,
  formatNumber,
  mapHref,
}: JourneyTableProps) {
  const t = useT();
  if (journeys.length === 0) return <p class="wm-empty">{t('journeysEmpty')}</p>;
  const all = journeys.every((s) => selected.has(s.journey.id));
  return (
    <table class="wm-table">
      <thead>
        <tr>
          <th class="wm-check">
            <input type="checkbox" checked={all} aria-label={t('journeysSelectAll')} onChange={() => onToggleAll(!all)} />
          </th>
          <th>{t('journeysColumnTitle')}</th>
          <th>{t('journeysColumnStarted')}</th>
          <th class="wm-num">{t('journeysColumnTouchpoints')}</th>
          <th>{t('journeysColumnStatus')}</th>
        </tr>
      </thead>
      <tbody>
        {journeys.map(({ journey, touchpointCount }) => (
          <tr key={journey.id} data-journey-id={journey.id}>
            <td class="wm-check">
              <input
                type="checkbox"
                checked={selected.has(journey.id)}
                aria-label={t('journeysSelect', journey.title)}
                onChange={() => onToggle(journey.id)}
              />
            </td>
            <td class="wm-title" dir="auto">
              {mapHref ? <a href={mapHref(journey.id)}>{journey.title}</a> : journey.title}
            </td>
            <td>
              <time dateTime={journey.startedAt}>{formatDateTime(journey.startedAt)}</time>
            </td>
            <td class="wm-num">{formatNumber(touchpointCount)}</td>
            <td>
              <span class="wm-status" data-running={journey.status === 'running'}>
                {statusLabel(t, journey.status)}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
