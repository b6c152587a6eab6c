import type { Box } from '../lib/capture/place-card';
import { useT } from './i18n';

/** One placed pin: where its element is now and what its touchpoint says. */
export interface PinView {
  id: string;
  /** The element's box in the viewport now. */
  box: Box;
  /** Its number in the journey's order on this page, 1-based. */
  number: number;
  /** A short name for screen readers: the note, else the element's text. */
  title: string;
  /** Lines of the touchpoint's card: ratings, stage, note. */
  lines: string[];
}

export interface PinsProps {
  pins: PinView[];
  /** Touchpoints of this page whose element could not be placed. */
  notPlaced: number;
  /** The pin whose touchpoint is shown, if any. */
  openId: string | null;
  onOpen: (id: string | null) => void;
  onHide: () => void;
}

/** Small pins at the elements tagged on this page; a click shows that touchpoint. */
export function Pins({ pins, notPlaced, openId, onOpen, onHide }: PinsProps) {
  const t = useT();
  const open = pins.find((pin) => pin.id === openId);
  return (
    <>
      {pins.map((pin) => (
        <button
          key={pin.id}
          type="button"
          class="wm-pin"
          data-touchpoint-id={pin.id}
          aria-label={t('pinLabel', pin.title)}
          aria-expanded={pin.id === openId}
          style={{ left: `${pin.box.left}px`, top: `${pin.box.top}px` }}
          onClick={() => onOpen(pin.id === openId ? null : pin.id)}
        >
          {pin.number}
        </button>
      ))}
      {open && (
        <div
          class="wm-pin-card"
          role="dialog"
          aria-label={t('pinLabel', open.title)}
          data-touchpoint-id={open.id}
          style={{ left: `${Math.min(open.box.left + 16, innerWidth - 276)}px`, top: `${open.box.top + 16}px` }}
          onKeyDown={(e) => e.key === 'Escape' && onOpen(null)}
        >
          {open.lines.map((line) => (
            <p key={line} dir="auto">
              {line}
            </p>
          ))}
          <button type="button" class="wm-button" onClick={() => onOpen(null)}>
            {t('pinClose')}
          </button>
        </div>
      )}
      {(notPlaced > 0 || pins.length > 0) && (
        <div class="wm-pins-status" role="status">
          {notPlaced > 0 && <span class="wm-pins-not-placed">{t('pinsNotPlaced', String(notPlaced))}</span>}
          <button type="button" class="wm-button" onClick={onHide}>
            {t('pinsHide')}
          </button>
        </div>
      )}
    </>
  );
}
