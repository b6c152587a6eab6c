import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { Author } from '../model/common';

/** Waymark's settings as stored (version 1). */
export const Settings = z.object({
  /** The researcher's name or team member id, written into every record. */
  author: Author.catch(''),
});
export type Settings = z.infer<typeof Settings>;

const DEFAULTS: Settings = { author: '' };

/** Kept in `storage.local`, versioned so later fields migrate. */
const settingsItem = storage.defineItem<Settings>('local:settings', { fallback: DEFAULTS, version: 1 });

/** The settings, with anything malformed replaced by defaults. */
export async function getSettings(): Promise<Settings> {
  const parsed = Settings.safeParse(await settingsItem.getValue());
  return parsed.success ? parsed.data : DEFAULTS;
}

export async function saveSettings(settings: Settings): Promise<void> {
  await settingsItem.setValue(Settings.parse(settings));
}
