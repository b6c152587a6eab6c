import type { NamedEmotion } from '../lib/model/vocabulary';
import type { MessageKey, Translate } from './i18n';

/** Locale keys of the channels Waymark offers; a team's own channel shows as written. */
const CHANNEL_KEYS: Record<string, MessageKey> = {
  'web-desktop': 'channelWebDesktop',
  'web-mobile': 'channelWebMobile',
  app: 'channelApp',
  email: 'channelEmail',
  chat: 'channelChat',
  phone: 'channelPhone',
  store: 'channelStore',
  social: 'channelSocial',
};

/** Locale key of each named emotion. */
export const FEELING_KEYS: Record<NamedEmotion, MessageKey> = {
  frustrated: 'feelingFrustrated',
  confused: 'feelingConfused',
  anxious: 'feelingAnxious',
  neutral: 'feelingNeutral',
  reassured: 'feelingReassured',
  pleased: 'feelingPleased',
  delighted: 'feelingDelighted',
};

/** A channel's name in the UI language; an unknown id as written. */
export function channelLabel(t: Translate, channel: string): string {
  const key = CHANNEL_KEYS[channel];
  return key ? t(key) : channel;
}
