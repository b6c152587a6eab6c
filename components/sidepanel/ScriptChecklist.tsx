import { useEffect, useRef, useState } from 'preact/hooks';
import type { ScriptProgress, StepProgress } from '../../lib/study/script';
import type { Formats } from '../findings/format';
import { useT } from '../i18n';
import { answerText, stepStatusLabel } from './checklist-text';
import { StepAnswerControls } from './StepAnswerControls';

/** A touchpoint just saved that may show a step: offered as that step's evidence. */
export interface EvidenceOffer {
  touchpointId: string;
  stepId: string;
}

export interface ScriptChecklistProps {
  progress: ScriptProgress;
  busy: boolean;
  /** Why the last action on a step failed, in words. */
  error?: { stepId: string; message: string };
  offer: EvidenceOffer | null;
  formats: Formats;
  onAnswer: (stepId: string, value: boolean | number | string) => void;
  onSkip: (stepId: string) => void;
  onUnskip: (stepId: string) => void;
  onAttach: (offer: EvidenceOffer) => void;
  onDismissOffer: () => void;
}

const MARKS = { answered: '✓', skipped: '⤼', missing: '○' } as const;

/**
 * The study's script as a checklist above the timeline: every step with what
 * to look for and its status (skipped steps stay), the current step (first
 * neither answered nor skipped) highlighted and open; any step opens to be
 * answered again, skipped or unskipped.
 */
export function ScriptChecklist(props: ScriptChecklistProps) {
  const t = useT();
  const { progress, formats, offer } = props;
  const [toggled, setToggled] = useState<Record<string, boolean>>({});
  const list = useRef<HTMLOListElement>(null);
  const currentId = progress.current?.id ?? null;
  // Answering the current step closes it; its buttons go, so the focus moves to the next step.
  useEffect(() => {
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (lost && currentId) list.current?.querySelector<HTMLElement>(`[data-step-id="${currentId}"] .wm-cl-toggle`)?.focus();
  }, [currentId]);
  const offered = offer && progress.steps.find((s) => s.step.id === offer.stepId);
  const done = progress.answered.length + progress.skipped.length;

  return (
    <section class="wm-checklist" aria-labelledby="wm-checklist-heading">
      <div class="wm-cl-head">
        <h2 id="wm-checklist-heading">{t('checklistHeading')}</h2>
        <p class="wm-cl-summary" aria-live="polite" data-testid="checklist-summary">
          {t('checklistSummary', [
            formats.number(progress.answered.length),
            formats.number(progress.skipped.length),
            formats.number(progress.missing.length),
          ])}
        </p>
      </div>
      <div aria-live="polite">
        {offered && (
          <fieldset class="wm-cl-offer" aria-label={t('checklistOfferLabel')}>
            <button
              type="button"
              class="wm-button wm-small wm-primary"
              data-action="attach-evidence"
              disabled={props.busy}
              onClick={() => props.onAttach(offer)}
            >
              {t('checklistAttachOffer', offered.step.title)}
            </button>
            <button type="button" class="wm-button wm-small" data-action="dismiss-offer" onClick={props.onDismissOffer}>
              {t('checklistAttachDismiss')}
            </button>
          </fieldset>
        )}
      </div>
      {currentId === null && done > 0 && <p class="wm-cl-done">{t('checklistAllDone')}</p>}
      <ol class="wm-cl-steps" ref={list}>
        {progress.steps.map((item, index) => {
          const id = item.step.id;
          return (
            <ChecklistStep
              key={id}
              {...props}
              item={item}
              number={index + 1}
              total={progress.steps.length}
              current={id === currentId}
              open={toggled[id] ?? id === currentId}
              onToggle={(open) => setToggled({ ...toggled, [id]: open })}
            />
          );
        })}
      </ol>
    </section>
  );
}

interface ChecklistStepProps extends ScriptChecklistProps {
  item: StepProgress;
  number: number;
  total: number;
  current: boolean;
  open: boolean;
  onToggle: (open: boolean) => void;
}

/** One step: a toggle with its title, status, answer and evidence count; open, what to look for and the answer controls. */
function ChecklistStep(props: ChecklistStepProps) {
  const t = useT();
  const { item, formats } = props;
  const { step, status, answer } = item;
  const evidence = answer?.touchpointIds.length ?? 0;
  const bodyId = `wm-cl-body-${step.id}`;
  const error = props.error?.stepId === step.id ? props.error.message : undefined;
  return (
    <li
      class="wm-cl-step"
      data-step-id={step.id}
      data-status={status}
      data-current={props.current}
      aria-current={props.current ? 'step' : undefined}
    >
      <button
        type="button"
        class="wm-cl-toggle"
        aria-expanded={props.open}
        aria-controls={bodyId}
        data-action="toggle-step"
        onClick={() => props.onToggle(!props.open)}
      >
        <span class="wm-cl-mark" aria-hidden="true">
          {MARKS[status]}
        </span>
        <span class="wm-cl-main">
          <span class="wm-cl-title" dir="auto">
            <span class="wm-visually-hidden">
              {t('checklistStepOf', [formats.number(props.number), formats.number(props.total)])}{' '}
            </span>
            {step.title}
          </span>
          <span class="wm-cl-meta">
            {props.current && <span class="wm-cl-current">{t('checklistCurrent')}</span>}
            <span class="wm-cl-status">{stepStatusLabel(t, status)}</span>
            {answer && answer.value !== null && (
              <bdi class="wm-cl-answer" data-testid="step-answer">
                {answerText(t, formats, step.criterion, answer.value)}
              </bdi>
            )}
            <span class="wm-cl-evidence" data-count={evidence}>
              {t('checklistEvidenceCount', formats.number(evidence))}
            </span>
          </span>
        </span>
      </button>
      {props.open && (
        <div class="wm-cl-body" id={bodyId}>
          {step.lookFor && (
            <p class="wm-cl-lookfor">
              <span class="wm-cl-lookfor-label">{t('checklistLookFor')}</span> <bdi>{step.lookFor}</bdi>
            </p>
          )}
          <StepAnswerControls
            title={step.title}
            criterion={step.criterion}
            value={answer?.value ?? null}
            busy={props.busy}
            formats={formats}
            onAnswer={(value) => props.onAnswer(step.id, value)}
          />
          {error && (
            <p class="wm-notice" role="alert" data-kind="error">
              {error}
            </p>
          )}
          <div class="wm-cl-actions">
            {status === 'skipped' ? (
              <button
                type="button"
                class="wm-button wm-small"
                data-action="unskip"
                disabled={props.busy}
                onClick={() => props.onUnskip(step.id)}
              >
                {t('checklistUnskip')}
              </button>
            ) : (
              <button
                type="button"
                class="wm-button wm-small"
                data-action="skip"
                disabled={props.busy}
                onClick={() => props.onSkip(step.id)}
              >
                {t('checklistSkip')}
              </button>
            )}
          </div>
        </div>
      )}
    </li>
  );
}
