// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFormats } from '@/components/findings/format';
import { ScriptChecklist, type ScriptChecklistProps } from '@/components/sidepanel/ScriptChecklist';
import { scriptProgress } from '@/lib/study/script';
import type { ScriptStep, StepAnswer } from '@/lib/study/types';

const script: ScriptStep[] = [
  { id: '00000000-0000-4000-8000-000000000001', title: 'Greeted', lookFor: 'A hello within 30 s', criterion: { kind: 'yesno' } },
  { id: '00000000-0000-4000-8000-000000000002', title: 'Wait', lookFor: '', criterion: { kind: 'number', unit: 'seconds' } },
  { id: '00000000-0000-4000-8000-000000000003', title: 'Tone', lookFor: 'Words used', criterion: { kind: 'text' } },
];
const [greeted, wait, tone] = script.map((s) => s.id) as [string, string, string];
const answer = (stepId: string, value: StepAnswer['value'], skipped = false, touchpointIds: string[] = []): StepAnswer => ({
  stepId,
  value,
  skipped,
  touchpointIds,
  answeredAt: '2026-11-25T10:00:00.000Z',
});

let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

function show(answers: StepAnswer[], extra: Partial<ScriptChecklistProps> = {}) {
  root = document.createElement('div');
  document.body.append(root);
  const props: ScriptChecklistProps = {
    progress: scriptProgress(script, answers),
    busy: false,
    offer: null,
    formats: createFormats('en'),
    onAnswer: vi.fn(),
    onSkip: vi.fn(),
    onUnskip: vi.fn(),
    onAttach: vi.fn(),
    onDismissOffer: vi.fn(),
    ...extra,
  };
  act(() => render(<ScriptChecklist {...props} />, root));
  const step = (id: string) => root.querySelector<HTMLElement>(`[data-step-id="${id}"]`)!;
  return { props, step };
}

const click = (el: Element | null) => act(() => (el as HTMLElement).click());

describe('ScriptChecklist', () => {
  it('shows every step, the first missing one current and open, a skipped one still there', () => {
    const { step } = show([answer(greeted, null, true)]);
    expect(root.querySelectorAll('.wm-cl-step')).toHaveLength(3);
    expect(step(greeted).dataset.status).toBe('skipped');
    expect(step(wait).getAttribute('aria-current')).toBe('step');
    expect(step(wait).querySelector('.wm-cl-toggle')!.getAttribute('aria-expanded')).toBe('true');
    expect(step(wait).querySelector('input[name="answer"]')).not.toBeNull();
    expect(step(tone).querySelector('.wm-cl-body')).toBeNull();
    expect(step(greeted).querySelector('.wm-cl-status')!.textContent).toBe('checklistStatusSkipped');
  });

  it('answers yes/no with one press, and opens an answered step to change it', () => {
    const onAnswer = vi.fn();
    const { step } = show([answer(greeted, true, false, ['t1', 't2'])], { onAnswer });
    expect(step(greeted).querySelector('[data-testid="step-answer"]')!.textContent).toBe('checklistYes');
    expect(step(greeted).querySelector('.wm-cl-evidence')!.getAttribute('data-count')).toBe('2');
    click(step(greeted).querySelector('[data-action="toggle-step"]'));
    expect(step(greeted).querySelector('[data-answer="true"]')!.getAttribute('aria-pressed')).toBe('true');
    click(step(greeted).querySelector('[data-answer="false"]'));
    expect(onAnswer).toHaveBeenCalledWith(greeted, false);
  });

  it('sends a typed number as a number, and what is no number as text', () => {
    const onAnswer = vi.fn();
    const { step } = show([answer(greeted, true)], { onAnswer });
    const input = step(wait).querySelector<HTMLInputElement>('input[name="answer"]')!;
    const form = step(wait).querySelector('form')!;
    for (const typed of ['۴۵', 'soon']) {
      act(() => {
        input.value = typed;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
      act(() => {
        form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
      });
    }
    expect(onAnswer.mock.calls).toEqual([
      [wait, 45],
      [wait, 'soon'],
    ]);
    expect(step(wait).querySelector('.wm-cl-unit')!.textContent).toBe('seconds');
  });

  it('skips and unskips', () => {
    const onSkip = vi.fn();
    const onUnskip = vi.fn();
    const { step } = show([answer(greeted, null, true)], { onSkip, onUnskip });
    click(step(wait).querySelector('[data-action="skip"]'));
    click(step(greeted).querySelector('[data-action="toggle-step"]'));
    click(step(greeted).querySelector('[data-action="unskip"]'));
    expect(onSkip).toHaveBeenCalledWith(wait);
    expect(onUnskip).toHaveBeenCalledWith(greeted);
  });

  it('offers a new touchpoint as evidence for the step it arrived at, and shows a refusal beside its step', () => {
    const onAttach = vi.fn();
    const offer = { touchpointId: 't9', stepId: greeted };
    const { step } = show([], { offer, onAttach, error: { stepId: greeted, message: 'Not a number' } });
    const button = root.querySelector('[data-action="attach-evidence"]')!;
    expect(button.textContent).toBe('checklistAttachOffer');
    click(button);
    expect(onAttach).toHaveBeenCalledWith(offer);
    expect(step(greeted).querySelector('[role="alert"]')!.textContent).toBe('Not a number');
  });

  it('says when every step is answered or skipped', () => {
    show([answer(greeted, true), answer(wait, null, true), answer(tone, 'Warm')]);
    expect(root.querySelector('.wm-cl-done')).not.toBeNull();
    expect(root.querySelector('[aria-current="step"]')).toBeNull();
  });
});
