import type { Touchpoint } from '../../lib/model/touchpoint';
import type { Evidence, ScriptReport, StepReport } from '../../lib/study/script-report';
import type { Formats } from '../findings/format';
import { touchpointHeadline } from '../findings/labels';
import { useT } from '../i18n';
import { answerLabel, stepStatusLabel } from './study-labels';

export interface ScriptReportViewProps {
  report: ScriptReport;
  /** The journey's touchpoints, to name the evidence. */
  touchpoints: readonly Touchpoint[];
  thumbnails: Readonly<Record<string, string>>;
  formats: Formats;
  onOpenScreenshot: (touchpointId: string) => void;
}

/** The journey report's script section: per step the answer, its status and the evidence, missing steps marked. */
export function ScriptReportView({ report, touchpoints, thumbnails, formats: f, onOpenScreenshot }: ScriptReportViewProps) {
  const t = useT();
  const byId = new Map(touchpoints.map((tp) => [tp.id, tp]));
  return (
    <section class="wm-script-report wm-panel" aria-labelledby="wm-script-heading">
      <header class="wm-script-head">
        <h2 id="wm-script-heading">{t('reportScriptHeading')}</h2>
        <p class="wm-script-totals" data-answered={report.answered} data-skipped={report.skipped} data-missing={report.missing}>
          {t('reportScriptSummary', [f.number(report.answered), f.number(report.skipped), f.number(report.missing)])}
        </p>
      </header>
      <ol class="wm-script-steps">
        {report.steps.map((step) => (
          <StepItem key={step.step.id} step={step} byId={byId} thumbnails={thumbnails} formats={f} onOpen={onOpenScreenshot} />
        ))}
      </ol>
    </section>
  );
}

interface StepItemProps {
  step: StepReport;
  byId: ReadonlyMap<string, Touchpoint>;
  thumbnails: Readonly<Record<string, string>>;
  formats: Formats;
  onOpen: (touchpointId: string) => void;
}

function StepItem({ step, byId, thumbnails, formats: f, onOpen }: StepItemProps) {
  const t = useT();
  const answer = answerLabel(t, f, step.value, step.step.criterion);
  return (
    <li class="wm-script-step" data-step-id={step.step.id} data-status={step.status}>
      <div class="wm-script-step-head">
        <h3 dir="auto">{step.step.title}</h3>
        <span class="wm-step-status" data-status={step.status}>
          {stepStatusLabel(t, step.status)}
        </span>
      </div>
      {step.step.lookFor && (
        <p class="wm-script-look">
          <span class="wm-script-label">{t('reportLookFor')}</span> <bdi dir="auto">{step.step.lookFor}</bdi>
        </p>
      )}
      {step.status === 'answered' && (
        <p class="wm-script-answer">
          <span class="wm-script-label">{t('reportAnswer')}</span>{' '}
          <bdi dir="auto" data-answer>
            {answer}
          </bdi>
        </p>
      )}
      {step.problem && <p class="wm-script-problem">{t('reportAnswerProblem')}</p>}
      {step.evidence.length === 0 ? (
        <p class="wm-script-none">{t('reportNoEvidence')}</p>
      ) : (
        <ul class="wm-evidence" aria-label={t('reportEvidence')}>
          {step.evidence.map((ev) => (
            <EvidenceItem
              key={ev.touchpointId}
              evidence={ev}
              touchpoint={byId.get(ev.touchpointId)}
              thumbnail={thumbnails[ev.touchpointId]}
              formats={f}
              onOpen={onOpen}
            />
          ))}
        </ul>
      )}
      {step.missingEvidence.length > 0 && (
        <p class="wm-script-none">{t('reportEvidenceGone', f.number(step.missingEvidence.length))}</p>
      )}
    </li>
  );
}

interface EvidenceItemProps {
  evidence: Evidence;
  touchpoint: Touchpoint | undefined;
  thumbnail: string | undefined;
  formats: Formats;
  onOpen: (touchpointId: string) => void;
}

function EvidenceItem({ evidence: ev, touchpoint, thumbnail, formats: f, onOpen }: EvidenceItemProps) {
  const t = useT();
  const title = touchpoint ? touchpointHeadline(touchpoint) : '';
  return (
    <li class="wm-evidence-item" data-touchpoint-id={ev.touchpointId}>
      {thumbnail && (
        <button type="button" class="wm-thumb-button" data-action="open-screenshot" onClick={() => onOpen(ev.touchpointId)}>
          <img class="wm-thumb" src={thumbnail} alt={t('mapOpenScreenshot', title)} />
        </button>
      )}
      <span class="wm-evidence-text">
        <a href={`#tp-${ev.touchpointId}`} dir="auto" class="wm-evidence-title">
          {title}
        </a>
        <span class="wm-evidence-time">
          {t('reportSinceStart', f.duration(ev.activeSinceStartMs))} · {f.time(ev.capturedAt)}
        </span>
      </span>
    </li>
  );
}
