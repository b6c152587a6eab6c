import { useCallback, useEffect, useState } from 'preact/hooks';
import { EMPTY_FILTERS, type FilterValues } from '@/components/journeys/JourneyFilters';
import type { JourneySummary } from '@/lib/messages/protocol';
import { onUiNoticeSettled } from '@/lib/platform/notices';
import { pageDb } from '@/lib/platform/page-db';
import { type JourneyFilter, type PageCursor, queryJourneyPage } from '@/lib/store/journey-query';

/** Journeys per page of the list. */
export const PAGE_SIZE = 50;

/** The form's dates as an ISO range over whole local days. */
export function toJourneyFilter(values: FilterValues): JourneyFilter {
  const day = (value: string, end: boolean) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    const date = end ? new Date(y, m - 1, d, 23, 59, 59, 999) : new Date(y, m - 1, d);
    return Number.isNaN(date.getTime()) ? null : date.toISOString();
  };
  return {
    text: values.text,
    site: values.site,
    persona: values.persona,
    tag: values.tag,
    study: values.study,
    from: day(values.from, false),
    to: day(values.to, true),
  };
}

/**
 * One page of the filtered journey list, read from IndexedDB in the page (an
 * index cursor, never the whole table). `starts` holds where each page seen
 * so far began, for "Previous".
 */
export function useJourneyPage() {
  const [filters, setFilters] = useState<FilterValues>(EMPTY_FILTERS);
  const [starts, setStarts] = useState<(PageCursor | null)[]>([null]);
  const [items, setItems] = useState<JourneySummary[] | undefined>();
  const [next, setNext] = useState<PageCursor | null>(null);
  const [error, setError] = useState<string>();
  const start = starts[starts.length - 1] ?? null;

  const refresh = useCallback(async () => {
    try {
      const page = await queryJourneyPage(await pageDb(), toJourneyFilter(filters), start, PAGE_SIZE);
      setItems(page.items);
      setNext(page.next);
      setError(undefined);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setItems([]);
    }
  }, [filters, start]);

  useEffect(() => {
    void refresh();
    return onUiNoticeSettled(() => void refresh(), 500);
  }, [refresh]);

  return {
    filters,
    items,
    error,
    page: starts.length,
    first: (starts.length - 1) * PAGE_SIZE + 1,
    hasPrevious: starts.length > 1,
    hasNext: next !== null,
    refresh,
    applyFilters: (values: FilterValues) => {
      setFilters(values);
      setStarts([null]);
    },
    nextPage: () => next && setStarts([...starts, next]),
    previousPage: () => starts.length > 1 && setStarts(starts.slice(0, -1)),
  };
}
