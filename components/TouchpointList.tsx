import type { Touchpoint } from '../lib/model/touchpoint';
import { EmotionFace } from './EmotionFace';
import { EMOTION_LABEL, useT } from './i18n';

export interface TouchpointListProps {
  touchpoints: readonly Touchpoint[];
  /** Formats a capture time (time of day) for the UI locale. */
  formatTime: (iso: string) => string;
  /** Formats a number with the UI locale's digits. */
  formatNumber: (value: number) => string;
}

/** A journey's touchpoints, newest last, with their ratings. */
export function TouchpointList({ touchpoints, formatTime, formatNumber }: TouchpointListProps) {
  const t = useT();
  if (touchpoints.length === 0) return <p class="wm-empty">{t('popupEmptyTouchpoints')}</p>;
  return (
    <ol class="wm-touchpoints">
      {touchpoints.map((tp) => (
        <li key={tp.id} class="wm-touchpoint" data-touchpoint-id={tp.id}>
          <EmotionFace emotion={tp.emotion} size={26} label={t(EMOTION_LABEL[tp.emotion])} />
          <div class="wm-touchpoint-body">
            <p class="wm-touchpoint-title" dir="auto">
              {tp.note || tp.anchor.quote.exact || tp.pageTitle || tp.anchor.tagName}
            </p>
            <p class="wm-touchpoint-meta">
              <span class="wm-effort-badge" data-effort={tp.effort}>
                {t('popupEffortShort', formatNumber(tp.effort))}
              </span>
              <span class="wm-page" dir="auto">
                {tp.pageTitle}
              </span>
              <time dateTime={tp.capturedAt}>{formatTime(tp.capturedAt)}</time>
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}
