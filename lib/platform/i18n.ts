import { browser } from 'wxt/browser';
import type { Translate } from '@/components/i18n';

/** `browser.i18n` as the `Translate` function components take. */
export const translate: Translate = (key, substitutions) => browser.i18n.getMessage(key, substitutions) || key;

/**
 * The writing direction of the messages being shown, for `dir` on the root.
 * Each locale states it (`textDirection`): Chrome's `@@bidi_dir` follows the
 * browser's own UI locale, which on Linux can be English while the extension
 * shows Persian.
 */
export function uiDirection(): 'rtl' | 'ltr' {
  return browser.i18n.getMessage('textDirection') === 'rtl' ? 'rtl' : 'ltr';
}

/** The UI locale for `Intl` formatting, e.g. `fa` or `zh-CN`. */
export function uiLocale(): string {
  return browser.i18n.getUILanguage();
}
