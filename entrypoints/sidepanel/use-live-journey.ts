import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { JourneyDetail } from '@/lib/messages/protocol';
import type { ErrorInfo } from '@/lib/messages/result';
import { onUiNotice } from '@/lib/platform/notices';
import { ScreenshotUrls } from '@/lib/platform/screenshot-urls';
import { request } from '@/lib/platform/transport';

/** What the side panel shows: the journey with its records, or `null` when there is none. */
export interface LiveJourney {
  detail: JourneyDetail | null | undefined;
  thumbnails: Record<string, string>;
  /** The touchpoint saved last while the panel was open. */
  freshId?: string;
  error?: ErrorInfo;
  reload: () => Promise<void>;
}

/**
 * The journey the panel follows (`journeyId`, else the running or latest one)
 * and its records, reloaded whenever the background says something changed.
 * Reloads never overlap: notices that arrive during one cause one more.
 */
export function useLiveJourney(journeyId: string | null): LiveJourney {
  const [detail, setDetail] = useState<JourneyDetail | null | undefined>();
  const [thumbnails, setThumbnails] = useState<Record<string, string>>({});
  const [freshId, setFreshId] = useState<string>();
  const [error, setError] = useState<ErrorInfo>();
  const shots = useMemo(() => new ScreenshotUrls(), []);
  const followed = useRef<string | null>(journeyId);
  const loading = useRef<Promise<void> | null>(null);
  const again = useRef(false);

  const loadOnce = useCallback(async () => {
    let id = journeyId;
    if (id === null) {
      const overview = await request('journey.overview', {});
      if (!overview.ok) return setError(overview.error);
      id = overview.value.journey?.id ?? null;
    }
    followed.current = id;
    if (id === null) {
      setDetail(null);
      return;
    }
    const result = await request('journey.detail', { journeyId: id });
    if (!result.ok) return setError(result.error);
    setError(undefined);
    setDetail(result.value);
    const withShots = result.value.touchpoints.filter((tp) => tp.screenshot !== null).map((tp) => tp.id);
    setThumbnails(await shots.thumbnails(withShots));
  }, [journeyId, shots]);

  const reload = useCallback(async () => {
    if (loading.current) {
      again.current = true;
      return loading.current;
    }
    loading.current = (async () => {
      do {
        again.current = false;
        await loadOnce();
      } while (again.current);
      loading.current = null;
    })();
    return loading.current;
  }, [loadOnce]);

  useEffect(() => {
    void reload();
    const stop = onUiNotice((notice) => {
      if (notice.type === 'notice.touchpointSaved') {
        setFreshId(notice.payload.touchpointId);
        void reload();
      } else if (journeyId === null || notice.payload.journeyIds.includes(followed.current ?? '')) {
        void reload();
      }
    });
    return () => {
      stop();
      shots.revokeAll();
    };
  }, [reload, journeyId, shots]);

  return { detail, thumbnails, freshId, error, reload };
}
