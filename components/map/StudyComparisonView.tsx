import type { OwnerFigures } from '../../lib/study/ownership';
import type { ComparisonCell, ComparisonRow, ScriptComparison } from '../../lib/study/script-report';
import type { Criterion } from '../../lib/study/types';
import type { Formats } from '../findings/format';
import { useT } from '../i18n';
import { answerLabel, ownerLabel, stepStatusLabel } from './study-labels';

/** A column of the comparison: one journey of the study. */
export interface ComparisonColumn {
  journeyId: string;
  /** The site it ran on (the brand's or a competitor's name); `null` when the study no longer names it. */
  site: string | null;
  /** The researcher, else the journey's title. */
  runner: string;
  /** Its figures per owner, from `summariseByOwner`. */
  owners: readonly OwnerFigures[];
}

export interface StudyComparisonViewProps {
  studyName: string;
  comparison: ScriptComparison;
  /** `columns[i]` belongs to `comparison.runs[i]`. */
  columns: readonly ComparisonColumn[];
  formats: Formats;
  busy: boolean;
  /** What the last download did, for the status line. */
  notice?: { kind: 'info' | 'error'; text: string };
  mapHref: (journeyId: string) => string;
  onDownload: () => void;
}

/** The same script on each site of a study, side by side: rows are steps, columns are journeys. */
export function StudyComparisonView(props: StudyComparisonViewProps) {
  const t = useT();
  const { comparison, columns, formats: f } = props;
  return (
    <section class="wm-study-compare" aria-labelledby="wm-study-compare-heading">
      <header class="wm-study-compare-head">
        <div>
          <h1 id="wm-study-compare-heading">{t('compareScriptHeading')}</h1>
          <p class="wm-map-meta">
            <span>
              {t('reportStudy')}: <bdi dir="auto">{props.studyName}</bdi>
            </span>
          </p>
          <p class="wm-map-meta">{t('compareScriptIntro')}</p>
        </div>
        <button type="button" class="wm-button" data-action="download-csv" disabled={props.busy} onClick={props.onDownload}>
          {t('compareScriptDownload')}
        </button>
      </header>
      {props.notice && (
        <p class="wm-notice" role="status" data-kind={props.notice.kind}>
          {props.notice.text}
        </p>
      )}
      <div class="wm-table-scroll">
        <table class="wm-table wm-script-table">
          <thead>
            <tr>
              <th scope="col">{t('compareScriptStep')}</th>
              {columns.map((col) => (
                <th key={col.journeyId} scope="col" data-journey-id={col.journeyId}>
                  <a href={props.mapHref(col.journeyId)} class="wm-run-head">
                    <bdi dir="auto" class="wm-run-site">
                      {col.site ?? t('reportSiteUnknown')}
                    </bdi>
                    <bdi dir="auto" class="wm-run-runner">
                      {col.runner}
                    </bdi>
                  </a>
                </th>
              ))}
              <th scope="col">{t('compareScriptSummary')}</th>
            </tr>
          </thead>
          <tbody>
            {comparison.rows.map((row) => (
              <StepRow key={row.step.id} row={row} columns={columns} formats={f} />
            ))}
          </tbody>
          <tfoot>
            <tr data-row="totals">
              <th scope="row">{t('compareScriptTotals')}</th>
              {comparison.totals.map((total, i) => (
                <td key={columns[i]?.journeyId ?? i}>
                  {t('reportScriptSummary', [f.number(total.answered), f.number(total.skipped), f.number(total.missing)])}
                </td>
              ))}
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
      <OwnersByJourney columns={columns} formats={f} />
    </section>
  );
}

function StepRow({ row, columns, formats: f }: { row: ComparisonRow; columns: readonly ComparisonColumn[]; formats: Formats }) {
  const t = useT();
  const s = row.summary;
  return (
    <tr data-step-id={row.step.id}>
      <th scope="row" class="wm-script-row-head">
        <bdi dir="auto">{row.step.title}</bdi>
      </th>
      {row.cells.map((cell, i) => (
        <Cell key={columns[i]?.journeyId ?? i} cell={cell} criterion={row.step.criterion} formats={f} />
      ))}
      <td class="wm-row-summary">
        <span>{t('reportScriptSummary', [f.number(s.answered), f.number(s.skipped), f.number(s.missing)])}</span>
        {s.yes !== null && <span data-summary="yes">{t('compareScriptYes', f.number(s.yes))}</span>}
        {s.mean !== null && <span data-summary="mean">{t('compareScriptMean', f.number(s.mean, 1))}</span>}
      </td>
    </tr>
  );
}

function Cell({ cell, criterion, formats: f }: { cell: ComparisonCell; criterion: Criterion; formats: Formats }) {
  const t = useT();
  return (
    <td class="wm-script-cell" data-status={cell.status}>
      {cell.status === 'answered' && (
        <bdi dir="auto" class="wm-cell-answer">
          {answerLabel(t, f, cell.value, criterion)}
        </bdi>
      )}
      <span class="wm-step-status" data-status={cell.status}>
        {stepStatusLabel(t, cell.status)}
      </span>
      <span class="wm-cell-evidence">{t('compareScriptEvidence', f.number(cell.evidenceCount))}</span>
      {cell.problem && <span class="wm-script-problem">{t('reportAnswerProblem')}</span>}
    </td>
  );
}

/** Per journey, how many touchpoints each owner has (and their mean emotion). */
function OwnersByJourney({ columns, formats: f }: { columns: readonly ComparisonColumn[]; formats: Formats }) {
  const t = useT();
  const owners = columns[0]?.owners.map((o) => o.owner) ?? [];
  if (owners.length === 0) return null;
  return (
    <div class="wm-table-scroll">
      <table class="wm-table wm-owner-compare">
        <caption>{t('compareScriptOwners')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reportOwnerFilter')}</th>
            {columns.map((col) => (
              <th key={col.journeyId} scope="col">
                <bdi dir="auto">{[col.site ?? t('reportSiteUnknown'), col.runner].join(' · ')}</bdi>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {owners.map((owner, row) => (
            <tr key={owner ?? 'unknown'} data-owner={owner ?? 'unknown'}>
              <th scope="row">{ownerLabel(t, owner)}</th>
              {columns.map((col) => {
                const figures = col.owners[row];
                return (
                  <td key={col.journeyId} class="wm-num">
                    {!figures || figures.count === 0
                      ? f.number(0)
                      : t('compareScriptOwnerCell', [f.number(figures.count), f.number(figures.meanEmotion ?? 0, 1)])}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
