import { useT } from '../i18n';
import { newSiteDraft, type SiteDraft } from './study-draft';

export interface SiteFieldsProps {
  site: SiteDraft;
  /** Names the fields for tests and the screen reader, e.g. `competitor-2`. */
  name: string;
  onChange: (site: SiteDraft) => void;
}

/** A site's name and domains (one per line or separated by commas). */
export function SiteFields({ site, name, onChange }: SiteFieldsProps) {
  const t = useT();
  return (
    <div class="wm-site-fields">
      <label class="wm-field">
        <span>{t('studySiteName')}</span>
        <input
          name={`${name}-name`}
          value={site.name}
          maxLength={200}
          dir="auto"
          onInput={(e) => onChange({ ...site, name: e.currentTarget.value })}
        />
      </label>
      <label class="wm-field">
        <span>{t('studyDomains')}</span>
        <textarea
          name={`${name}-domains`}
          rows={2}
          value={site.domains}
          dir="ltr"
          placeholder="shop.example"
          onInput={(e) => onChange({ ...site, domains: e.currentTarget.value })}
        />
      </label>
    </div>
  );
}

export interface SiteRowsProps {
  legend: string;
  addLabel: string;
  /** `competitor` or `partner`: prefixes the field names. */
  kind: string;
  sites: SiteDraft[];
  onChange: (sites: SiteDraft[]) => void;
}

/** Competitors or partners: rows of name and domains, added and removed. */
export function SiteRows({ legend, addLabel, kind, sites, onChange }: SiteRowsProps) {
  const t = useT();
  return (
    <fieldset class="wm-study-group" data-group={kind}>
      <legend>{legend}</legend>
      {sites.map((site, i) => (
        <div class="wm-study-row" key={site.id} data-row={kind}>
          <SiteFields
            site={site}
            name={`${kind}-${i + 1}`}
            onChange={(changed) => onChange(sites.map((s) => (s.id === site.id ? changed : s)))}
          />
          <button
            type="button"
            class="wm-button wm-quiet"
            data-action={`remove-${kind}`}
            aria-label={`${t('studyRemove')}: ${site.name || legend}`}
            onClick={() => onChange(sites.filter((s) => s.id !== site.id))}
          >
            {t('studyRemove')}
          </button>
        </div>
      ))}
      <button type="button" class="wm-button" data-action={`add-${kind}`} onClick={() => onChange([...sites, newSiteDraft()])}>
        {addLabel}
      </button>
    </fieldset>
  );
}
