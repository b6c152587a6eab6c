import { useState } from 'preact/hooks';
import type { Touchpoint } from '../../lib/model/touchpoint';
import { EmotionFace } from '../EmotionFace';
import type { Formats } from '../findings/format';
import { tagLabel, touchpointSubject } from '../findings/labels';
import { TouchpointEditor, type TouchpointFields } from '../findings/TouchpointEditor';
import { EMOTION_LABEL, useT } from '../i18n';

export interface MapCardProps {
  touchpoint: Touchpoint;
  /** Its number in display order, from 1. */
  number: number;
  thumbnail?: string;
  pain: boolean;
  truth: boolean;
  active: boolean;
  /** First or last in its stage column: it cannot move earlier or later there. */
  first: boolean;
  last: boolean;
  /** Whether the journey can be split here (not at its first touchpoint). */
  canSplit: boolean;
  /** Journeys it may be moved to. */
  otherJourneys: readonly { id: string; title: string }[];
  stages: readonly string[];
  editing: boolean;
  busy: boolean;
  error?: string;
  formats: Formats;
  onActivate: (active: boolean) => void;
  onEdit: (open: boolean) => void;
  onSave: (fields: TouchpointFields) => void;
  onMove: (direction: 'earlier' | 'later') => void;
  onSplit: () => void;
  onMoveTo: (journeyId: string) => void;
  onDelete: () => void;
  onOpenScreenshot: () => void;
}

/** A touchpoint under its stage on the journey map, with its edits. */
export function MapCard(props: MapCardProps) {
  const t = useT();
  const { touchpoint: tp, formats } = props;
  const [target, setTarget] = useState('');
  const headline = touchpointSubject(tp);
  return (
    <article
      class="wm-map-card"
      id={`tp-${tp.id}`}
      data-touchpoint-id={tp.id}
      data-active={props.active}
      data-pain={props.pain}
      data-truth={props.truth}
      aria-labelledby={`tp-title-${tp.id}`}
      onMouseEnter={() => props.onActivate(true)}
      onMouseLeave={() => props.onActivate(false)}
      onFocusIn={() => props.onActivate(true)}
    >
      <header class="wm-map-card-head">
        <span class="wm-map-card-number">{formats.number(props.number)}</span>
        <EmotionFace emotion={tp.emotion} size={26} label={t(EMOTION_LABEL[tp.emotion])} />
        <h3 id={`tp-title-${tp.id}`} dir="auto" class="wm-map-card-title" title={headline}>
          {headline}
        </h3>
      </header>
      <div class="wm-effort-meter" title={t('popupEffortShort', formats.number(tp.effort))}>
        <span class="wm-effort-meter-label">{t('popupEffortShort', formats.number(tp.effort))}</span>
        <span class="wm-effort-meter-track" aria-hidden="true">
          <span class="wm-effort-meter-fill" style={{ inlineSize: `${(tp.effort / 7) * 100}%` }} />
        </span>
      </div>
      {(props.pain || props.truth || tp.tags.length > 0) && (
        <ul class="wm-flags" aria-label={t('editorTags')}>
          {props.pain && !tp.tags.includes('pain-point') && (
            <li class="wm-flag" data-flag="pain">
              {t('tagPainPoint')}
            </li>
          )}
          {tp.tags.map((tag) => (
            <li key={tag} class="wm-flag" data-flag={tag === 'pain-point' ? 'pain' : tag === 'moment-of-truth' ? 'truth' : 'tag'}>
              <bdi>{tagLabel(t, tag)}</bdi>
            </li>
          ))}
        </ul>
      )}
      {props.thumbnail && (
        <button type="button" class="wm-thumb-button" data-action="open-screenshot" onClick={props.onOpenScreenshot}>
          <img class="wm-thumb" src={props.thumbnail} alt={t('mapOpenScreenshot', headline)} />
        </button>
      )}
      {tp.note && tp.note !== headline && (
        <p class="wm-map-card-note" dir="auto" tabIndex={0}>
          {tp.note}
        </p>
      )}
      <p class="wm-map-card-page">
        <bdi dir="auto">{tp.pageTitle}</bdi> · <time dateTime={tp.capturedAt}>{formats.time(tp.capturedAt)}</time>
      </p>
      {props.editing ? (
        <TouchpointEditor
          heading={t('editorEditHeading')}
          initial={tp}
          stages={props.stages}
          busy={props.busy}
          error={props.error}
          onSave={props.onSave}
          onCancel={() => props.onEdit(false)}
        />
      ) : (
        <div class="wm-map-card-actions">
          <button type="button" class="wm-button wm-small" data-action="edit" onClick={() => props.onEdit(true)}>
            {t('actionEdit')}
          </button>
          <button
            type="button"
            class="wm-button wm-small wm-icon-button"
            data-action="move-earlier"
            aria-label={t('actionMoveEarlier', headline)}
            title={t('actionMoveEarlier', headline)}
            disabled={props.first || props.busy}
            onClick={() => props.onMove('earlier')}
          >
            <span class="wm-arrow" aria-hidden="true">
              ←
            </span>
          </button>
          <button
            type="button"
            class="wm-button wm-small wm-icon-button"
            data-action="move-later"
            aria-label={t('actionMoveLater', headline)}
            title={t('actionMoveLater', headline)}
            disabled={props.last || props.busy}
            onClick={() => props.onMove('later')}
          >
            <span class="wm-arrow" aria-hidden="true">
              →
            </span>
          </button>
          <details class="wm-more">
            <summary class="wm-button wm-small" data-action="more">
              {t('actionMore')}
            </summary>
            <div class="wm-more-menu">
              <button
                type="button"
                class="wm-button wm-small"
                data-action="split"
                disabled={!props.canSplit}
                onClick={props.onSplit}
              >
                {t('actionSplitHere')}
              </button>
              {props.otherJourneys.length > 0 && (
                <div class="wm-move-to">
                  <label class="wm-field">
                    <span>{t('actionMoveToJourney')}</span>
                    <select name="move-to" value={target} onChange={(e) => setTarget(e.currentTarget.value)}>
                      <option value="">{t('mapChooseJourney')}</option>
                      {props.otherJourneys.map((j) => (
                        <option key={j.id} value={j.id}>
                          {j.title}
                        </option>
                      ))}
                    </select>
                  </label>
                  <button
                    type="button"
                    class="wm-button wm-small"
                    data-action="move-to"
                    disabled={!target}
                    onClick={() => props.onMoveTo(target)}
                  >
                    {t('actionMove')}
                  </button>
                </div>
              )}
              <button type="button" class="wm-button wm-small wm-danger" data-action="delete-touchpoint" onClick={props.onDelete}>
                {t('actionDelete')}
              </button>
            </div>
          </details>
        </div>
      )}
    </article>
  );
}
