import type { TimelineEntry } from '../../lib/journey/order';
import type { Journey } from '../../lib/model/journey';
import type { Formats } from '../findings/format';
import { statusLabel } from '../findings/labels';
import type { OwnerView } from '../findings/owner-labels';
import type { TouchpointFields } from '../findings/TouchpointEditor';
import { useT } from '../i18n';
import { ScriptChecklist, type ScriptChecklistProps } from './ScriptChecklist';
import { TimelineItem } from './TimelineItem';

/** Which timeline line is open for editing. */
export type EditTarget = { kind: 'touchpoint' | 'interaction'; id: string } | null;

export interface SidePanelViewProps {
  /** `undefined` while loading; `null` when there is no journey yet. */
  journey: Journey | null | undefined;
  entries: readonly TimelineEntry[];
  thumbnails: Readonly<Record<string, string>>;
  editing: EditTarget;
  /** The touchpoint saved last, highlighted as it arrives. */
  freshId?: string;
  busy: boolean;
  error?: string;
  formats: Formats;
  /** The study script's checklist, when the journey's study has a script. */
  checklist?: Omit<ScriptChecklistProps, 'formats'>;
  /** Each touchpoint's owner and suggestion, by id. */
  owners?: Readonly<Record<string, OwnerView>>;
  onEdit: (target: EditTarget) => void;
  onSaveTouchpoint: (touchpointId: string, fields: TouchpointFields) => void;
  onPromote: (interactionId: string, fields: TouchpointFields) => void;
  onPause: () => void;
  onResume: () => void;
  onOpenMap: () => void;
}

/** The side panel: the running journey's live timeline, edited in place. */
export function SidePanelView(props: SidePanelViewProps) {
  const t = useT();
  const { journey, entries, formats } = props;
  const touchpoints = entries.filter((e) => e.kind === 'touchpoint').length;
  return (
    <main class="wm-sidepanel" aria-busy={journey === undefined}>
      <header class="wm-sp-header">
        <p class="wm-eyebrow">{t('sidePanelTitle')}</p>
        {journey ? (
          <>
            <h1 dir="auto">{journey.title}</h1>
            <p class="wm-sp-meta">
              <span class="wm-status-pill" data-status={journey.status}>
                {statusLabel(t, journey.status)}
              </span>
              <span data-testid="sp-touchpoint-count">{t('popupTouchpointCount', formats.number(touchpoints))}</span>
              <span>{t('sidePanelInteractionCount', formats.number(entries.length - touchpoints))}</span>
            </p>
            <div class="wm-sp-actions">
              {journey.status === 'running' && (
                <button type="button" class="wm-button" data-action="pause" onClick={props.onPause} disabled={props.busy}>
                  {t('actionPause')}
                </button>
              )}
              {journey.status === 'paused' && (
                <button type="button" class="wm-button" data-action="resume" onClick={props.onResume} disabled={props.busy}>
                  {t('actionResume')}
                </button>
              )}
              <button type="button" class="wm-button" data-action="open-map" onClick={props.onOpenMap}>
                {t('actionOpenMap')}
              </button>
            </div>
          </>
        ) : (
          journey === null && <p class="wm-empty">{t('sidePanelNoJourney')}</p>
        )}
      </header>
      {props.error && !props.editing && (
        <p class="wm-notice" role="alert" data-kind="error">
          {props.error}
        </p>
      )}
      {journey && props.checklist && <ScriptChecklist {...props.checklist} formats={formats} />}
      {journey && entries.length === 0 && <p class="wm-empty">{t('sidePanelEmpty')}</p>}
      {journey && entries.length > 0 && (
        <ol class="wm-timeline" aria-label={t('sidePanelTimeline')} aria-live="polite" aria-relevant="additions">
          {entries.map((entry) => {
            const id = entry.record.id;
            const editing = props.editing?.id === id;
            return (
              <TimelineItem
                key={id}
                entry={entry}
                stages={journey.stages}
                thumbnail={props.thumbnails[id]}
                editing={editing}
                fresh={props.freshId === id}
                busy={props.busy}
                error={editing ? props.error : undefined}
                formats={formats}
                owner={props.owners?.[id]}
                onEdit={(open) => props.onEdit(open ? { kind: entry.kind, id } : null)}
                onSave={(fields) =>
                  entry.kind === 'touchpoint' ? props.onSaveTouchpoint(id, fields) : props.onPromote(id, fields)
                }
              />
            );
          })}
        </ol>
      )}
    </main>
  );
}
