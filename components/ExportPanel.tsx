import { useState } from 'preact/hooks';
import type { ExportFormat } from '../lib/messages/protocol';
import { type MessageKey, useT } from './i18n';

const FORMATS: readonly { format: ExportFormat; label: MessageKey; single: boolean }[] = [
  { format: 'json', label: 'formatJson', single: false },
  { format: 'zip', label: 'formatZip', single: false },
  { format: 'csv', label: 'formatCsv', single: false },
  { format: 'html', label: 'formatHtml', single: true },
  { format: 'mermaid', label: 'formatMermaid', single: true },
  { format: 'annotations', label: 'formatAnnotations', single: false },
];

export interface ExportPanelProps {
  selectedCount: number;
  busy: boolean;
  /** Formats a number with the UI locale's digits. */
  formatNumber: (value: number) => string;
  onExport: (scope: 'selected' | 'all', format: ExportFormat) => void;
}

/** Choose journeys and a format, then export. */
export function ExportPanel({ selectedCount, busy, formatNumber, onExport }: ExportPanelProps) {
  const t = useT();
  const [scope, setScope] = useState<'selected' | 'all'>('selected');
  const [format, setFormat] = useState<ExportFormat>('json');
  const count = scope === 'selected' ? selectedCount : Number.POSITIVE_INFINITY;
  const single = FORMATS.find((f) => f.format === format)?.single ?? false;
  const problem = count === 0 ? t('exportNothingSelected') : single && count !== 1 ? t('exportOneJourneyOnly') : undefined;
  return (
    <section class="wm-panel" aria-labelledby="wm-export-heading">
      <h2 id="wm-export-heading">{t('exportHeading')}</h2>
      <fieldset class="wm-choice">
        <legend>{t('exportScope')}</legend>
        <label>
          <input
            type="radio"
            name="scope"
            value="selected"
            checked={scope === 'selected'}
            onChange={() => setScope('selected')}
          />
          {t('exportScopeSelected', formatNumber(selectedCount))}
        </label>
        <label>
          <input type="radio" name="scope" value="all" checked={scope === 'all'} onChange={() => setScope('all')} />
          {t('exportScopeAll')}
        </label>
      </fieldset>
      <label class="wm-field">
        <span>{t('exportFormat')}</span>
        <select name="format" value={format} onChange={(e) => setFormat(e.currentTarget.value as ExportFormat)}>
          {FORMATS.map((f) => (
            <option key={f.format} value={f.format}>
              {t(f.label)}
            </option>
          ))}
        </select>
      </label>
      {problem && <p class="wm-hint-text">{problem}</p>}
      <button
        type="button"
        class="wm-button wm-primary"
        data-action="export"
        disabled={busy || problem !== undefined}
        onClick={() => onExport(scope, format)}
      >
        {t('exportButton')}
      </button>
    </section>
  );
}
