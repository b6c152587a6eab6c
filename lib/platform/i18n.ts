import { browser } from 'wxt/browser';
import type { Translate } from '@/components/i18n';

/** `browser.i18n` as the `Translate` function components take. */
export const translate: Translate = (key, substitutions) => browser.i18n.getMessage(key, substitutions) || key;

/** The UI language's writing direction, for `dir` on the root element. */
export function uiDirection(): 'rtl' | 'ltr' {
  return browser.i18n.getMessage('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
}

/** The UI locale for `Intl` formatting, e.g. `fa` or `zh-CN`. */
export function uiLocale(): string {
  return browser.i18n.getUILanguage();
}
