import { useState } from 'preact/hooks';
import { KNOWN_TAGS } from '../../lib/model/vocabulary';
import { tagLabel } from '../findings/labels';
import { useT } from '../i18n';

/** The filter form's values, as typed (dates as `yyyy-mm-dd`, empty when not set). */
export interface FilterValues {
  text: string;
  site: string;
  persona: string;
  tag: string;
  /** A study's id; empty for every study. */
  study: string;
  from: string;
  to: string;
}

export const EMPTY_FILTERS: FilterValues = { text: '', site: '', persona: '', tag: '', study: '', from: '', to: '' };

export interface JourneyFiltersProps {
  values: FilterValues;
  onApply: (values: FilterValues) => void;
  /** The studies to filter by (id and name as shown); no study filter when absent. */
  studies?: readonly { id: string; name: string }[];
}

/** Search and filters above the journey list; applied on submit (Enter) so typing does not re-query. */
export function JourneyFilters({ values, onApply, studies }: JourneyFiltersProps) {
  const t = useT();
  const [draft, setDraft] = useState(values);
  const field = (name: keyof FilterValues, label: string, type = 'text', dir?: 'auto' | 'ltr') => (
    <label class="wm-field" data-filter={name}>
      <span>{label}</span>
      <input
        name={name}
        type={type}
        value={draft[name]}
        dir={dir}
        list={name === 'tag' ? 'wm-known-tags' : undefined}
        onInput={(e) => setDraft({ ...draft, [name]: e.currentTarget.value })}
      />
    </label>
  );
  return (
    <form
      class="wm-filters"
      aria-label={t('filtersHeading')}
      onSubmit={(event) => {
        event.preventDefault();
        onApply(draft);
      }}
    >
      <div class="wm-filter-search">{field('text', t('filtersSearch'), 'search', 'auto')}</div>
      {field('site', t('mapSite'), 'text', 'auto')}
      {field('persona', t('mapPersona'), 'text', 'auto')}
      {field('tag', t('editorTags'), 'text', 'auto')}
      <datalist id="wm-known-tags">
        {KNOWN_TAGS.map((tag) => (
          <option key={tag} value={tag}>
            {tagLabel(t, tag)}
          </option>
        ))}
      </datalist>
      {studies && studies.length > 1 && (
        <label class="wm-field" data-filter="study">
          <span>{t('studyFilterLabel')}</span>
          <select
            name="study"
            value={draft.study}
            onChange={(e) => {
              // A choice from a list applies at once, like the page's other selects.
              const next = { ...draft, study: e.currentTarget.value };
              setDraft(next);
              onApply(next);
            }}
          >
            <option value="">{t('studyFilterAll')}</option>
            {studies.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {field('from', t('filtersFrom'), 'date')}
      {field('to', t('filtersTo'), 'date')}
      <div class="wm-filter-actions">
        <button type="submit" class="wm-button wm-primary" data-action="apply-filters">
          {t('filtersApply')}
        </button>
        <button
          type="button"
          class="wm-button"
          data-action="clear-filters"
          onClick={() => {
            setDraft(EMPTY_FILTERS);
            onApply(EMPTY_FILTERS);
          }}
        >
          {t('filtersClear')}
        </button>
      </div>
    </form>
  );
}

export interface PagerProps {
  /** 1-based page number. */
  page: number;
  /** How many journeys the page shows, and the number of the first. */
  first: number;
  count: number;
  hasPrevious: boolean;
  hasNext: boolean;
  formatNumber: (value: number) => string;
  onPrevious: () => void;
  onNext: () => void;
}

/** Previous / next under the journey list, with what is shown. */
export function Pager(props: PagerProps) {
  const t = useT();
  const n = props.formatNumber;
  return (
    <nav class="wm-pager" aria-label={t('pagerLabel')}>
      <button
        type="button"
        class="wm-button"
        data-action="previous-page"
        disabled={!props.hasPrevious}
        onClick={props.onPrevious}
      >
        {t('pagerPrevious')}
      </button>
      <span role="status">
        {props.count === 0
          ? t('pagerNone')
          : t('pagerShowing', [n(props.first), n(props.first + props.count - 1), n(props.page)])}
      </span>
      <button type="button" class="wm-button" data-action="next-page" disabled={!props.hasNext} onClick={props.onNext}>
        {t('pagerNext')}
      </button>
    </nav>
  );
}
