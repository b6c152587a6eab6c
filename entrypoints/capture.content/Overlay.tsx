import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useT } from '@/components/i18n';
import { PickerHighlight } from '@/components/PickerHighlight';
import { type CardStatus, RatingCard } from '@/components/RatingCard';
import { describeTarget } from '@/lib/capture/describe-target';
import { maskSensitiveText } from '@/lib/capture/mask-text';
import { pageContext } from '@/lib/capture/page-context';
import { readableText } from '@/lib/capture/page-text';
import { startPicker } from '@/lib/capture/picker';
import { type Box, placeCard } from '@/lib/capture/place-card';
import { sensitiveRegions } from '@/lib/capture/privacy-regions';
import { sanitizeUrl } from '@/lib/capture/sanitize-url';
import { newId, nowIso } from '@/lib/model/ids';
import type { Effort, Emotion } from '@/lib/model/scales';
import type { TouchpointDraft } from '@/lib/model/touchpoint';
import { DEFAULT_CHANNEL } from '@/lib/model/vocabulary';
import { requestFromPage } from '@/lib/platform/page-transport';

export interface OverlayProps {
  /** Our shadow host, which the picker must never offer as a target. */
  host: Element;
  onClose: () => void;
  /** Delays tied to the content script's life (WXT `ctx.setTimeout`). */
  setTimeout: (fn: () => void, ms: number) => void;
  signal: AbortSignal;
}

type Base = Omit<TouchpointDraft, 'emotion' | 'effort' | 'note'>;

function boxOf(el: Element): Box {
  const r = el.getBoundingClientRect();
  return { left: r.left, top: r.top, width: r.width, height: r.height };
}

function hoverLabel(el: Element): string {
  // Mask before cutting: a card number cut in half no longer looks like one.
  const text = maskSensitiveText(readableText(el, 120)).slice(0, 40);
  return text ? `${el.localName} · ${text}` : el.localName;
}

/** Resolves after the browser has painted twice: hidden UI is really gone. */
function nextPaint(): Promise<void> {
  return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
}

/** Everything captured automatically at the moment of the pick. */
function captureContext(el: Element): Base {
  return {
    id: newId(),
    capturedAt: nowIso(),
    url: sanitizeUrl(location.href),
    pageTitle: maskSensitiveText(document.title).slice(0, 1_000),
    target: 'element',
    namedEmotion: null,
    stage: '',
    channel: DEFAULT_CHANNEL,
    tags: [],
    anchor: describeTarget(el),
    viewport: {
      width: Math.round(innerWidth),
      height: Math.round(innerHeight),
      scrollX,
      scrollY,
      devicePixelRatio: devicePixelRatio || 1,
    },
    context: pageContext(window, null),
  };
}

/** The in-page program: pick an element, rate it, save it. */
export function Overlay({ host, onClose, setTimeout, signal }: OverlayProps) {
  const t = useT();
  const [hover, setHover] = useState<Element | null>(null);
  const [picked, setPicked] = useState<{ base: Base; box: Box; el: Element } | null>(null);
  /** True while the screenshot is taken: the card steps out of the picture. */
  const [hidden, setHidden] = useState(false);
  const [emotion, setEmotion] = useState<Emotion | null>(null);
  const [effort, setEffort] = useState<Effort | null>(null);
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<CardStatus>('editing');
  const [message, setMessage] = useState<string | undefined>();
  const [cardStyle, setCardStyle] = useState({ left: '-9999px', top: '0px' });
  const pickerStop = useRef<AbortController | null>(null);

  useLayoutEffect(() => {
    const controller = new AbortController();
    signal.addEventListener('abort', () => controller.abort(), { once: true });
    pickerStop.current = controller;
    startPicker({
      win: window,
      signal: controller.signal,
      ignore: (el) => el === host,
      onHover: setHover,
      onPick: (el) => {
        controller.abort();
        setHover(null);
        setPicked({ base: captureContext(el), box: boxOf(el), el });
      },
      onCancel: () => {
        controller.abort();
        onClose();
      },
    });
    return () => controller.abort();
  }, []);

  const cardRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const card = cardRef.current?.firstElementChild;
    if (!picked || !card) return;
    const size = card.getBoundingClientRect();
    const at = placeCard(picked.box, size, { width: innerWidth, height: innerHeight });
    setCardStyle({ left: `${at.left}px`, top: `${at.top}px` });
  }, [picked]);

  if (!picked) return <PickerHighlight box={hover ? boxOf(hover) : null} label={hover ? hoverLabel(hover) : ''} />;

  const save = async () => {
    if (status === 'saving' || status === 'saved') return;
    if (emotion === null || effort === null) {
      setMessage(t('cardNeedRating'));
      return;
    }
    setStatus('saving');
    setMessage(undefined);
    setHidden(true);
    await nextPaint();
    const screenshot = { target: picked.el.isConnected ? boxOf(picked.el) : null, masks: sensitiveRegions(document) };
    const result = await requestFromPage('touchpoint.save', { draft: { ...picked.base, emotion, effort, note }, screenshot });
    setHidden(false);
    if (result.ok) {
      setStatus('saved');
      setTimeout(onClose, 1_200);
      return;
    }
    setStatus('error');
    setMessage(result.error.code === 'storage-full' ? t('errorStorageFull') : t('errorGeneric', result.error.message));
  };

  return (
    <>
      <div
        class="wm-target"
        style={{
          left: `${picked.box.left}px`,
          top: `${picked.box.top}px`,
          width: `${picked.box.width}px`,
          height: `${picked.box.height}px`,
          visibility: hidden ? 'hidden' : 'visible',
        }}
      />
      <div ref={cardRef} style={{ visibility: hidden ? 'hidden' : 'visible' }}>
        <RatingCard
          subject={picked.base.anchor.quote.exact || picked.base.anchor.tagName}
          emotion={emotion}
          effort={effort}
          note={note}
          status={status}
          message={message}
          onEmotion={(value) => {
            setEmotion(value);
            setMessage(undefined);
          }}
          onEffort={(value) => {
            setEffort(value);
            setMessage(undefined);
          }}
          onNote={setNote}
          onSave={save}
          onCancel={onClose}
          style={cardStyle}
        />
      </div>
    </>
  );
}
