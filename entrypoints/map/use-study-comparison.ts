import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { ComparisonColumn } from '@/components/map/StudyComparisonView';
import { scriptComparisonFileName, toScriptComparisonCsv } from '@/lib/exchange/export-script-csv';
import type { JourneyDetail } from '@/lib/messages/protocol';
import type { ErrorInfo } from '@/lib/messages/result';
import type { Study } from '@/lib/model/study';
import { downloadText } from '@/lib/platform/download';
import { onUiNoticeSettled } from '@/lib/platform/notices';
import { request } from '@/lib/platform/transport';
import { summariseByOwner } from '@/lib/study/ownership';
import { compareScriptRuns } from '@/lib/study/script-report';
import { journeysOfStudy, runnerOf, scriptRunOf, siteName } from '@/lib/study/study-runs';
import { ownersOf } from './use-study-view';

/** The comparison page's data: the study, or why it cannot be shown. */
export type LoadedStudy =
  | { state: 'loading' }
  | { state: 'failed'; error: ErrorInfo }
  | { state: 'missing' }
  | { state: 'ready'; study: Study; details: JourneyDetail[] };

/**
 * The study comparison page's state (`map.html?study=<id>`): the study, each
 * of its journeys with its touchpoints (for owners), reloaded when journeys
 * change elsewhere, and the CSV download of the comparison.
 */
export function useStudyComparison(studyId: string) {
  const [loaded, setLoaded] = useState<LoadedStudy>({ state: 'loading' });
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'info' | 'error'; text: string; file?: string }>();

  const reload = useCallback(async () => {
    const [studies, journeys] = await Promise.all([request('study.list', {}), request('journey.list', {})]);
    if (!studies.ok) return setLoaded({ state: 'failed', error: studies.error });
    if (!journeys.ok) return setLoaded({ state: 'failed', error: journeys.error });
    const study = studies.value.find((s) => s.id === studyId);
    if (!study) return setLoaded({ state: 'missing' });
    const ofStudy = journeysOfStudy(
      study,
      journeys.value.map((summary) => summary.journey),
    );
    const details = await Promise.all(ofStudy.map((j) => request('journey.detail', { journeyId: j.id })));
    // A journey deleted between the two requests is left out.
    setLoaded({ state: 'ready', study, details: details.flatMap((d) => (d.ok ? [d.value] : [])) });
  }, [studyId]);

  useEffect(() => {
    void reload();
    return onUiNoticeSettled(() => void reload(), 500);
  }, [reload]);

  const view = useMemo(() => {
    if (loaded.state !== 'ready') return null;
    const { study, details } = loaded;
    const comparison = compareScriptRuns(
      study.script ?? [],
      details.map((d) => scriptRunOf(study, d.journey)),
    );
    const columns: ComparisonColumn[] = details.map((d) => ({
      journeyId: d.journey.id,
      site: siteName(study, d.journey.siteId),
      runner: runnerOf(d.journey),
      owners: summariseByOwner(d.touchpoints, ownersOf(d, study)),
    }));
    return { study, comparison, columns };
  }, [loaded]);

  /** Writes the comparison as CSV and starts the download; the outcome goes to `notice` (`file` on success). */
  const download = async () => {
    if (!view) return;
    setBusy(true);
    setNotice(undefined);
    const fileName = scriptComparisonFileName(view.study.name, new Date().toISOString());
    try {
      await downloadText(toScriptComparisonCsv(view.comparison), fileName, 'text/csv');
      setNotice({ kind: 'info', text: '', file: fileName });
    } catch (error) {
      setNotice({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  return { loaded, view, busy, notice, download };
}
