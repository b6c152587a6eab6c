import type { Formats } from '@/components/findings/format';
import { useT } from '@/components/i18n';
import { StudyComparisonView } from '@/components/map/StudyComparisonView';
import { useStudyComparison } from './use-study-comparison';

export interface StudyComparisonPageProps {
  studyId: string;
  formats: Formats;
  mapHref: (journeyId: string) => string;
}

/** `map.html?study=<id>`: the study's script on each of its journeys, side by side (controller). */
export function StudyComparisonPage({ studyId, formats, mapHref }: StudyComparisonPageProps) {
  const t = useT();
  const { loaded, view, busy, notice, download } = useStudyComparison(studyId);
  if (loaded.state === 'loading') return null;
  if (loaded.state === 'failed' || loaded.state === 'missing') {
    return (
      <p class="wm-notice" role="alert" data-kind="error">
        {loaded.state === 'missing' ? t('compareScriptStudyMissing') : t('errorGeneric', loaded.error.message)}
      </p>
    );
  }
  if (!view) return null;
  if (!view.study.script?.length) return <p class="wm-empty">{t('compareScriptNoScript')}</p>;
  return (
    <>
      <StudyComparisonView
        studyName={view.study.name}
        comparison={view.comparison}
        columns={view.columns}
        formats={formats}
        busy={busy}
        notice={
          notice && {
            kind: notice.kind,
            text: notice.file ? t('compareScriptDownloaded', notice.file) : t('errorGeneric', notice.text),
          }
        }
        mapHref={mapHref}
        onDownload={() => void download()}
      />
      {view.columns.length === 0 && <p class="wm-empty">{t('compareScriptNoJourneys')}</p>}
    </>
  );
}
