import { useT } from './i18n';

export interface SyncFolderFieldsProps {
  /** Whether this browser can pick a folder (the File System Access API; not in Firefox). */
  supported: boolean;
  /** The chosen folder's name; `''` if none yet. */
  folderName: string;
  busy: boolean;
  /** "Choose folder": opens the browser's folder picker (needs this click). */
  onChoose: () => void;
}

/** Team sync through a folder on this computer: which folder, and the button that picks it. */
export function SyncFolderFields({ supported, folderName, busy, onChoose }: SyncFolderFieldsProps) {
  const t = useT();
  if (!supported) {
    return (
      <p class="wm-notice" role="status" data-sync-folder-unsupported>
        {t('syncFolderUnsupported')}
      </p>
    );
  }
  return (
    <>
      <p class="wm-hint-text">{t('syncFolderHelp')}</p>
      <p class="wm-hint-text" data-sync-folder={folderName}>
        {/* The folder's name in Unicode isolates: a Latin name keeps a Persian sentence in order. */}
        {folderName ? t('syncFolderChosen', `\u2068${folderName}\u2069`) : t('syncFolderNone')}
      </p>
      <button type="button" class="wm-button" data-action="sync-choose-folder" disabled={busy} onClick={onChoose}>
        {t('syncChooseFolder')}
      </button>
    </>
  );
}
