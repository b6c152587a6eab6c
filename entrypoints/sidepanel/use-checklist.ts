import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Formats } from '@/components/findings/format';
import type { Translate } from '@/components/i18n';
import { answerErrorCode, answerErrorText } from '@/components/sidepanel/checklist-text';
import type { EvidenceOffer, ScriptChecklistProps } from '@/components/sidepanel/ScriptChecklist';
import type { JourneyDetail, StepAction } from '@/lib/messages/protocol';
import type { ErrorInfo } from '@/lib/messages/result';
import { request } from '@/lib/platform/transport';
import { scriptProgress } from '@/lib/study/script';
import type { Study } from '@/lib/study/types';

interface ChecklistInput {
  detail: JourneyDetail | null | undefined;
  study: Study | null;
  /** The touchpoint saved last while the panel was open. */
  freshId?: string;
  formats: Formats;
  t: Translate;
  /** Words for an error that is not about the answer itself. */
  describe: (error: ErrorInfo) => string;
  reload: () => Promise<void>;
}

/**
 * The checklist of the journey's study script: progress from the journey's
 * answers, each step's action sent as 'journey.step' (the worker validates
 * answers; its refusal is put in words beside the step), and the offer to
 * add a touchpoint just saved as evidence for the step that was current
 * when it arrived. `undefined` when the study has no script.
 */
export function useChecklist(input: ChecklistInput): Omit<ScriptChecklistProps, 'formats'> | undefined {
  const { detail, study, freshId, formats, t } = input;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ stepId: string; message: string }>();
  const [offer, setOffer] = useState<EvidenceOffer | null>(null);
  const script = study?.script;
  const journey = detail?.journey;
  const progress = useMemo(() => (journey && script ? scriptProgress(script, journey.answers) : null), [script, journey]);
  const currentRef = useRef<string | null>(null);
  currentRef.current = progress?.current?.id ?? null;

  useEffect(() => {
    const stepId = currentRef.current;
    setOffer(freshId && stepId ? { touchpointId: freshId, stepId } : null);
  }, [freshId]);

  if (!detail || !journey || !script || !progress || script.length === 0) return undefined;
  const stepOf = (stepId: string) => script.find((s) => s.id === stepId);

  const act = async (stepId: string, action: StepAction) => {
    setBusy(true);
    setError(undefined);
    const result = await request('journey.step', { journeyId: journey.id, stepId, action });
    setBusy(false);
    if (!result.ok) {
      const code = result.error.code === 'bad-request' ? answerErrorCode(result.error.message) : null;
      const step = stepOf(stepId);
      const message = code && step ? answerErrorText(t, formats, step.criterion, code) : input.describe(result.error);
      setError({ stepId, message });
    }
    await input.reload();
  };

  // Offered only once the touchpoint is in this journey and not yet evidence for the step.
  const shown =
    offer &&
    detail.touchpoints.some((tp) => tp.id === offer.touchpointId) &&
    !progress.steps.find((s) => s.step.id === offer.stepId)?.answer?.touchpointIds.includes(offer.touchpointId)
      ? offer
      : null;

  return {
    progress,
    busy,
    error,
    offer: shown,
    onAnswer: (stepId, value) => act(stepId, { type: 'answer', value }),
    onSkip: (stepId) => act(stepId, { type: 'skip' }),
    onUnskip: (stepId) => act(stepId, { type: 'unskip' }),
    onAttach: (o) => act(o.stepId, { type: 'attach', touchpointIds: [o.touchpointId] }).then(() => setOffer(null)),
    onDismissOffer: () => setOffer(null),
  };
}
