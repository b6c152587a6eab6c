import { isPainPoint, type JourneyMetrics } from '../../lib/journey/metrics';
import type { JourneyDetail } from '../../lib/messages/protocol';
import { EMOTIONS } from '../../lib/model/scales';
import { TAG_MOMENT_OF_TRUTH } from '../../lib/model/vocabulary';
import { EmotionFace } from '../EmotionFace';
import type { Formats } from '../findings/format';
import { stageLabel, touchpointHeadline, touchpointSubject } from '../findings/labels';
import type { TouchpointFields } from '../findings/TouchpointEditor';
import { EMOTION_LABEL, useT } from '../i18n';
import { type CurvePointView, EmotionCurve } from './EmotionCurve';
import { MapCard } from './MapCard';
import { mapLayout } from './map-layout';

export interface JourneyMapViewProps {
  detail: JourneyDetail;
  metrics: JourneyMetrics;
  thumbnails: Readonly<Record<string, string>>;
  otherJourneys: readonly { id: string; title: string }[];
  dir: 'ltr' | 'rtl';
  formats: Formats;
  activeId: string | null;
  editingId: string | null;
  busy: boolean;
  error?: string;
  onActivate: (id: string | null) => void;
  onEdit: (id: string | null) => void;
  onSaveTouchpoint: (id: string, fields: TouchpointFields) => void;
  /** Reorder: put `id` right after `beforeId`, or right before `afterId` (`journey.edit` reorder). */
  onReorder: (id: string, beforeId: string | null, afterId: string | null) => void;
  onSplit: (id: string) => void;
  onMoveTo: (id: string, journeyId: string) => void;
  onDeleteTouchpoint: (id: string) => void;
  onOpenScreenshot: (id: string) => void;
}

const SLOT = 224;

/**
 * The classic journey map: stages as columns, touchpoints in display order
 * under them, the emotion curve and effort bars across the top, lined up
 * slot by slot with the cards. Scrolls sideways as one piece.
 */
export function JourneyMapView(props: JourneyMapViewProps) {
  const t = useT();
  const { detail, metrics, formats } = props;
  const layout = mapLayout(detail.touchpoints, metrics);
  const pain = new Set(metrics.painPoints);
  const truth = new Set(metrics.momentsOfTruth);
  const displayOrder = layout.columns.flatMap((c) => c.touchpoints);
  const numberOf = new Map(displayOrder.map((tp) => [tp.id, (layout.slotOf.get(tp.id) ?? 0) + 1]));
  const points: CurvePointView[] = displayOrder.map((tp) => ({
    id: tp.id,
    emotion: tp.emotion,
    effort: tp.effort,
    stage: tp.stage,
    slot: layout.slotOf.get(tp.id) ?? 0,
    label: t('mapPointLabel', [
      formats.number(numberOf.get(tp.id) ?? 0),
      touchpointHeadline(tp),
      t(EMOTION_LABEL[tp.emotion]),
      formats.number(tp.effort),
    ]),
    headline: touchpointSubject(tp),
    note: tp.note,
    pain: pain.has(tp.id),
    truth: truth.has(tp.id) || tp.tags.includes(TAG_MOMENT_OF_TRUTH),
  }));
  return (
    <section class="wm-board" aria-label={t('mapBoardLabel')} style={{ '--wm-slot': `${SLOT}px` }}>
      <div class="wm-board-scroll">
        <div class="wm-board-inner" style={{ width: `${layout.totalSlots * SLOT}px` }}>
          <div class="wm-curve-legend" aria-hidden="true">
            <span>
              <EmotionFace emotion={EMOTIONS[4]} size={16} /> {t('emotionPlus2')}
            </span>
            <span>
              <EmotionFace emotion={EMOTIONS[0]} size={16} /> {t('emotionMinus2')}
            </span>
            <span class="wm-legend-bar">{t('mapLegendEffort')}</span>
          </div>
          <EmotionCurve
            points={points}
            totalSlots={layout.totalSlots}
            slotWidth={SLOT}
            dir={props.dir}
            activeId={props.activeId}
            onActivate={props.onActivate}
            onSelect={(id) => document.getElementById(`tp-${id}`)?.querySelector<HTMLElement>('button')?.focus()}
          />
          <div class="wm-columns">
            {layout.columns.map((column) => (
              <section
                key={column.stage || '-'}
                class="wm-column"
                data-stage={column.stage}
                style={{ width: `${column.slots * SLOT}px` }}
                aria-labelledby={`stage-${column.stage || 'none'}`}
              >
                <header class="wm-column-head">
                  <h2 id={`stage-${column.stage || 'none'}`} dir="auto">
                    {stageLabel(t, column.stage)}
                  </h2>
                  <p class="wm-column-figures">
                    {t('popupTouchpointCount', formats.number(column.figures.count))}
                    {column.figures.meanEmotion !== null && (
                      <> · {t('mapStageMeanEmotion', formats.number(column.figures.meanEmotion, 1))}</>
                    )}
                    {column.figures.meanEffort !== null && (
                      <> · {t('mapStageMeanEffort', formats.number(column.figures.meanEffort, 1))}</>
                    )}
                    {column.figures.painPoints > 0 && (
                      <> · {t('mapStagePainPoints', formats.number(column.figures.painPoints))}</>
                    )}
                  </p>
                </header>
                {column.touchpoints.length === 0 && <p class="wm-column-empty">{t('mapStageEmpty')}</p>}
                <div class="wm-column-cards" style={{ gridTemplateColumns: `repeat(${column.slots}, ${SLOT}px)` }}>
                  {column.touchpoints.map((tp, index) => {
                    // Earlier and later move a card within its stage column, past its neighbour there.
                    const [prev, next] = [column.touchpoints[index - 1], column.touchpoints[index + 1]];
                    return (
                      <MapCard
                        key={tp.id}
                        touchpoint={tp}
                        number={numberOf.get(tp.id) ?? 0}
                        thumbnail={props.thumbnails[tp.id]}
                        pain={pain.has(tp.id) || isPainPoint(tp)}
                        truth={truth.has(tp.id)}
                        active={props.activeId === tp.id}
                        first={prev === undefined}
                        last={next === undefined}
                        canSplit={metrics.curve[0]?.touchpointId !== tp.id}
                        otherJourneys={props.otherJourneys}
                        stages={detail.journey.stages}
                        editing={props.editingId === tp.id}
                        busy={props.busy}
                        error={props.editingId === tp.id ? props.error : undefined}
                        formats={formats}
                        onActivate={(on) => props.onActivate(on ? tp.id : null)}
                        onEdit={(open) => props.onEdit(open ? tp.id : null)}
                        onSave={(fields) => props.onSaveTouchpoint(tp.id, fields)}
                        onMove={(direction) =>
                          direction === 'earlier'
                            ? prev && props.onReorder(tp.id, null, prev.id)
                            : next && props.onReorder(tp.id, next.id, null)
                        }
                        onSplit={() => props.onSplit(tp.id)}
                        onMoveTo={(journeyId) => props.onMoveTo(tp.id, journeyId)}
                        onDelete={() => props.onDeleteTouchpoint(tp.id)}
                        onOpenScreenshot={() => props.onOpenScreenshot(tp.id)}
                      />
                    );
                  })}
                </div>
              </section>
            ))}
          </div>
        </div>
      </div>
    </section>
  );
}
