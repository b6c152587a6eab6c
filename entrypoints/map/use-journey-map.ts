import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { JourneyDetail, JourneyEdit, TouchpointChanges } from '@/lib/messages/protocol';
import type { ErrorInfo } from '@/lib/messages/result';
import type { Study } from '@/lib/model/study';
import { onUiNoticeSettled } from '@/lib/platform/notices';
import { pageDb } from '@/lib/platform/page-db';
import { ScreenshotUrls } from '@/lib/platform/screenshot-urls';
import { request } from '@/lib/platform/transport';
import { NO_FILTER, queryJourneyPage } from '@/lib/store/journey-query';

/** A journey as the map holds it: its records, or why they are not there. */
export type LoadedJourney = { ok: true; detail: JourneyDetail } | { ok: false; error: ErrorInfo };

/** The last edit, for the status line and its "Undo". */
export interface LastEdit {
  message: string;
  undoId: string | null;
}

/** How many recent journeys the pickers (move to, merge, compare) offer. */
const PICKER_SIZE = 200;

/**
 * The map page's state: the journeys it shows (`ids`), their thumbnails,
 * recent journeys for the pickers, and the edits, which go to the background
 * and are followed by a reload (also when another page changes something).
 */
export function useJourneyMap(ids: readonly string[]) {
  const [loaded, setLoaded] = useState<Record<string, LoadedJourney>>({});
  const [thumbnails, setThumbnails] = useState<Record<string, string>>({});
  const [recent, setRecent] = useState<{ id: string; title: string; startedAt: string }[]>([]);
  const [studies, setStudies] = useState<Study[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ErrorInfo>();
  const [lastEdit, setLastEdit] = useState<LastEdit>();
  const shots = useMemo(() => new ScreenshotUrls(), []);
  const key = ids.join(',');

  const reload = useCallback(async () => {
    const [results, studyList] = await Promise.all([
      Promise.all(ids.map((journeyId) => request('journey.detail', { journeyId }))),
      request('study.list', {}),
    ]);
    // Without its study the map still shows the journey, only with no owners or script report.
    setStudies(studyList.ok ? studyList.value : []);
    const next: Record<string, LoadedJourney> = {};
    results.forEach((result, i) => {
      next[ids[i]!] = result.ok ? { ok: true, detail: result.value } : { ok: false, error: result.error };
    });
    setLoaded(next);
    const withShots = results.flatMap((r) => (r.ok ? r.value.touchpoints.filter((tp) => tp.screenshot).map((tp) => tp.id) : []));
    setThumbnails(await shots.thumbnails(withShots));
    try {
      const page = await queryJourneyPage(await pageDb(), NO_FILTER, null, PICKER_SIZE);
      setRecent(page.items.map(({ journey }) => ({ id: journey.id, title: journey.title, startedAt: journey.startedAt })));
    } catch {
      setRecent([]);
    }
  }, [key, shots]);

  useEffect(() => {
    void reload();
    const stop = onUiNoticeSettled(() => void reload(), 300);
    return () => {
      stop();
      shots.revokeAll();
    };
  }, [reload, shots]);

  /** Runs a request with the controls disabled; a failure is kept for the page to show. */
  const run = async <T>(send: () => Promise<{ ok: true; value: T } | { ok: false; error: ErrorInfo }>) => {
    setBusy(true);
    setFailure(undefined);
    const result = await send();
    if (!result.ok) setFailure(result.error);
    await reload();
    setBusy(false);
    return result;
  };

  return {
    loaded,
    /** Every study, for the journey's study frame, owners and script report. */
    studies,
    thumbnails,
    recent,
    busy,
    failure,
    lastEdit,
    shots,
    clearFailure: () => setFailure(undefined),
    dismissEdit: () => setLastEdit(undefined),
    /** A journey edit (`journey.edit`); `message` says what was done, for the status line. */
    edit: async (edit: JourneyEdit, message: string) => {
      const result = await run(() => request('journey.edit', { edit }));
      if (result.ok) setLastEdit({ message, undoId: result.value.undoId });
      return result.ok;
    },
    undo: async (undoId: string, message: string) => {
      const result = await run(() => request('journey.edit', { edit: { type: 'undo', undoId } }));
      if (result.ok) setLastEdit({ message, undoId: null });
    },
    updateTouchpoint: async (touchpointId: string, changes: TouchpointChanges) => {
      shots.forget(touchpointId);
      return (await run(() => request('touchpoint.update', { touchpointId, changes }))).ok;
    },
    exportJson: (journeyId: string) => run(() => request('export.download', { journeyIds: [journeyId], format: 'json' })),
  };
}
