// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type CurvePointView, EmotionCurve } from '@/components/map/EmotionCurve';

const point = (id: string, slot: number, emotion: CurvePointView['emotion']): CurvePointView => ({
  id,
  slot,
  emotion,
  effort: 3,
  stage: 'purchase',
  label: `point ${id}`,
  headline: `Step ${id}`,
  note: `Note ${id}`,
  pain: emotion < 0,
  truth: false,
});

const points = [point('a', 0, 2), point('b', 2, -2)];

function draw(dir: 'ltr' | 'rtl', onSelect = vi.fn(), activeId: string | null = null) {
  const root = document.createElement('div');
  document.body.append(root);
  render(
    <EmotionCurve
      points={points}
      totalSlots={3}
      slotWidth={100}
      dir={dir}
      activeId={activeId}
      onActivate={vi.fn()}
      onSelect={onSelect}
    />,
    root,
  );
  const centres = Array.from(root.querySelectorAll('.wm-curve-dot')).map((c) => [
    Number(c.getAttribute('cx')),
    Number(c.getAttribute('cy')),
  ]);
  return { root, centres };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('EmotionCurve', () => {
  it('puts one point per touchpoint over the middle of its slot, +2 above -2', () => {
    const { centres, root } = draw('ltr');
    expect(centres.map(([x]) => x)).toEqual([50, 250]);
    expect(centres[0]![1]!).toBeLessThan(centres[1]![1]!);
    expect(root.querySelectorAll('.wm-effort-bar')).toHaveLength(2);
    expect(root.querySelectorAll('.wm-curve-pain')).toHaveLength(1);
  });

  it('mirrors the points right to left', () => {
    expect(draw('rtl').centres.map(([x]) => x)).toEqual([250, 50]);
  });

  it('makes each point a focusable control that Enter selects', () => {
    const onSelect = vi.fn();
    const { root } = draw('ltr', onSelect);
    const first = root.querySelector<SVGGElement>('.wm-curve-point')!;
    expect(first.getAttribute('tabindex')).toBe('0');
    expect(first.getAttribute('aria-label')).toBe('point a');
    first.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(onSelect).toHaveBeenCalledWith('a');
  });

  it("shows the active point's note in a tooltip", () => {
    const { root } = draw('ltr', vi.fn(), 'b');
    expect(root.querySelector('[role="tooltip"]')?.textContent).toBe('Step bNote b');
  });
});
