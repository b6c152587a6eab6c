import { isPainPoint } from '../../lib/journey/metrics';
import type { TimelineEntry } from '../../lib/journey/order';
import { TAG_MOMENT_OF_TRUTH } from '../../lib/model/vocabulary';
import { EmotionFace } from '../EmotionFace';
import type { Formats } from '../findings/format';
import { interactionLabel, stageLabel, touchpointHeadline } from '../findings/labels';
import { type OwnerView, ownerLabel, shownOwner } from '../findings/owner-labels';
import { TouchpointEditor, type TouchpointFields } from '../findings/TouchpointEditor';
import { EMOTION_LABEL, useT } from '../i18n';

export interface TimelineItemProps {
  entry: TimelineEntry;
  /** The journey's stages, for the stage picker. */
  stages: readonly string[];
  /** An object URL of the touchpoint's thumbnail, when it has one. */
  thumbnail?: string;
  editing: boolean;
  /** Just saved: highlighted once. */
  fresh: boolean;
  busy: boolean;
  error?: string;
  formats: Formats;
  /** A touchpoint's owner and suggestion (a logged interaction has none). */
  owner?: OwnerView;
  onEdit: (open: boolean) => void;
  onSave: (fields: TouchpointFields) => void;
}

/** One line of the live timeline: a touchpoint (click to edit) or a logged interaction (rate it to promote it). */
export function TimelineItem(props: TimelineItemProps) {
  const t = useT();
  const { entry, formats } = props;
  const editor = props.editing && (
    <TouchpointEditor
      heading={entry.kind === 'touchpoint' ? t('editorEditHeading') : t('editorPromoteHeading')}
      initial={entry.kind === 'touchpoint' ? entry.record : { emotion: null, effort: null, note: '', stage: '', tags: [] }}
      stages={props.stages}
      busy={props.busy}
      error={props.error}
      onSave={props.onSave}
      onCancel={() => props.onEdit(false)}
      owner={entry.kind === 'touchpoint' ? props.owner : undefined}
    />
  );
  if (entry.kind === 'interaction') {
    const ia = entry.record;
    return (
      <li class="wm-tl-item wm-tl-interaction" data-interaction-id={ia.id} data-kind={ia.kind}>
        <div class="wm-tl-row">
          <span class="wm-tl-dot" aria-hidden="true" />
          <div class="wm-tl-body">
            <p class="wm-tl-title">
              <span class="wm-tl-kind">{interactionLabel(t, ia.kind)}</span>{' '}
              <bdi class="wm-tl-label">{ia.label || ia.pageTitle}</bdi>
            </p>
            <p class="wm-tl-meta">
              <time dateTime={ia.at}>{formats.time(ia.at)}</time>
              {ia.durationMs !== null && <span>{formats.duration(ia.durationMs)}</span>}
              <bdi class="wm-url" dir="ltr">
                {ia.url}
              </bdi>
            </p>
          </div>
          {!props.editing && (
            <button type="button" class="wm-button wm-small" data-action="promote" onClick={() => props.onEdit(true)}>
              {t('sidePanelPromote')}
            </button>
          )}
        </div>
        {editor}
      </li>
    );
  }
  const tp = entry.record;
  const pain = isPainPoint(tp);
  const truth = tp.tags.includes(TAG_MOMENT_OF_TRUTH);
  const owner = props.owner && shownOwner(props.owner);
  return (
    <li class="wm-tl-item wm-tl-touchpoint" data-touchpoint-id={tp.id} data-fresh={props.fresh}>
      <button
        type="button"
        class="wm-tl-row wm-tl-open"
        aria-expanded={props.editing}
        data-action="edit-touchpoint"
        onClick={() => props.onEdit(!props.editing)}
      >
        <EmotionFace emotion={tp.emotion} size={28} label={t(EMOTION_LABEL[tp.emotion])} />
        <span class="wm-tl-body">
          <span class="wm-tl-title" dir="auto">
            {touchpointHeadline(tp)}
          </span>
          <span class="wm-tl-meta">
            <span class="wm-effort-badge" data-effort={tp.effort}>
              {t('popupEffortShort', formats.number(tp.effort))}
            </span>
            <span class="wm-stage-chip">{stageLabel(t, tp.stage)}</span>
            {owner && (
              <span class="wm-owner-chip" data-owner={owner.owner} data-suggested={owner.suggested}>
                {owner.suggested ? t('ownerSuggested', ownerLabel(t, owner.owner)) : ownerLabel(t, owner.owner)}
              </span>
            )}
            {pain && (
              <span class="wm-flag" data-flag="pain">
                {t('tagPainPoint')}
              </span>
            )}
            {truth && (
              <span class="wm-flag" data-flag="truth">
                {t('tagMomentOfTruth')}
              </span>
            )}
            <time dateTime={tp.capturedAt}>{formats.time(tp.capturedAt)}</time>
          </span>
        </span>
        {props.thumbnail && <img class="wm-thumb" src={props.thumbnail} alt="" width={64} height={40} />}
      </button>
      {editor}
    </li>
  );
}
