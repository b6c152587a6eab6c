import { type Effort, EMOTION_COLORS, type Emotion } from '../../lib/model/scales';
import { useT } from '../i18n';
import { emotionY } from './map-layout';

/** One touchpoint on the curve. */
export interface CurvePointView {
  id: string;
  emotion: Emotion;
  effort: Effort;
  stage: string;
  /** Its slot across the map's columns (see `mapLayout`). */
  slot: number;
  /** Read out for the point, e.g. "3. Delivery fee: Negative, effort 6 of 7". */
  label: string;
  headline: string;
  note: string;
  pain: boolean;
  truth: boolean;
}

export interface EmotionCurveProps {
  points: readonly CurvePointView[];
  totalSlots: number;
  slotWidth: number;
  dir: 'ltr' | 'rtl';
  activeId: string | null;
  onActivate: (id: string | null) => void;
  /** Enter or click on a point: go to its card. */
  onSelect: (id: string) => void;
}

const CURVE_H = 150;
const PAD = 18;
const GAP = 10;
const BARS_H = 56;
const HEIGHT = CURVE_H + GAP + BARS_H;

/**
 * The emotion curve across the top of the map (+2 at the top, -2 at the
 * bottom), one point per touchpoint above its card, with effort as bars
 * below (taller is harder). Pain points get a red ring, moments of truth a
 * diamond. Points take the focus; hover or focus shows the note.
 */
export function EmotionCurve({ points, totalSlots, slotWidth, dir, activeId, onActivate, onSelect }: EmotionCurveProps) {
  const t = useT();
  const width = Math.max(1, totalSlots) * slotWidth;
  const xOf = (slot: number) => {
    const x = (slot + 0.5) * slotWidth;
    return dir === 'rtl' ? width - x : x;
  };
  const ordered = [...points].sort((a, b) => a.slot - b.slot);
  const path = ordered.map((p, i) => `${i === 0 ? 'M' : 'L'}${xOf(p.slot)} ${emotionY(p.emotion, CURVE_H, PAD)}`).join(' ');
  const active = points.find((p) => p.id === activeId);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: hover only mirrors what focus does on each point
    <div class="wm-curve" style={{ width: `${width}px` }} onMouseLeave={() => onActivate(null)}>
      {/* biome-ignore lint/a11y/useSemanticElements: SVG has no fieldset; role=group names the points' group */}
      <svg
        width={width}
        height={HEIGHT}
        viewBox={`0 0 ${width} ${HEIGHT}`}
        role="group"
        aria-label={t('mapCurveLabel')}
        data-point-count={points.length}
      >
        {[2, 1, 0, -1, -2].map((e) => (
          <line
            key={e}
            class={e === 0 ? 'wm-curve-zero' : 'wm-curve-grid'}
            x1={0}
            x2={width}
            y1={emotionY(e, CURVE_H, PAD)}
            y2={emotionY(e, CURVE_H, PAD)}
          />
        ))}
        <line class="wm-curve-grid" x1={0} x2={width} y1={HEIGHT - 0.5} y2={HEIGHT - 0.5} />
        {ordered.map((p) => {
          const h = (p.effort / 7) * (BARS_H - 4);
          return (
            <rect
              key={`bar-${p.id}`}
              class="wm-effort-bar"
              data-effort={p.effort}
              x={xOf(p.slot) - 8}
              y={HEIGHT - h}
              width={16}
              height={h}
              rx={3}
            />
          );
        })}
        <path class="wm-curve-line" d={path} />
        {ordered.map((p) => {
          const [x, y] = [xOf(p.slot), emotionY(p.emotion, CURVE_H, PAD)];
          return (
            // biome-ignore lint/a11y/useSemanticElements: an SVG point cannot be a <button>; it takes focus and Enter/Space like one
            <g
              key={p.id}
              class="wm-curve-point"
              data-touchpoint-id={p.id}
              data-stage={p.stage}
              data-active={p.id === activeId}
              // Lower case: Preact sets SVG props as attributes, and SVG attribute names are case-sensitive.
              tabindex={0}
              role="button"
              aria-label={p.label}
              aria-describedby={p.id === activeId ? 'wm-curve-tip' : undefined}
              onMouseEnter={() => onActivate(p.id)}
              onFocus={() => onActivate(p.id)}
              onBlur={() => onActivate(null)}
              onClick={() => onSelect(p.id)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault();
                  onSelect(p.id);
                }
              }}
            >
              <circle class="wm-curve-hit" cx={x} cy={y} r={16} />
              {p.pain && <circle class="wm-curve-pain" cx={x} cy={y} r={13} />}
              {p.truth && <path class="wm-curve-truth" d={`M${x} ${y - 24} l6 6 l-6 6 l-6 -6 z`} />}
              <circle cx={x} cy={y} r={8} fill={EMOTION_COLORS[p.emotion]} class="wm-curve-dot" />
            </g>
          );
        })}
      </svg>
      {active && (
        <div
          id="wm-curve-tip"
          class="wm-curve-tip"
          role="tooltip"
          style={{ left: `${xOf(active.slot)}px`, top: `${emotionY(active.emotion, CURVE_H, PAD) + 18}px` }}
        >
          <strong dir="auto">{active.headline}</strong>
          {active.note && active.note !== active.headline && <span dir="auto">{active.note}</span>}
        </div>
      )}
    </div>
  );
}

export interface MiniCurveProps {
  emotions: readonly Emotion[];
  width: number;
  height: number;
  dir: 'ltr' | 'rtl';
  label: string;
}

/** A small emotion curve for comparing journeys: points evenly spaced, the same scale as the map's. */
export function MiniCurve({ emotions, width, height, dir, label }: MiniCurveProps) {
  const step = width / Math.max(1, emotions.length);
  const xOf = (i: number) => (dir === 'rtl' ? width - (i + 0.5) * step : (i + 0.5) * step);
  const path = emotions.map((e, i) => `${i === 0 ? 'M' : 'L'}${xOf(i)} ${emotionY(e, height, 12)}`).join(' ');
  return (
    <svg
      class="wm-mini-curve"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
      data-point-count={emotions.length}
    >
      <line class="wm-curve-zero" x1={0} x2={width} y1={emotionY(0, height, 12)} y2={emotionY(0, height, 12)} />
      <path class="wm-curve-line" d={path} />
      {emotions.map((e, i) => (
        <circle key={i} class="wm-curve-dot" cx={xOf(i)} cy={emotionY(e, height, 12)} r={5} fill={EMOTION_COLORS[e]} />
      ))}
    </svg>
  );
}
