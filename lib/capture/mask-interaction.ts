import { InteractionDraft, type RawInteraction } from '../model/interaction';
import { maskSensitiveText } from './mask-text';
import { sanitizeUrl } from './sanitize-url';

/** Masks first, then cuts: a card number cut in half no longer looks like one. */
const masked = (text: string, limit: number) => maskSensitiveText(text.replace(/\s+/g, ' ').trim()).slice(0, limit).trim();

/**
 * Turns what the recorder saw in a page into a draft fit to store: the URL
 * without secrets or tracking parameters, every text masked (emails, card
 * and phone numbers) and cut to the stored limits. `null` when it still does
 * not fit the schema (e.g. a URL that is not one): the record is dropped.
 */
export function maskInteraction(raw: RawInteraction): InteractionDraft | null {
  const draft = {
    ...raw,
    url: sanitizeUrl(raw.url),
    pageTitle: masked(raw.pageTitle, 1_000),
    label: masked(raw.label, 500),
    anchor: raw.anchor && {
      ...raw.anchor,
      selector: raw.anchor.selector.slice(0, 2_000),
      xpath: raw.anchor.xpath.slice(0, 2_000),
      quote: {
        exact: masked(raw.anchor.quote.exact, 300),
        prefix: masked(raw.anchor.quote.prefix, 32),
        suffix: masked(raw.anchor.quote.suffix, 32),
      },
      name: masked(raw.anchor.name, 120),
    },
  };
  const parsed = InteractionDraft.safeParse(draft);
  return parsed.success ? parsed.data : null;
}
