import { useT } from '../i18n';

export interface UndoBarProps {
  /** What was done, e.g. "Touchpoint deleted". */
  message: string;
  /** Shown when the action can be taken back. */
  onUndo?: () => void;
  onDismiss: () => void;
}

/** A status line after an edit, with "Undo" where the edit can be taken back. */
export function UndoBar({ message, onUndo, onDismiss }: UndoBarProps) {
  const t = useT();
  return (
    <div class="wm-undo-bar" role="status">
      <span>{message}</span>
      {onUndo && (
        <button type="button" class="wm-button" data-action="undo" onClick={onUndo}>
          {t('actionUndo')}
        </button>
      )}
      <button type="button" class="wm-button wm-icon-button" aria-label={t('actionDismiss')} onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
