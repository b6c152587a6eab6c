import type { Study } from '../../lib/model/study';
import { useT } from '../i18n';
import { siteLabel, studyLabel } from './study-label';

/** The study a journey runs in and the site it runs on: `brand`, or a competitor's id. */
export interface StudyChoice {
  studyId: string;
  siteId: string;
}

/** `choice` made valid for `studies`: a study that is there (else the first), a site it has (else its brand). */
export function resolveChoice(studies: readonly Study[], choice: StudyChoice): StudyChoice {
  const study = studies.find((s) => s.id === choice.studyId) ?? studies[0];
  if (!study) return choice;
  const known = choice.siteId === 'brand' || study.competitors.some((c) => c.id === choice.siteId);
  return { studyId: study.id, siteId: known ? choice.siteId : 'brand' };
}

export interface StudyPickerProps {
  studies: readonly Study[];
  value: StudyChoice;
  onChange: (choice: StudyChoice) => void;
}

/**
 * Two compact selects for starting a journey: the study (shown when there is
 * more than one) and the site (shown when the study has competitors).
 */
export function StudyPicker({ studies, value, onChange }: StudyPickerProps) {
  const t = useT();
  const { studyId, siteId } = resolveChoice(studies, value);
  const study = studies.find((s) => s.id === studyId);
  if (!study) return null;
  const sites = ['brand', ...study.competitors.map((c) => c.id)];
  if (studies.length < 2 && sites.length < 2) return null;
  return (
    <div class="wm-study-picker">
      {studies.length > 1 && (
        <label class="wm-field">
          <span>{t('studyPickStudy')}</span>
          <select name="study" value={study.id} onChange={(e) => onChange({ studyId: e.currentTarget.value, siteId: 'brand' })}>
            {studies.map((s) => (
              <option key={s.id} value={s.id}>
                {studyLabel(t, s)}
              </option>
            ))}
          </select>
        </label>
      )}
      {sites.length > 1 && (
        <label class="wm-field">
          <span>{t('studyPickSite')}</span>
          <select name="site" value={siteId} onChange={(e) => onChange({ studyId: study.id, siteId: e.currentTarget.value })}>
            {sites.map((id) => (
              <option key={id} value={id}>
                {siteLabel(t, study, id)}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
