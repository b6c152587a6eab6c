/**
 * Masking of personal data in text captured from pages. Runs on every piece
 * of page text before it leaves the page, so it is deliberately eager: a
 * masked price is a small loss, a leaked card number is not.
 *
 * Digits are matched as `\p{Nd}` rather than `\d`, so numbers written in
 * Arabic-Indic or Persian digits (۰۹۱۲ ۳۴۵ ۶۷۸۹) are masked too, and digit
 * runs are bounded by look-arounds because `\b` only knows ASCII digits.
 */

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
/**
 * A whole run of 13 or more digits, optionally grouped by single spaces or
 * dashes; the card numbers are looked for inside it (see `maskCardsIn`).
 */
const CARD_RUN = /(?<![\p{Nd}\w])\p{Nd}(?:[ -]?\p{Nd}){12,}(?![\p{Nd}\w])/gu;
/**
 * A date (2026-11-25, 25.11.2026), captured so it is kept, or else a phone
 * number. Dates come first because without them `2026-11-25 10:00` and
 * `25.11.2026` read as phones. Phones are international (+...), grouped
 * national numbers, or one run of 10-12 digits starting with 0
 * (`09121234567`). Later groups take up to 8 digits, as in `+49 30 1234567`
 * or `030 12345678`, and a number never starts in the middle of a dashed or
 * dotted chain, so an ISBN (978-3-16-148410-0) is not one.
 */
const PHONE_OR_DATE = new RegExp(
  [
    String.raw`(\p{Nd}{4}-\p{Nd}{2}-\p{Nd}{2}|\p{Nd}{1,2}\.\p{Nd}{1,2}\.\p{Nd}{2,4})(?![.-]?\p{Nd})`,
    String.raw`(?<![\p{Nd}\w]|\p{Nd}[.-])(?:\+\p{Nd}{1,3}[\s.-]?(?:\p{Nd}[\s.-])?)?(?:\(\p{Nd}{1,4}\)[\s.-]?)?\p{Nd}{2,5}(?:[\s.-]\p{Nd}{2,8}){1,4}(?![\p{Nd}\w])`,
    String.raw`\+\p{Nd}{7,15}(?![\p{Nd}\w])`,
    String.raw`(?<![\p{Nd}\w])[0\u0660\u06F0]\p{Nd}{9,11}(?![\p{Nd}\w])`,
  ].join('|'),
  'gu',
);
/** A currency sign just before, or decimals or a currency sign just after: an amount (`12.345.678,90 €`). */
const AMOUNT_BEFORE = /\p{Sc}\s?$/u;
const AMOUNT_AFTER = /^(?:[.,]\p{Nd}{2}(?!\p{Nd})|\s?\p{Sc})/u;

/** Zeros of the digit scripts whose values Luhn needs: Latin, Arabic-Indic, Persian, full-width. */
const ZEROS = [0x30, 0x660, 0x6f0, 0xff10];

/** The value of one decimal digit character, or NaN. */
function digitValue(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  const zero = ZEROS.find((z) => code >= z && code <= z + 9);
  return zero === undefined ? Number.NaN : code - zero;
}

/** `jane.doe@example.com` -> `j***@***.com` */
export function maskEmail(email: string): string {
  const at = email.indexOf('@');
  const tld = email.slice(email.lastIndexOf('.') + 1);
  return `${email.slice(0, Math.min(1, at))}***@***.${tld}`;
}

/** Luhn checksum, to tell card numbers from other long digit runs. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digitValue(digits.charAt(digits.length - 1 - i));
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** `4242 4242 4242 4242` -> `**** **** **** 4242` */
export function maskCardNumber(digits: string): string {
  return `**** **** **** ${digits.slice(-4)}`;
}

/** Every digit but the last two becomes `*`; separators stay. */
export function maskPhone(phone: string): string {
  const total = phone.replace(/\P{Nd}/gu, '').length;
  let seen = 0;
  return phone.replace(/\p{Nd}/gu, (d) => (++seen > total - 2 ? d : '*'));
}

/**
 * Masks the Luhn-valid card numbers (13-19 digits) in a run of digit groups.
 * The run can hold more than a card (a CVV after it, a quantity before it,
 * two cards in a row), and the whole run then fails Luhn, so windows that
 * start and end on group edges are tried, leftmost first, longest first.
 * A card starts with a group of 4 or more digits (4-4-4-4, 4-6-5, or no
 * grouping): with that many windows, short groups such as sizes or page
 * numbers (`36 37 38 ...`) would otherwise often pass Luhn by chance.
 */
function maskCardsIn(run: string): string {
  const separators = [...run.matchAll(/[ -]/g)].map((m) => m.index);
  const starts = [0, ...separators.map((i) => i + 1)].filter((i) => /^\p{Nd}{4}/u.test(run.slice(i)));
  const ends = [...separators, run.length].reverse();
  let out = '';
  let done = 0;
  for (const start of starts) {
    if (start < done) continue;
    for (const end of ends) {
      const digits = run.slice(start, end).replace(/[ -]/g, '');
      if (end <= start || digits.length < 13 || digits.length > 19 || !passesLuhn(digits)) continue;
      out += run.slice(done, start) + maskCardNumber(digits);
      done = end;
      break;
    }
  }
  return out + run.slice(done);
}

/**
 * Masks emails, payment card numbers (Luhn-valid runs of 13-19 digits) and
 * phone numbers (7 or more digits) in `text`. Dates and amounts next to a
 * currency sign are kept.
 */
export function maskSensitiveText(text: string): string {
  return text
    .replace(EMAIL, (match) => maskEmail(match))
    .replace(CARD_RUN, (match) => maskCardsIn(match))
    .replace(PHONE_OR_DATE, (match: string, date: string | undefined, offset: number, whole: string) => {
      if (date) return match;
      const end = offset + match.length;
      if (AMOUNT_BEFORE.test(whole.slice(0, offset)) || AMOUNT_AFTER.test(whole.slice(end))) return match;
      const digits = match.replace(/\P{Nd}/gu, '').length;
      return digits >= 7 ? maskPhone(match) : match;
    });
}
