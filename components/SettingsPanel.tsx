import { useEffect, useState } from 'preact/hooks';
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
