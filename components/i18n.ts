import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Emotion } from '../lib/model/scales';
import type en from '../public/_locales/en/messages.json';

/** Every message key the UI may ask for; English is the reference locale. */
export type MessageKey = keyof typeof en;

/** Looks a message up by key, with `$1`-style substitutions. */
export type Translate = (key: MessageKey, substitutions?: string | string[]) => string;

/** Pages provide `browser.i18n`; the default (keys as text) keeps tests honest. */
export const I18nContext = createContext<Translate>((key) => key);

/** The translate function of the surrounding page. */
export function useT(): Translate {
  return useContext(I18nContext);
}

/** The label key of each emotion value. */
export const EMOTION_LABEL: Record<Emotion, MessageKey> = {
  [-2]: 'emotionMinus2',
  [-1]: 'emotionMinus1',
  0: 'emotion0',
  1: 'emotionPlus1',
  2: 'emotionPlus2',
};
