import { useEffect, useState } from 'preact/hooks';
import { FEELING_KEYS } from '@/components/capture-labels';
import { stageLabel, tagLabel } from '@/components/findings/labels';
import { EMOTION_LABEL, useT } from '@/components/i18n';
import { Pins, type PinView } from '@/components/Pins';
import { boxInTopWindow } from '@/lib/capture/frame-path';
import { reanchor } from '@/lib/capture/reanchor';
import type { PinnedTouchpoint } from '@/lib/messages/protocol';

export interface PinsLayerProps {
  /** The running journey's touchpoints tagged on an element of this page, sent by the worker. */
  touchpoints: PinnedTouchpoint[];
  onHide: () => void;
  signal: AbortSignal;
}

interface Placed {
  touchpoint: PinnedTouchpoint;
  element: Element;
}

/**
 * The pins' controller: takes what was tagged on this page in the running
 * journey (the worker sends it with the command, so showing pins costs no
 * request back), places each touchpoint's element again (selector,
 * XPath, text quote) and follows the elements as the page scrolls.
 */
export function PinsLayer({ touchpoints, onHide, signal }: PinsLayerProps) {
  const t = useT();
  const [placed, setPlaced] = useState<Placed[]>([]);
  const [notPlaced, setNotPlaced] = useState(0);
  const [openId, setOpenId] = useState<string | null>(null);
  const [, setFrame] = useState(0);

  useEffect(() => {
    const found: Placed[] = [];
    for (const touchpoint of touchpoints) {
      const at = reanchor(document, touchpoint.anchor, { partOf: touchpoint.target === 'selection' });
      if (at.placed) found.push({ touchpoint, element: at.element });
    }
    setPlaced(found);
    setNotPlaced(touchpoints.length - found.length);
  }, [touchpoints]);

  useEffect(() => {
    // Pins follow their elements: one re-render per frame while the page scrolls or resizes.
    let queued = false;
    const follow = () => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => {
        queued = false;
        setFrame((n) => n + 1);
      });
    };
    addEventListener('scroll', follow, { capture: true, passive: true, signal });
    addEventListener('resize', follow, { passive: true, signal });
  }, []);

  const pins: PinView[] = placed
    .filter(({ element }) => element.isConnected)
    .map(({ touchpoint: tp, element }, index) => {
      // An element in a same-origin iframe is drawn where the iframe shows it.
      const r = boxInTopWindow(element);
      const feeling = tp.namedEmotion ? ` · ${t(FEELING_KEYS[tp.namedEmotion])}` : '';
      return {
        id: tp.id,
        box: r,
        number: index + 1,
        title: tp.note || tp.anchor.name || tp.anchor.quote.exact || tp.anchor.tagName,
        lines: [
          `${t(EMOTION_LABEL[tp.emotion])}${feeling} · ${t('popupEffortShort', String(tp.effort))}`,
          ...(tp.stage ? [stageLabel(t, tp.stage)] : []),
          ...(tp.tags.length ? [tp.tags.map((tag) => tagLabel(t, tag)).join(', ')] : []),
          ...(tp.note ? [tp.note] : []),
        ],
      };
    });
  return <Pins pins={pins} notPlaced={notPlaced} openId={openId} onOpen={setOpenId} onHide={onHide} />;
}
