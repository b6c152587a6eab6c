import { useMemo, useState } from 'preact/hooks';
import type { StudyFrame } from '@/components/map/MapHeader';
import { type OwnerFilter, ownerOfFilter } from '@/components/map/study-labels';
import type { JourneyDetail } from '@/lib/messages/protocol';
import type { Study } from '@/lib/model/study';
import { effectiveOwners, filterByOwner, summariseByOwner } from '@/lib/study/ownership';
import { scriptReport } from '@/lib/study/script-report';
import { siteName } from '@/lib/study/study-runs';

/** The address of a study's script comparison. */
export const studyHref = (studyId: string) => `map.html?study=${encodeURIComponent(studyId)}`;

/** Owners set by the researcher; a touchpoint's `null` means "use the suggestion", so it is left out. */
function editedOwners(detail: JourneyDetail): Record<string, NonNullable<JourneyDetail['touchpoints'][number]['owner']>> {
  return Object.fromEntries(detail.touchpoints.flatMap((tp) => (tp.owner === null ? [] : [[tp.id, tp.owner]])));
}

/** Each touchpoint's effective owner in `detail`'s journey: as set, else suggested from its study and site. */
export function ownersOf(detail: JourneyDetail, study: Study | undefined) {
  const frame = study ?? { brand: { name: '', domains: [] }, competitors: [], partners: [] };
  return effectiveOwners(detail.touchpoints, editedOwners(detail), frame, detail.journey.siteId);
}

/**
 * What the journey map shows of the journey's study: its frame in the header,
 * touchpoint owners (with the filter and the per-owner figures) and the
 * script report when the study has a script.
 */
export function useStudyView(detail: JourneyDetail | undefined, studies: readonly Study[]) {
  const [filter, setFilter] = useState<OwnerFilter>('all');
  const study = detail ? studies.find((s) => s.id === detail.journey.studyId) : undefined;
  const owners = useMemo(() => (detail ? ownersOf(detail, study) : {}), [detail, study]);
  const figures = useMemo(() => (detail ? summariseByOwner(detail.touchpoints, owners) : []), [detail, owners]);
  const shown = useMemo(() => {
    const owner = ownerOfFilter(filter);
    if (!detail || owner === undefined) return detail;
    return { ...detail, touchpoints: filterByOwner(detail.touchpoints, owners, owner) };
  }, [detail, owners, filter]);
  const script = study?.script;
  const report = useMemo(
    () => (detail && script?.length ? scriptReport(script, detail.journey, detail.journey.answers, detail.touchpoints) : null),
    [detail, script],
  );
  const frame: StudyFrame | undefined =
    detail && study
      ? {
          name: study.name,
          site: siteName(study, detail.journey.siteId),
          compareHref: script?.length ? studyHref(study.id) : null,
        }
      : undefined;
  return { filter, setFilter, figures, shown, report, frame };
}
