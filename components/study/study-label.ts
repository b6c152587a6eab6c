import type { Study } from '../../lib/model/study';
import { DEFAULT_STUDY_ID } from '../../lib/model/vocabulary';
import type { Translate } from '../i18n';

/** The name stored in the default study until someone renames it. */
const DEFAULT_NAME = 'Default study';

/** A study's name for the UI: the default study's untouched English name in the UI language. */
export function studyLabel(t: Translate, study: Pick<Study, 'id' | 'name'>): string {
  return study.id === DEFAULT_STUDY_ID && study.name === DEFAULT_NAME ? t('studyDefaultName') : study.name;
}

/** The name of a study's site for the UI: `brand` (the brand's name) or a competitor's id. */
export function siteLabel(t: Translate, study: Pick<Study, 'brand' | 'competitors'>, siteId: string): string {
  if (siteId === 'brand') return study.brand.name.trim() || t('studyBrandFallback');
  return study.competitors.find((c) => c.id === siteId)?.name.trim() || siteId;
}
