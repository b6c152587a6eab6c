import { useState } from 'preact/hooks';
import type { Journey } from '../../lib/model/journey';
import type { Formats } from '../findings/format';
import { statusLabel } from '../findings/labels';
import { useT } from '../i18n';

export interface MapHeaderProps {
  journey: Journey;
  /** Other journeys, for merging and comparing. */
  others: readonly { id: string; title: string }[];
  busy: boolean;
  formats: Formats;
  onExport: () => void;
  onMerge: (absorbId: string) => void;
  onCompare: (otherId: string) => void;
  onDelete: () => void;
  /** The journey's study, the site it ran on and the study comparison's address (`null` without a script). */
  study?: StudyFrame;
}

/** What the header shows of the journey's study. */
export interface StudyFrame {
  name: string;
  /** The brand's or competitor's name; `null` when the study no longer names the site. */
  site: string | null;
  compareHref: string | null;
}

/** The journey's title, study frame and journey-wide actions, above its map. */
export function MapHeader({ journey, others, busy, formats, onExport, onMerge, onCompare, onDelete, study }: MapHeaderProps) {
  const t = useT();
  const [other, setOther] = useState('');
  const frame = [
    [t('reportStudy'), study?.name ?? ''],
    [t('reportRanOn'), study ? (study.site ?? t('reportSiteUnknown')) : ''],
    [t('mapSite'), journey.site],
    [t('mapPersona'), journey.persona],
    [t('mapScenario'), journey.scenario],
  ].filter(([, value]) => value);
  return (
    <header class="wm-map-header">
      <div class="wm-map-title">
        <h1 dir="auto">{journey.title}</h1>
        <p class="wm-map-meta">
          <span class="wm-status-pill" data-status={journey.status}>
            {statusLabel(t, journey.status)}
          </span>
          <span>{t('popupStartedAt', formats.dateTime(journey.startedAt))}</span>
          {journey.researcher && <bdi dir="auto">{journey.researcher}</bdi>}
        </p>
        {frame.length > 0 && (
          <dl class="wm-frame">
            {frame.map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd dir="auto">{value}</dd>
              </div>
            ))}
          </dl>
        )}
        {study?.compareHref && (
          <p class="wm-map-meta">
            <a href={study.compareHref} data-action="compare-script">
              {t('reportCompareLink')}
            </a>
          </p>
        )}
      </div>
      <div class="wm-map-actions">
        <button type="button" class="wm-button" data-action="export-json" disabled={busy} onClick={onExport}>
          {t('popupExportJson')}
        </button>
        <div class="wm-with-other">
          <label class="wm-field">
            <span>{t('mapOtherJourney')}</span>
            <select name="other-journey" value={other} onChange={(e) => setOther(e.currentTarget.value)}>
              <option value="">{t('mapChooseJourney')}</option>
              {others.map((j) => (
                <option key={j.id} value={j.id}>
                  {j.title}
                </option>
              ))}
            </select>
          </label>
          <button type="button" class="wm-button" data-action="compare" disabled={!other} onClick={() => onCompare(other)}>
            {t('actionCompare')}
          </button>
          <button type="button" class="wm-button" data-action="merge" disabled={!other || busy} onClick={() => onMerge(other)}>
            {t('actionMergeInto')}
          </button>
        </div>
        <button type="button" class="wm-button wm-danger" data-action="delete-journey" disabled={busy} onClick={onDelete}>
          {t('actionDeleteJourney')}
        </button>
      </div>
    </header>
  );
}
