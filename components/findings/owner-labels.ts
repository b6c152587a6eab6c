import type { Ownership } from '../../lib/study/types';
import type { MessageKey, Translate } from '../i18n';

/** Locale keys of the four touchpoint owners (Lemon & Verhoef). */
const OWNER_KEYS: Record<Ownership, MessageKey> = {
  brand: 'ownerBrand',
  partner: 'ownerPartner',
  customer: 'ownerCustomer',
  external: 'ownerExternal',
};

/** An owner's name in the UI language: "Brand-owned", "Social/external"... */
export function ownerLabel(t: Translate, owner: Ownership): string {
  return t(OWNER_KEYS[owner]);
}

/** A touchpoint's owner as the UI shows it: the one set by the researcher, else the suggestion. */
export interface OwnerView {
  /** The owner the researcher set; `null` when they left it to the suggestion. */
  stored: Ownership | null;
  /** The owner suggested from the page's domain; `null` when the domain says nothing certain. */
  suggestion: Ownership | null;
}

/** The owner that counts (`stored`, else the suggestion) and whether it is only suggested. */
export function shownOwner(view: OwnerView): { owner: Ownership; suggested: boolean } | null {
  if (view.stored !== null) return { owner: view.stored, suggested: false };
  return view.suggestion === null ? null : { owner: view.suggestion, suggested: true };
}
