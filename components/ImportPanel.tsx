import { useRef } from 'preact/hooks';
import { useT } from './i18n';

/** The outcome of the last import, as the panel shows it. */
export type ImportOutcome =
  | { kind: 'working'; fileName: string }
  | { kind: 'done'; text: string }
  | { kind: 'rejected'; fileName: string; problems: readonly string[] };

export interface ImportPanelProps {
  outcome?: ImportOutcome;
  busy: boolean;
  onFile: (file: File) => void;
}

/** Pick a JSON or ZIP export to merge in; the report or the problems show below. */
export function ImportPanel({ outcome, busy, onFile }: ImportPanelProps) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  return (
    <section class="wm-panel" aria-labelledby="wm-import-heading">
      <h2 id="wm-import-heading">{t('importHeading')}</h2>
      <p class="wm-hint-text">{t('importHelp')}</p>
      <input
        ref={input}
        type="file"
        name="import"
        accept=".json,.zip,application/json,application/zip"
        class="wm-visually-hidden"
        aria-label={t('importButton')}
        tabIndex={-1}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          if (file) onFile(file);
          event.currentTarget.value = '';
        }}
      />
      <button type="button" class="wm-button" data-action="import" disabled={busy} onClick={() => input.current?.click()}>
        {t('importButton')}
      </button>
      {outcome?.kind === 'working' && (
        <p class="wm-notice" role="status">
          {t('importWorking', outcome.fileName)}
        </p>
      )}
      {outcome?.kind === 'done' && (
        <p class="wm-notice" role="status" data-kind="info">
          {outcome.text}
        </p>
      )}
      {outcome?.kind === 'rejected' && (
        <div class="wm-notice" role="alert" data-kind="error">
          <p>{t('importRejected', outcome.fileName)}</p>
          <ul>
            {outcome.problems.map((problem) => (
              <li key={problem} dir="auto">
                {problem}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
