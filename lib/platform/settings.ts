import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { Author } from '../model/common';

/** Waymark's settings as stored (version 2: capture privacy added). */
export const Settings = z.object({
  /** The researcher's name or team member id, written into every record. */
  author: Author.catch(''),
  /** Sites (host names, covering their subdomains) where Waymark never captures. */
  neverCapture: z.array(z.string().max(253)).max(1_000).catch([]),
  /** Whether capture works in private (incognito) windows; off unless the researcher allows it. */
  captureInIncognito: z.boolean().catch(false),
});
export type Settings = z.infer<typeof Settings>;

const DEFAULTS: Settings = { author: '', neverCapture: [], captureInIncognito: false };

/** Kept in `storage.local`, versioned so later fields migrate. */
const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULTS,
  version: 2,
  migrations: {
    // Version 1 had only the author; capture is allowed everywhere but in private windows.
    2: (old: Partial<Settings>) => ({ ...DEFAULTS, ...old }),
  },
});

/** The settings, with anything malformed replaced by defaults. */
export async function getSettings(): Promise<Settings> {
  const parsed = Settings.safeParse(await settingsItem.getValue());
  return parsed.success ? parsed.data : DEFAULTS;
}

/** Saves the fields given, keeping the others as they are. */
export async function saveSettings(changes: Partial<Settings>): Promise<void> {
  await settingsItem.setValue(Settings.parse({ ...(await getSettings()), ...changes }));
}
