import { isPainPoint, journeyMetrics } from '../journey/metrics';
import type { ExportFile } from '../model/export-file';
import { EMOTION_COLORS } from '../model/scales';
import type { Emotion, Touchpoint } from '../model/touchpoint';
import { groupSteps, journeySteps, type PageGroup, stepLabel } from './group-steps';

/** Options of `toHtmlJourneyMap`. */
export interface HtmlJourneyMapOptions {
  /** Screenshot thumbnails by touchpoint id, as `data:image/(png|jpeg|webp);base64,...` URLs; others are ignored. */
  images?: Record<string, string>;
  /** BCP 47 language of the page (`lang`), also used to format dates; dates are ISO-like when absent. */
  locale?: string;
  /** Text direction of the page; time in the emotion curve runs right to left in `rtl`. */
  dir?: 'ltr' | 'rtl';
  /** IANA time zone of the times shown; UTC when absent. */
  timeZone?: string;
}

/** Escapes text for HTML text and double-quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** Only raster images as base64 data URLs: nothing that could load or run anything. */
const SAFE_IMAGE = /^data:image\/(?:png|jpeg|webp);base64,[A-Za-z0-9+/]+={0,2}$/;

export { isPainPoint };

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** A duration as whole minutes (`< 1 min` below one), for the map's figures. */
const minutes = (ms: number) => (ms < 60_000 ? '< 1 min' : `${Math.round(ms / 60_000)} min`);

/** The locale in canonical form (`zh-cn` → `zh-CN`), or `undefined` when absent or not a BCP 47 tag. */
function canonicalLocale(locale: string | undefined): string | undefined {
  try {
    return locale ? Intl.getCanonicalLocales(locale)[0] : undefined;
  } catch {
    return undefined;
  }
}

const isoMinute = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

/** Formats a timestamp: with `Intl` for a locale or time zone, else (or when `Intl` refuses them) as `2026-11-25 10:01 UTC`. */
function timeFormatter(locale: string | undefined, timeZone = 'UTC'): (iso: string) => string {
  if (!locale && timeZone === 'UTC') return isoMinute;
  try {
    const fields = {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: 'short',
    } as const;
    const format = new Intl.DateTimeFormat(locale, { ...fields, timeZone });
    return (iso) => format.format(new Date(iso));
  } catch {
    return isoMinute;
  }
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** The emotion face of `components/EmotionFace.tsx`, as SVG markup. */
function face(emotion: Emotion, size = 28): string {
  const side = 21 - emotion * 0.75;
  return (
    `<svg class="wm-face" width="${size}" height="${size}" viewBox="0 0 32 32" role="img" aria-label="Emotion ${signed(emotion)}">` +
    `<circle cx="16" cy="16" r="15" fill="${EMOTION_COLORS[emotion]}"/><circle cx="11" cy="13" r="2" fill="#1f2328"/>` +
    `<circle cx="21" cy="13" r="2" fill="#1f2328"/><path d="M9 ${side} Q16 ${21 + emotion * 4} 23 ${side}" stroke="#1f2328" ` +
    'stroke-width="2.2" fill="none" stroke-linecap="round"/></svg>'
  );
}

/** Effort 1..7 as seven segments, the first `effort` filled. */
function effortBar(effort: number): string {
  const segments = Array.from({ length: 7 }, (_, i) => `<i${i < effort ? ' class="on"' : ''}></i>`).join('');
  return `<span class="wm-effort" role="img" aria-label="Effort ${effort} of 7">${segments}</span> ${effort}/7`;
}

/**
 * The emotion curve: one point per touchpoint in time order, evenly spaced,
 * from +2 at the top to -2 at the bottom, coloured by emotion, with a dashed
 * zero line and each point numbered like its card.
 */
function emotionCurve(touchpoints: readonly Touchpoint[], labels: readonly string[], rtl: boolean): string {
  const width = 960;
  const step = touchpoints.length > 1 ? (width - 80) / (touchpoints.length - 1) : 0;
  const xOf = (i: number) => (rtl ? width - 40 - i * step : 40 + i * step);
  const yOf = (emotion: number) => 90 - emotion * 35;
  const axisX = rtl ? width - 4 : 4;
  const points = touchpoints.map((tp, i) => `${xOf(i)},${yOf(tp.emotion)}`).join(' ');
  const dots = touchpoints.map(
    (tp, i) =>
      `<g class="wm-point"><circle cx="${xOf(i)}" cy="${yOf(tp.emotion)}" r="9" fill="${EMOTION_COLORS[tp.emotion]}"><title>${i + 1}. ${escapeHtml(labels[i] ?? '')}: ${signed(tp.emotion)}</title></circle>` +
      `<text x="${xOf(i)}" y="${yOf(tp.emotion) + 4}" text-anchor="middle">${i + 1}</text></g>`,
  );
  return (
    `<svg class="wm-curve" viewBox="0 0 ${width} 180" role="img" aria-label="Emotion over time, from -2 to +2">` +
    `<line class="wm-zero" x1="20" y1="90" x2="${width - 20}" y2="90"/>` +
    [2, 0, -2]
      .map(
        (e) => `<text class="wm-axis" x="${axisX}" y="${yOf(e) + 4}" text-anchor="${rtl ? 'end' : 'start'}">${signed(e)}</text>`,
      )
      .join('') +
    (touchpoints.length ? `<polyline class="wm-line" points="${points}"/>` : '') +
    `${dots.join('')}</svg>`
  );
}

function schemeOf(url: string): string {
  try {
    return new URL(url).protocol;
  } catch {
    return '';
  }
}

/** The page address as text, a link only for http(s) so `javascript:` and friends stay inert. */
function pageLink(url: string): string {
  const text = escapeHtml(url);
  return ['http:', 'https:'].includes(schemeOf(url))
    ? `<a class="wm-url" href="${text}" rel="noopener noreferrer nofollow">${text}</a>`
    : `<span class="wm-url">${text}</span>`;
}

interface CardContext {
  step: number;
  label: string;
  time: (iso: string) => string;
  image: string | undefined;
}

/** One touchpoint card: face, label, pain mark, rating, element text, note, tags, thumbnail, time. */
function card(tp: Touchpoint, { step, label, time, image }: CardContext): string {
  const pain = isPainPoint(tp);
  const quote = tp.anchor.quote.exact.trim();
  const parts = [
    `<article class="wm-card${pain ? ' wm-pain' : ''}" id="tp-${escapeHtml(tp.id)}">`,
    `<header><span class="wm-step">${step}</span>${face(tp.emotion)}<h3 dir="auto">${escapeHtml(label)}</h3></header>`,
    pain ? '<p class="wm-badge">Pain point</p>' : '',
    `<p class="wm-rating">Emotion ${signed(tp.emotion)} · Effort ${effortBar(tp.effort)}</p>`,
    quote && quote !== label ? `<blockquote dir="auto">${escapeHtml(quote)}</blockquote>` : '',
    tp.note.trim() ? `<p class="wm-note" dir="auto">${escapeHtml(tp.note.trim())}</p>` : '',
    tp.tags.length ? `<ul class="wm-tags">${tp.tags.map((t) => `<li dir="auto">${escapeHtml(t)}</li>`).join('')}</ul>` : '',
    image && SAFE_IMAGE.test(image) ? `<img class="wm-thumb" src="${image}" alt="Screenshot ${step}">` : '',
    `<p class="wm-time"><time datetime="${escapeHtml(tp.capturedAt)}">${escapeHtml(time(tp.capturedAt))}</time>`,
    `${tp.author ? ` · <span dir="auto">${escapeHtml(tp.author)}</span>` : ''}</p></article>`,
  ];
  return parts.join('');
}

/** One column: the page's name and address, then its cards. */
function column(group: PageGroup, cardOf: (tp: Touchpoint) => string): string {
  return (
    `<section class="wm-column"><h2 dir="auto">${escapeHtml(group.name)}</h2>` +
    `<p class="wm-page">${pageLink(group.touchpoints[0]?.url ?? '')}</p>${group.touchpoints.map(cardOf).join('')}</section>`
  );
}

/**
 * One journey as a self-contained HTML journey map to open, share or print:
 * a header (title, author, dates, counts), an SVG emotion curve in time
 * order, the journey's figures (lib/journey/metrics.ts), then one column per
 * stage, or per page when no touchpoint has a stage (`groupSteps`), with a
 * card per touchpoint; pain points (`isPainPoint`: rated low or hard, or
 * tagged) are marked in colour and words.
 * Inline CSS and SVG only: no script, nothing loaded from elsewhere (a
 * Content-Security-Policy says so too), thumbnails only from `options.images`
 * as data URLs. Every text from the file is escaped. Throws when the journey
 * is not in the file or was deleted.
 */
export function toHtmlJourneyMap(file: ExportFile, journeyId: string, options: HtmlJourneyMapOptions = {}): string {
  const { journey, touchpoints } = journeySteps(file, journeyId);
  const dir = options.dir === 'rtl' ? 'rtl' : 'ltr';
  const locale = canonicalLocale(options.locale);
  const time = timeFormatter(locale, options.timeZone);
  const labels = touchpoints.map((tp) => stepLabel(tp));
  const stepOf = new Map(touchpoints.map((tp, i) => [tp.id, i]));
  const cardOf = (tp: Touchpoint) => {
    const i = stepOf.get(tp.id) ?? 0;
    return card(tp, { step: i + 1, label: labels[i] ?? '', time, image: options.images?.[tp.id] });
  };
  const groups = groupSteps(journey, touchpoints);
  const byStage = touchpoints.some((tp) => tp.stage !== '');
  const deleted = new Set(file.tombstones.map((t) => t.id));
  const interactions = file.interactions.filter((i) => i.journeyId === journey.id && !deleted.has(i.id));
  const figures = journeyMetrics(journey, touchpoints, interactions, Date.parse(file.exportedAt));
  const title = escapeHtml(journey.title);
  const meta = [
    journey.author ? `By <span dir="auto">${escapeHtml(journey.author)}</span>` : '',
    `Started ${escapeHtml(time(journey.startedAt))}`,
    journey.endedAt ? `ended ${escapeHtml(time(journey.endedAt))}` : 'still running',
    `${count(touchpoints.length, 'touchpoint')} in ${count(groups.length, byStage ? 'stage' : 'page')}`,
    count(figures.painPoints.length, 'pain point'),
    figures.momentsOfTruth.length ? count(figures.momentsOfTruth.length, 'moment of truth') : '',
  ].filter(Boolean);
  const about = [
    ['Site', journey.site],
    ['Persona', journey.persona],
    ['Scenario', journey.scenario],
  ]
    .filter(([, value]) => value?.trim())
    .map(([name, value]) => `<div><dt>${name}</dt><dd dir="auto">${escapeHtml(value!.trim())}</dd></div>`);
  const numbers = [
    ['Duration', minutes(figures.durationMs)],
    ['Mean emotion', figures.meanEmotion === null ? '–' : signed(figures.meanEmotion)],
    ['Mean effort', figures.meanEffort === null ? '–' : String(figures.meanEffort)],
    ['Longest wait', figures.longestWait ? `${(figures.longestWait.ms / 1000).toFixed(1)} s` : '–'],
    ['Steps logged', String(figures.interactionCount)],
  ].map(([name, value]) => `<div><dt>${name}</dt><dd>${escapeHtml(value!)}</dd></div>`);
  return `<!doctype html>
<html lang="${escapeHtml(locale ?? 'en')}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<meta name="generator" content="${escapeHtml(file.generator)}">
<title>${title} – journey map</title>
<style>${STYLE}</style>
</head>
<body>
<header class="wm-header"><h1 dir="auto">${title}</h1><p class="wm-meta">${meta.join(' · ')}</p>${journey.notes.trim() ? `<p class="wm-note" dir="auto">${escapeHtml(journey.notes.trim())}</p>` : ''}<dl class="wm-figures">${[...about, ...numbers].join('')}</dl></header>
<figure class="wm-figure">${emotionCurve(touchpoints, labels, dir === 'rtl')}</figure>
<main class="wm-columns">${groups.map((g) => column(g, cardOf)).join('\n')}</main>
<footer class="wm-footer">${escapeHtml(file.generator)} · data as of ${escapeHtml(time(file.exportedAt))}</footer>
</body>
</html>
`;
}

/** The map's CSS: light and dark via `prefers-color-scheme`, light and unclipped on paper. */
const STYLE = `
:root{--bg:#fff;--fg:#1f2328;--muted:#59636e;--card:#f6f8fa;--line:#d1d9e0;--pain:#e5484d;--accent:#0969da;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--card:#161b22;--line:#3d444d;--pain:#ff6369;--accent:#4493f8}}
*{box-sizing:border-box}
body{margin:0;padding:24px;background:var(--bg);color:var(--fg);font:14px/1.45 system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans Arabic","Noto Sans CJK SC",sans-serif}
h1{margin:0 0 4px;font-size:24px}h2{margin:0;font-size:16px}h3{margin:0;font-size:14px;overflow-wrap:anywhere}
.wm-meta,.wm-page,.wm-time,.wm-footer{color:var(--muted);font-size:12px}
.wm-figure{margin:16px 0;padding:8px;border:1px solid var(--line);border-radius:8px}
.wm-curve{display:block;width:100%;height:auto}.wm-curve text{direction:ltr;unicode-bidi:embed}
.wm-zero{stroke:var(--muted);stroke-dasharray:6 6}.wm-line{fill:none;stroke:var(--muted);stroke-width:2}
.wm-axis{fill:var(--muted);font-size:12px}.wm-point text{font-size:10px;font-weight:700;fill:#1f2328}
.wm-columns{display:grid;grid-auto-flow:column;grid-auto-columns:minmax(240px,1fr);gap:16px;overflow-x:auto;align-items:start}
.wm-column{display:flex;flex-direction:column;gap:10px}
.wm-page{margin:0;overflow-wrap:anywhere}.wm-url{color:var(--accent)}
.wm-card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:10px;break-inside:avoid}
.wm-card header{display:flex;align-items:center;gap:8px}
.wm-step{min-width:22px;height:22px;border-radius:11px;background:var(--fg);color:var(--bg);font-size:12px;font-weight:700;display:inline-grid;place-items:center}
.wm-pain{border:2px solid var(--pain)}
.wm-badge{display:inline-block;margin:6px 0 0;padding:0 6px;border-radius:4px;background:var(--pain);color:#fff;font-size:11px;font-weight:700;text-transform:uppercase}
.wm-rating{margin:6px 0;font-size:12px}
.wm-effort{display:inline-flex;gap:2px;vertical-align:middle}.wm-effort i{width:10px;height:8px;border-radius:2px;background:var(--line)}.wm-effort i.on{background:var(--fg)}
blockquote{margin:6px 0;padding-inline-start:8px;border-inline-start:3px solid var(--line);color:var(--muted);overflow-wrap:anywhere}
.wm-note{margin:6px 0;white-space:pre-wrap;overflow-wrap:anywhere}
.wm-tags{display:flex;flex-wrap:wrap;gap:4px;margin:6px 0;padding:0;list-style:none}.wm-tags li{padding:0 6px;border:1px solid var(--line);border-radius:10px;font-size:12px}
.wm-thumb{display:block;max-width:100%;margin:6px 0;border:1px solid var(--line);border-radius:4px}
.wm-time{margin:6px 0 0}.wm-footer{margin-top:24px}
.wm-figures{display:flex;flex-wrap:wrap;gap:8px 24px;margin:12px 0 0}.wm-figures dt{color:var(--muted);font-size:12px}.wm-figures dd{margin:0;font-weight:600}
@media print{:root{--bg:#fff;--fg:#1f2328;--muted:#59636e;--card:#fff;--line:#d1d9e0;--pain:#e5484d;--accent:#1f2328}
body{padding:0;print-color-adjust:exact;-webkit-print-color-adjust:exact}
.wm-columns{grid-auto-flow:row;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));overflow:visible}
.wm-figure,.wm-card{break-inside:avoid}@page{size:A4 landscape;margin:12mm}}
`;
