import { useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { createFormats } from '@/components/findings/format';
import type { TouchpointFields } from '@/components/findings/TouchpointEditor';
import { useT } from '@/components/i18n';
import { type EditTarget, SidePanelView } from '@/components/sidepanel/SidePanelView';
import { timeline } from '@/lib/journey/order';
import type { ErrorInfo } from '@/lib/messages/result';
import { newId } from '@/lib/model/ids';
import { uiLocale } from '@/lib/platform/i18n';
import { request } from '@/lib/platform/transport';
import { useChecklist } from './use-checklist';
import { useLiveJourney } from './use-live-journey';
import { useOwners, useStudy } from './use-study';

/** The side panel's controller: the live journey, edits and promotions sent to the background. */
export function SidePanelApp() {
  const t = useT();
  const journeyParam = new URLSearchParams(location.search).get('journey');
  const live = useLiveJourney(journeyParam);
  const formats = useMemo(() => createFormats(uiLocale()), []);
  const [editing, setEditing] = useState<EditTarget>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ErrorInfo>();
  const entries = useMemo(() => (live.detail ? timeline(live.detail.touchpoints, live.detail.interactions) : []), [live.detail]);
  const describe = (error: ErrorInfo) =>
    error.code === 'storage-full' ? t('errorStorageFull') : t('errorGeneric', error.message);
  const study = useStudy(live.detail);
  const owners = useOwners(live.detail, study);
  const checklist = useChecklist({ ...live, study, formats, t, describe });

  const act = async (action: () => Promise<{ ok: boolean; error?: ErrorInfo }>, closeEditor = false) => {
    setBusy(true);
    setFailure(undefined);
    const result = await action();
    setBusy(false);
    if (!result.ok) setFailure(result.error);
    else if (closeEditor) setEditing(null);
    await live.reload();
  };
  const journey = live.detail?.journey;
  const error = failure ?? live.error;

  return (
    <SidePanelView
      journey={live.detail === undefined ? (live.error ? null : undefined) : (journey ?? null)}
      entries={entries}
      thumbnails={live.thumbnails}
      editing={editing}
      freshId={live.freshId}
      busy={busy}
      error={error ? describe(error) : undefined}
      formats={formats}
      checklist={checklist}
      owners={owners}
      onEdit={(target) => {
        setFailure(undefined);
        setEditing(target);
      }}
      onSaveTouchpoint={(touchpointId, changes: TouchpointFields) =>
        act(() => request('touchpoint.update', { touchpointId, changes }), true)
      }
      onPromote={(interactionId, rating: TouchpointFields) =>
        act(() => request('interaction.promote', { interactionId, touchpointId: newId(), rating }), true)
      }
      onPause={() => journey && act(() => request('journey.pause', { journeyId: journey.id }))}
      onResume={() => journey && act(() => request('journey.resume', { journeyId: journey.id }))}
      onOpenMap={() => {
        if (journey) void browser.tabs.create({ url: browser.runtime.getURL(`/map.html?journey=${journey.id}`) });
      }}
    />
  );
}
