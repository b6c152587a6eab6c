/**
 * Dates, numbers and durations in the UI locale, made once per page and
 * handed to components as plain functions (components stay free of globals).
 */
export interface Formats {
  /** Date and time, e.g. `25 Nov 2026, 12:04`. */
  dateTime: (iso: string) => string;
  /** Time of day, e.g. `12:04`. */
  time: (iso: string) => string;
  /** A number with the locale's digits; `digits` fixes the decimals. */
  number: (value: number, digits?: number) => string;
  /** A span of time, e.g. `3 min` or `1.5 hr`. */
  duration: (ms: number) => string;
}

/** Formats for `locale` (e.g. `fa`, `zh-CN`), with `Intl`. */
export function createFormats(locale: string): Formats {
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short' });
  const numbers = new Map<number | undefined, Intl.NumberFormat>();
  const numberFormat = (digits?: number) => {
    let format = numbers.get(digits);
    if (!format) {
      format = new Intl.NumberFormat(
        locale,
        digits === undefined ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits },
      );
      numbers.set(digits, format);
    }
    return format;
  };
  const unit = (name: string, digits: number) =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short', maximumFractionDigits: digits });
  const [seconds, minutes, hours] = [unit('second', 0), unit('minute', 0), unit('hour', 1)];
  return {
    dateTime: (iso) => dateTime.format(new Date(iso)),
    time: (iso) => time.format(new Date(iso)),
    number: (value, digits) => numberFormat(digits).format(value),
    duration: (ms) =>
      ms < 60_000
        ? seconds.format(Math.round(ms / 1000))
        : ms < 3_600_000
          ? minutes.format(Math.round(ms / 60_000))
          : hours.format(ms / 3_600_000),
  };
}
