import { EMOTION_COLORS, type Emotion } from '../lib/model/scales';

export interface EmotionFaceProps {
  emotion: Emotion;
  /** Pixel size of the square face. */
  size?: number;
  /** Accessible name; omit when a visible label sits beside the face. */
  label?: string;
}

/**
 * A face drawn in SVG, not an emoji: emoji fonts are missing on many Linux
 * machines and render differently everywhere. The mouth bends with emotion.
 */
export function EmotionFace({ emotion, size = 28, label }: EmotionFaceProps) {
  const bend = emotion * 4; // control point offset of the mouth curve
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 32 32"
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
      class="wm-face"
    >
      <circle cx="16" cy="16" r="15" fill={EMOTION_COLORS[emotion]} />
      <circle cx="11" cy="13" r="2" fill="#1f2328" />
      <circle cx="21" cy="13" r="2" fill="#1f2328" />
      <path
        d={`M9 ${21 - emotion * 0.75} Q16 ${21 + bend} 23 ${21 - emotion * 0.75}`}
        stroke="#1f2328"
        stroke-width="2.2"
        fill="none"
        stroke-linecap="round"
      />
    </svg>
  );
}
