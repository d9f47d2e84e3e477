/**
 * The user's privacy settings, kept in `storage.local` so the content script, the background
 * and the options page all read the same thing. Reads are cached and kept fresh by a storage
 * watcher: the content script asks on every event and must never wait for storage.
 */
import { storage } from 'wxt/utils/storage';

/** Kinds of visible page text blurred in screenshots (issue 5). */
export const SENSITIVE_CATEGORIES = ['email', 'card', 'phone', 'iban', 'ip'] as const;
export type SensitiveCategory = (typeof SENSITIVE_CATEGORIES)[number];

/** An element the user asked never to record, on one site. */
export interface MarkedElement {
  site: string;
  selector: string;
}

export interface PrivacySettings {
  /** Which kinds of visible text are blurred; all on by default. */
  categories: Record<SensitiveCategory, boolean>;
  /** Sites where Waymark never records. */
  denySites: string[];
  /** When not empty, the only sites where Waymark may record. */
  allowSites: string[];
  markedElements: MarkedElement[];
}

export const DEFAULT_SETTINGS: PrivacySettings = {
  categories: { email: true, card: true, phone: true, iban: true, ip: true },
  denySites: [],
  allowSites: [],
  markedElements: [],
};

const item = storage.defineItem<PrivacySettings>('local:privacy', { fallback: DEFAULT_SETTINGS });

/** Fills in fields missing from settings saved by an older version. */
function complete(saved: Partial<PrivacySettings> | null | undefined): PrivacySettings {
  return {
    ...DEFAULT_SETTINGS,
    ...saved,
    categories: { ...DEFAULT_SETTINGS.categories, ...saved?.categories },
  };
}

let cached: PrivacySettings | undefined;
let loading: Promise<void> | undefined;

/** The settings, read once and then kept up to date by a storage watcher. */
export async function loadPrivacySettings(): Promise<PrivacySettings> {
  loading ??= item.getValue().then((saved) => {
    item.watch((next) => (cached = complete(next)));
    cached ??= complete(saved);
  });
  await loading;
  return cached!;
}

/**
 * The settings now, without waiting: the defaults (everything blurred) until the first
 * read completes, which this call starts.
 */
export function currentPrivacySettings(): PrivacySettings {
  if (!cached) void loadPrivacySettings().catch(() => undefined);
  return cached ?? DEFAULT_SETTINGS;
}

export async function savePrivacySettings(change: (current: PrivacySettings) => PrivacySettings): Promise<PrivacySettings> {
  const next = change(complete(await item.getValue()));
  await item.setValue(next);
  cached = next;
  return next;
}

/** Calls back with the settings now and after every change; returns the unsubscribe. */
export function watchPrivacySettings(callback: (settings: PrivacySettings) => void): () => void {
  void item.getValue().then((saved) => callback(complete(saved)));
  return item.watch((next) => callback(complete(next)));
}
