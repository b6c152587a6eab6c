import type { Box } from '../lib/capture/place-card';
import { useT } from './i18n';

export interface PickerHighlightProps {
  /** The hovered element's box, or `null` when the pointer is off the page. */
  box: Box | null;
  /** Short description: tag and text, e.g. `button · Add to cart`. */
  label: string;
}

/** The picker's outline around the hovered element, its label and the hint bar. */
export function PickerHighlight({ box, label }: PickerHighlightProps) {
  const t = useT();
  return (
    <>
      <div class="wm-picker-hint" role="status">
        {t('pickerHint')}
      </div>
      {box && (
        <>
          <div
            class="wm-highlight"
            style={{ left: `${box.left}px`, top: `${box.top}px`, width: `${box.width}px`, height: `${box.height}px` }}
          />
          <div
            class="wm-highlight-label"
            style={{ left: `${Math.max(4, box.left)}px`, top: `${box.top > 28 ? box.top - 26 : box.top + box.height + 4}px` }}
          >
            {label}
          </div>
        </>
      )}
    </>
  );
}
