import { useEffect, useMemo, useState } from 'preact/hooks';
import type { OwnerView } from '@/components/findings/owner-labels';
import type { JourneyDetail } from '@/lib/messages/protocol';
import { request } from '@/lib/platform/transport';
import { suggestOwner } from '@/lib/study/ownership';
import type { Study } from '@/lib/study/types';

/**
 * The study of the journey the panel shows, read again whenever the journey
 * changes (a study edited on the journeys page shows at the next change);
 * `null` while unknown.
 */
export function useStudy(detail: JourneyDetail | null | undefined): Study | null {
  const [study, setStudy] = useState<Study | null>(null);
  const studyId = detail?.journey.studyId;
  useEffect(() => {
    if (studyId === undefined) return;
    let current = true;
    void request('study.list', {}).then((result) => {
      if (current && result.ok) setStudy(result.value.find((s) => s.id === studyId) ?? null);
    });
    return () => {
      current = false;
    };
  }, [studyId, detail]);
  return studyId === undefined || study?.id !== studyId ? null : study;
}

/** Each touchpoint's owner as set, and the owner suggested from its page's domain for the journey's site. */
export function useOwners(detail: JourneyDetail | null | undefined, study: Study | null): Record<string, OwnerView> {
  return useMemo(() => {
    const views: Record<string, OwnerView> = {};
    if (!detail) return views;
    for (const tp of detail.touchpoints) {
      const suggestion = study ? suggestOwner(tp.url, study, detail.journey.siteId) : null;
      views[tp.id] = { stored: tp.owner, suggestion };
    }
    return views;
  }, [detail, study]);
}
