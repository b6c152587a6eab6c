import * as z from 'zod/mini';
import { Author, list, text } from '../model/common';
import { localItem } from './local-item';

/** Waymark's settings as stored (version 2: capture privacy added). */
export const Settings = z.object({
  /** The researcher's name or team member id, written into every record. */
  author: z.catch(Author, ''),
  /** Sites (host names, covering their subdomains) where Waymark never captures. */
  neverCapture: z.catch(list(text(253), 1_000), []),
  /** Whether capture works in private (incognito) windows; off unless the researcher allows it. */
  captureInIncognito: z.catch(z.boolean(), false),
});
export type Settings = z.infer<typeof Settings>;

const DEFAULTS: Settings = { author: '', neverCapture: [], captureInIncognito: false };

/**
 * Kept in `storage.local` under `settings`. Version 1 held only the author:
 * its value still parses (the fields added since fall back to their defaults).
 */
const settingsItem = localItem('settings', (stored): Settings => {
  const parsed = Settings.safeParse(stored ?? DEFAULTS);
  return parsed.success ? parsed.data : DEFAULTS;
});

/** The settings, with anything malformed replaced by defaults. */
export function getSettings(): Promise<Settings> {
  return settingsItem.get();
}

/** Saves the fields given, keeping the others as they are. */
export async function saveSettings(changes: Partial<Settings>): Promise<void> {
  await settingsItem.set(Settings.parse({ ...(await getSettings()), ...changes }));
}
