import { useEffect, useState } from 'preact/hooks';
import { addSite, normalizeSite } from '../lib/capture/site-list';
import { useT } from './i18n';

export interface SettingsPanelProps {
  author: string;
  saved: boolean;
  onSave: (author: string) => void;
}

/** The researcher's name, stamped on every record they make. */
export function SettingsPanel({ author, saved, onSave }: SettingsPanelProps) {
  const t = useT();
  const [value, setValue] = useState(author);
  useEffect(() => setValue(author), [author]);
  return (
    <form
      class="wm-panel"
      aria-labelledby="wm-settings-heading"
      onSubmit={(event) => {
        event.preventDefault();
        onSave(value.trim());
      }}
    >
      <h2 id="wm-settings-heading">{t('settingsHeading')}</h2>
      <label class="wm-field">
        <span>{t('settingsAuthor')}</span>
        <input name="author" maxLength={200} value={value} dir="auto" onInput={(e) => setValue(e.currentTarget.value)} />
      </label>
      <button type="submit" class="wm-button">
        {t('settingsSave')}
      </button>
      {saved && (
        <p class="wm-hint-text" role="status">
          {t('settingsSaved')}
        </p>
      )}
    </form>
  );
}

export interface CapturePrivacyProps {
  /** Sites (host names) where Waymark never captures. */
  neverCapture: readonly string[];
  /** Whether capture works in private windows. */
  captureInIncognito: boolean;
  onChange: (changes: { neverCapture?: string[]; captureInIncognito?: boolean }) => void;
}

/** The "never capture here" list, with add and remove, and the private-window switch. */
export function CapturePrivacySettings({ neverCapture, captureInIncognito, onChange }: CapturePrivacyProps) {
  const t = useT();
  const [site, setSite] = useState('');
  const [bad, setBad] = useState(false);
  return (
    <section class="wm-panel" aria-labelledby="wm-capture-privacy-heading" data-panel="capture-privacy">
      <h2 id="wm-capture-privacy-heading">{t('settingsCaptureHeading')}</h2>
      <form
        class="wm-site-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!normalizeSite(site)) {
            setBad(true);
            return;
          }
          onChange({ neverCapture: addSite(neverCapture, site) });
          setSite('');
          setBad(false);
        }}
      >
        <label class="wm-field">
          <span>{t('settingsNeverCapture')}</span>
          <input
            name="neverCapture"
            value={site}
            placeholder={t('settingsSitePlaceholder')}
            aria-invalid={bad}
            dir="ltr"
            onInput={(e) => setSite(e.currentTarget.value)}
          />
        </label>
        <button type="submit" class="wm-button" data-action="add-site">
          {t('settingsAddSite')}
        </button>
      </form>
      {bad && (
        <p class="wm-notice" role="alert" data-kind="error">
          {t('settingsBadSite')}
        </p>
      )}
      {neverCapture.length === 0 ? (
        <p class="wm-hint-text">{t('settingsNoSites')}</p>
      ) : (
        <ul class="wm-sites">
          {neverCapture.map((entry) => (
            <li key={entry}>
              <span dir="ltr">{entry}</span>
              <button
                type="button"
                class="wm-button"
                aria-label={t('settingsRemoveSite', entry)}
                onClick={() => onChange({ neverCapture: neverCapture.filter((other) => other !== entry) })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <label class="wm-check">
        <input
          type="checkbox"
          name="captureInIncognito"
          checked={captureInIncognito}
          onChange={(e) => onChange({ captureInIncognito: e.currentTarget.checked })}
        />
        {t('settingsIncognito')}
      </label>
    </section>
  );
}
