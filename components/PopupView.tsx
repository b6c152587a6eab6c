import { useState } from 'preact/hooks';
import type { Journey } from '../lib/model/journey';
import type { Study } from '../lib/model/study';
import type { Touchpoint } from '../lib/model/touchpoint';
import { useT } from './i18n';
import { resolveChoice, type StudyChoice, StudyPicker } from './study/StudyPicker';
import { TouchpointList } from './TouchpointList';

export interface PopupViewProps {
  /** `undefined` while loading; `null` when no journey exists yet. */
  journey: Journey | null | undefined;
  touchpoints: readonly Touchpoint[];
  /** A notice or error to show under the controls. */
  notice?: { kind: 'info' | 'error'; text: string };
  busy: boolean;
  /** Formats a date and time for the UI locale. */
  formatDateTime: (iso: string) => string;
  /** Formats a time of day for the UI locale. */
  formatTime: (iso: string) => string;
  /** Formats a number with the UI locale's digits. */
  formatNumber: (value: number) => string;
  /** The studies a new journey can belong to; `undefined` while loading. */
  studies?: readonly Study[];
  /** The study a new journey starts in unless another is picked (the last journey's, else the default). */
  initialStudyId: string;
  onStart: (title: string, choice: StudyChoice) => void;
  onEnd: () => void;
  onTagElement: () => void;
  onExport: () => void;
  onOpenJourneys: () => void;
  onPause: () => void;
  onResume: () => void;
  /** Opens the live side panel; must run synchronously in the click (a user gesture). */
  onOpenSidePanel: () => void;
  onOpenMap: () => void;
}

/** The toolbar popup: start or end a journey, tag, review, export. */
export function PopupView(props: PopupViewProps) {
  const t = useT();
  const [title, setTitle] = useState('');
  const [choice, setChoice] = useState<StudyChoice>();
  const picked = resolveChoice(props.studies ?? [], choice ?? { studyId: props.initialStudyId, siteId: 'brand' });
  const running = props.journey?.status === 'running';
  const paused = props.journey?.status === 'paused';
  return (
    <main class="wm-popup" aria-busy={props.journey === undefined}>
      <header class="wm-popup-header">
        <h1>
          <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true">
            <path d="M10 1.5a6 6 0 0 0-6 6c0 4.5 6 11 6 11s6-6.5 6-11a6 6 0 0 0-6-6Z" fill="currentColor" />
            <circle cx="10" cy="7.5" r="2.3" fill="var(--wm-bg)" />
          </svg>
          {t('extName')}
        </h1>
        <span class="wm-pill" data-running={running} data-paused={paused}>
          {running ? t('popupStatusRecording') : paused ? t('statusPaused') : t('popupStatusIdle')}
        </span>
      </header>
      <button type="button" class="wm-link" data-action="open-journeys" onClick={props.onOpenJourneys}>
        {t('popupOpenJourneys')}
      </button>

      {!running && !paused && (
        <form
          class="wm-start"
          onSubmit={(event) => {
            event.preventDefault();
            if (title.trim()) props.onStart(title.trim(), picked);
          }}
        >
          {props.journey === null && <p class="wm-intro">{t('popupNoJourney')}</p>}
          <label class="wm-field">
            <span>{t('popupJourneyName')}</span>
            <input
              name="title"
              required
              maxLength={200}
              value={title}
              placeholder={t('popupJourneyNamePlaceholder')}
              onInput={(event) => setTitle(event.currentTarget.value)}
              dir="auto"
            />
          </label>
          {props.studies && <StudyPicker studies={props.studies} value={picked} onChange={setChoice} />}
          <button type="submit" class="wm-button wm-primary" data-action="start" disabled={props.busy || !title.trim()}>
            {t('popupStart')}
          </button>
          <p class="wm-hint">{t('popupRecordingHint')}</p>
        </form>
      )}

      {props.journey && (
        <section class="wm-journey" aria-labelledby="wm-journey-title">
          {!running && !paused && <p class="wm-eyebrow">{t('popupLastJourney')}</p>}
          <h2 id="wm-journey-title" dir="auto">
            {props.journey.title}
          </h2>
          <p class="wm-journey-meta">
            {t('popupStartedAt', props.formatDateTime(props.journey.startedAt))} ·{' '}
            <span data-testid="touchpoint-count">{t('popupTouchpointCount', props.formatNumber(props.touchpoints.length))}</span>
          </p>
          <div class="wm-toolbar">
            {running && (
              <button
                type="button"
                class="wm-button wm-primary"
                data-action="tag-element"
                onClick={props.onTagElement}
                disabled={props.busy}
              >
                {t('popupTagElement')}
              </button>
            )}
            {running && (
              <button type="button" class="wm-button" data-action="pause" onClick={props.onPause} disabled={props.busy}>
                {t('actionPause')}
              </button>
            )}
            {paused && (
              <button
                type="button"
                class="wm-button wm-primary"
                data-action="resume"
                onClick={props.onResume}
                disabled={props.busy}
              >
                {t('actionResume')}
              </button>
            )}
            <button type="button" class="wm-button" data-action="open-side-panel" onClick={props.onOpenSidePanel}>
              {t('actionOpenSidePanel')}
            </button>
            <button type="button" class="wm-button" data-action="open-map" onClick={props.onOpenMap}>
              {t('actionOpenMap')}
            </button>
            <button type="button" class="wm-button" data-action="export-json" onClick={props.onExport} disabled={props.busy}>
              {t('popupExportJson')}
            </button>
            {(running || paused) && (
              <button type="button" class="wm-button wm-quiet" data-action="end" onClick={props.onEnd} disabled={props.busy}>
                {t('popupEnd')}
              </button>
            )}
          </div>
          {props.notice && (
            <p class="wm-notice" role={props.notice.kind === 'error' ? 'alert' : 'status'} data-kind={props.notice.kind}>
              {props.notice.text}
            </p>
          )}
          <TouchpointList touchpoints={props.touchpoints} formatTime={props.formatTime} formatNumber={props.formatNumber} />
        </section>
      )}
      {!props.journey && props.notice && (
        <p class="wm-notice" role="alert" data-kind={props.notice.kind}>
          {props.notice.text}
        </p>
      )}
    </main>
  );
}
