import type { Study } from '../../lib/model/study';
import { DEFAULT_STUDY_ID } from '../../lib/model/vocabulary';
import { useT } from '../i18n';
import { studyLabel } from '../study/study-label';

export interface StudyListProps {
  studies: readonly Study[];
  /** The study open in the form, if any. */
  editing?: string;
  formatNumber: (value: number) => string;
  onEdit: (study: Study) => void;
  onNew: () => void;
}

/** The studies, default first, each with its sites and script length and an Edit button. */
export function StudyList({ studies, editing, formatNumber, onEdit, onNew }: StudyListProps) {
  const t = useT();
  return (
    <>
      <ul class="wm-studies">
        {studies.map((study) => (
          <li key={study.id} data-study={study.id} aria-current={editing === study.id ? 'true' : undefined}>
            <div>
              <span class="wm-study-name" dir="auto">
                {studyLabel(t, study)}
              </span>
              {study.id === DEFAULT_STUDY_ID && <span class="wm-study-badge">{t('studyDefaultBadge')}</span>}
              <span class="wm-hint-text">
                {t('studyListMeta', [formatNumber(study.competitors.length), formatNumber(study.script?.length ?? 0)])}
              </span>
            </div>
            <button type="button" class="wm-button" data-action="edit-study" onClick={() => onEdit(study)}>
              {t('actionEdit')}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" class="wm-button" data-action="new-study" onClick={onNew}>
        {t('studyNew')}
      </button>
    </>
  );
}
