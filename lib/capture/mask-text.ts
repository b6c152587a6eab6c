/**
 * Masking of personal data in text captured from pages. Runs on every piece
 * of page text before it leaves the page, so it is deliberately eager: a
 * masked price is a small loss, a leaked card number is not.
 */

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(\p{L}{2,})/gu;
/** 13 to 19 digits, optionally grouped by single spaces or dashes. */
const CARD = /\b\d(?:[ -]?\d){12,18}\b/g;
/** International (+...) or grouped national numbers; ISO dates are skipped below. */
const PHONE = /(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]\d{2,4}){1,4}\b|\+\d{7,15}\b/g;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

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
    let d = Number(digits[digits.length - 1 - i]);
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
  const total = phone.replace(/\D/g, '').length;
  let seen = 0;
  return phone.replace(/\d/g, (d) => (++seen > total - 2 ? d : '*'));
}

/**
 * Masks emails, payment card numbers (Luhn-valid runs of 13-19 digits) and
 * phone numbers (7 or more digits) in `text`.
 */
export function maskSensitiveText(text: string): string {
  return text
    .replace(EMAIL, (match) => maskEmail(match))
    .replace(CARD, (match) => {
      const digits = match.replace(/\D/g, '');
      return passesLuhn(digits) ? maskCardNumber(digits) : match;
    })
    .replace(PHONE, (match) => {
      if (ISO_DATE.test(match)) return match;
      const digits = match.replace(/\D/g, '').length;
      return digits >= 7 ? maskPhone(match) : match;
    });
}
