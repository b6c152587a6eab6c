import type { Criterion } from '../../lib/model/study';
import type { MessageKey } from '../i18n';
import { useT } from '../i18n';
import { criterionOfKind, moveItem, newStepDraft, type StepDraft } from './study-draft';

type NumberCriterion = Extract<Criterion, { kind: 'number' }>;

const KINDS: [Criterion['kind'], MessageKey][] = [
  ['yesno', 'studyCriterionYesNo'],
  ['scale', 'studyCriterionScale'],
  ['number', 'studyCriterionNumber'],
  ['text', 'studyCriterionText'],
];

export interface ScriptEditorProps {
  steps: StepDraft[];
  onChange: (steps: StepDraft[]) => void;
}

/** The mystery-shopping script: ordered steps, each with what to look for and how it is answered. */
export function ScriptEditor({ steps, onChange }: ScriptEditorProps) {
  const t = useT();
  const change = (step: StepDraft) => onChange(steps.map((s) => (s.id === step.id ? step : s)));
  return (
    <fieldset class="wm-study-group" data-group="script">
      <legend>{t('studyScript')}</legend>
      <p class="wm-hint-text">{t('studyScriptHelp')}</p>
      <ol class="wm-script-steps">
        {steps.map((step, i) => (
          <li key={step.id} class="wm-study-row" data-row="step">
            <div class="wm-site-fields">
              <label class="wm-field">
                <span>{t('studyStepTitle', String(i + 1))}</span>
                <input
                  name={`step-${i + 1}-title`}
                  required
                  maxLength={200}
                  value={step.title}
                  dir="auto"
                  onInput={(e) => change({ ...step, title: e.currentTarget.value })}
                />
              </label>
              <label class="wm-field">
                <span>{t('studyStepLookFor')}</span>
                <textarea
                  name={`step-${i + 1}-look-for`}
                  rows={2}
                  maxLength={2000}
                  value={step.lookFor}
                  dir="auto"
                  onInput={(e) => change({ ...step, lookFor: e.currentTarget.value })}
                />
              </label>
              <div class="wm-step-criterion">
                <label class="wm-field">
                  <span>{t('studyStepCriterion')}</span>
                  <select
                    name={`step-${i + 1}-kind`}
                    value={step.criterion.kind}
                    onChange={(e) =>
                      change({ ...step, criterion: criterionOfKind(e.currentTarget.value as Criterion['kind'], step.criterion) })
                    }
                  >
                    {KINDS.map(([kind, key]) => (
                      <option key={kind} value={kind}>
                        {t(key)}
                      </option>
                    ))}
                  </select>
                </label>
                {step.criterion.kind === 'number' && (
                  <label class="wm-field">
                    <span>{t('studyStepUnit')}</span>
                    <input
                      name={`step-${i + 1}-unit`}
                      maxLength={32}
                      value={step.criterion.unit}
                      dir="auto"
                      placeholder={t('studyStepUnitPlaceholder')}
                      onInput={(e) =>
                        change({ ...step, criterion: { ...(step.criterion as NumberCriterion), unit: e.currentTarget.value } })
                      }
                    />
                  </label>
                )}
              </div>
            </div>
            <div class="wm-row-actions">
              <button
                type="button"
                class="wm-button wm-quiet"
                data-action="step-up"
                disabled={i === 0}
                aria-label={`${t('studyMoveUp')}: ${step.title || i + 1}`}
                onClick={() => onChange(moveItem(steps, i, -1))}
              >
                <span aria-hidden="true">↑</span>
              </button>
              <button
                type="button"
                class="wm-button wm-quiet"
                data-action="step-down"
                disabled={i === steps.length - 1}
                aria-label={`${t('studyMoveDown')}: ${step.title || i + 1}`}
                onClick={() => onChange(moveItem(steps, i, 1))}
              >
                <span aria-hidden="true">↓</span>
              </button>
              <button
                type="button"
                class="wm-button wm-quiet"
                data-action="remove-step"
                onClick={() => onChange(steps.filter((s) => s.id !== step.id))}
              >
                {t('studyRemove')}
              </button>
            </div>
          </li>
        ))}
      </ol>
      <button type="button" class="wm-button" data-action="add-step" onClick={() => onChange([...steps, newStepDraft()])}>
        {t('studyAddStep')}
      </button>
    </fieldset>
  );
}
