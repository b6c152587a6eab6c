import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { CaptureDetailsValue } from '@/components/CaptureDetails';
import { splitTags } from '@/components/CaptureDetails';
import { useT } from '@/components/i18n';
import { PickerHighlight } from '@/components/PickerHighlight';
import { type CardStatus, RatingCard } from '@/components/RatingCard';
import { boxInTopWindow } from '@/lib/capture/frame-path';
import { maskSensitiveText } from '@/lib/capture/mask-text';
import { readableText } from '@/lib/capture/page-text';
import { startPicker } from '@/lib/capture/picker';
import { type Box, placeCard } from '@/lib/capture/place-card';
import { sensitiveRegions } from '@/lib/capture/privacy-regions';
import type { CaptureJourneyContext, CaptureMode } from '@/lib/messages/content-command';
import type { Effort, Emotion } from '@/lib/model/scales';
import { DEFAULT_CHANNEL } from '@/lib/model/vocabulary';
import { requestFromPage } from '@/lib/platform/page-transport';
import { type CaptureTarget, elementTarget, hintedElement, pageTarget, selectionTarget } from './capture-target';

export interface OverlayProps {
  /** Our shadow hosts, which the picker must never offer as a target. */
  isOwnHost: (el: Element) => boolean;
  mode: Exclude<CaptureMode, 'pins'>;
  /** The link or image a context menu was opened on. */
  hint?: { linkUrl?: string; srcUrl?: string };
  journey: CaptureJourneyContext;
  /** The page's largest contentful paint so far (watched from the script's start). */
  lcpMs: () => number | null;
  /** "2 min" for a duration in ms, in the UI language. */
  formatDuration: (ms: number) => string;
  onClose: () => void;
  /** Delays tied to the content script's life (WXT `ctx.setTimeout`). */
  setTimeout: (fn: () => void, ms: number) => void;
  signal: AbortSignal;
}

/** Where `el` is in our (the top) window, also inside a same-origin iframe. */
const boxOf = boxInTopWindow;

/** Where a page touchpoint's card goes: the top corner at the end of the line. */
const PAGE_BOX: Box = { left: Number.MAX_SAFE_INTEGER / 2, top: 8, width: 0, height: 0 };

function hoverLabel(el: Element): string {
  // Mask before cutting: a card number cut in half no longer looks like one.
  const text = maskSensitiveText(readableText(el, 120)).slice(0, 40);
  return text ? `${el.localName} · ${text}` : el.localName;
}

/** Resolves after the browser has painted twice: hidden UI is really gone. */
function nextPaint(): Promise<void> {
  return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
}

/** The target a trigger names without picking, or `null` to start the picker. */
function directTarget(props: OverlayProps): CaptureTarget | null {
  const lcp = props.lcpMs();
  if (props.mode === 'page') return pageTarget(lcp);
  if (props.mode === 'selection') return selectionTarget(lcp) ?? pageTarget(lcp);
  const hinted = props.hint ? hintedElement(props.hint) : null;
  return hinted ? elementTarget(hinted, lcp) : null;
}

/** The in-page program: pick an element (or take the page or selection), rate it, save it. */
export function Overlay(props: OverlayProps) {
  const { journey, onClose, setTimeout, signal } = props;
  const t = useT();
  const [hover, setHover] = useState<Element | null>(null);
  const [picked, setPicked] = useState<CaptureTarget | null>(() => directTarget(props));
  /** True while the screenshot is taken: the card steps out of the picture. */
  const [hidden, setHidden] = useState(false);
  const [emotion, setEmotion] = useState<Emotion | null>(null);
  const [effort, setEffort] = useState<Effort | null>(null);
  const [note, setNote] = useState('');
  const [details, setDetails] = useState<CaptureDetailsValue>({
    namedEmotion: null,
    stage: journey.lastStage,
    channel: DEFAULT_CHANNEL,
    tags: [],
    otherTags: '',
  });
  const [status, setStatus] = useState<CardStatus>('editing');
  const [message, setMessage] = useState<string | undefined>();
  const [cardStyle, setCardStyle] = useState({ left: '-9999px', top: '0px' });

  useLayoutEffect(() => {
    if (picked) return;
    const controller = new AbortController();
    signal.addEventListener('abort', () => controller.abort(), { once: true });
    startPicker({
      win: window,
      signal: controller.signal,
      ignore: props.isOwnHost,
      onHover: setHover,
      onPick: (el) => {
        controller.abort();
        setHover(null);
        setPicked(elementTarget(el, props.lcpMs()));
      },
      onCancel: () => {
        controller.abort();
        onClose();
      },
    });
    return () => controller.abort();
  }, []);

  const box = picked?.element ? boxOf(picked.element) : PAGE_BOX;
  const cardRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const card = cardRef.current?.firstElementChild;
    if (!picked || !card) return;
    const at = placeCard(box, card.getBoundingClientRect(), { width: innerWidth, height: innerHeight });
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
    // The card steps out of the picture only for a screenshot: without one, hiding would cost two frames for nothing.
    const shoot = journey.screenshots;
    if (shoot) {
      setHidden(true);
      await nextPaint();
    }
    const target = picked.element?.isConnected ? boxOf(picked.element) : null;
    const screenshot = shoot ? { target, masks: sensitiveRegions(document) } : null;
    const { otherTags, ...words } = details;
    const tags = [...new Set([...words.tags, ...splitTags(otherTags)])].slice(0, 50);
    const draft = { ...picked.base, ...words, tags, emotion, effort, note };
    const result = await requestFromPage('touchpoint.save', { draft, screenshot });
    setHidden(false);
    if (result.ok) {
      setStatus('saved');
      // The worker shows the new pin (entrypoints/pins.content) once the save is stored.
      setTimeout(onClose, 1_200);
      return;
    }
    setStatus('error');
    setMessage(result.error.code === 'storage-full' ? t('errorStorageFull') : t('errorGeneric', result.error.message));
  };

  const kind = picked.base.target;
  const subject = picked.base.anchor.quote.exact || (kind === 'page' ? picked.base.pageTitle : picked.base.anchor.tagName);
  const visibility = hidden ? 'hidden' : 'visible';
  return (
    <>
      {picked.element && (
        <div
          class="wm-target"
          style={{ left: `${box.left}px`, top: `${box.top}px`, width: `${box.width}px`, height: `${box.height}px`, visibility }}
        />
      )}
      <div ref={cardRef} style={{ visibility }}>
        <RatingCard
          heading={kind === 'page' ? t('cardTitlePage') : kind === 'selection' ? t('cardTitleSelection') : undefined}
          subject={subject}
          context={
            journey.sincePreviousMs === null ? undefined : t('cardSincePrevious', props.formatDuration(journey.sincePreviousMs))
          }
          emotion={emotion}
          effort={effort}
          note={note}
          details={details}
          stages={journey.stages}
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
          onDetails={setDetails}
          onSave={save}
          onCancel={onClose}
          style={cardStyle}
        />
      </div>
    </>
  );
}
