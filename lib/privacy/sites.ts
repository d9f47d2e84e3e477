/**
 * Site patterns for the allow and deny lists: `example.com` covers the site and its
 * subdomains, `*.example.com` only the subdomains, `127.0.0.1:8080` one host and port.
 * Users may paste a whole URL; only its host is kept.
 */
import { currentPrivacySettings, loadPrivacySettings, type PrivacySettings } from './settings';

/** A pattern as stored: lower case, no scheme, no path. Empty when nothing usable is left. */
export function normalizeSite(input: string): string {
  const trimmed = input.trim().toLowerCase();
  const withoutScheme = trimmed.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  return withoutScheme.split(/[/?#]/)[0] ?? '';
}

export function siteMatches(url: string, pattern: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const host = parsed.host.toLowerCase();
  const hostname = parsed.hostname.toLowerCase();
  const site = normalizeSite(pattern);
  if (!site) return false;
  if (site.startsWith('*.')) return hostname.endsWith(site.slice(1));
  if (site.includes(':')) return host === site;
  return hostname === site || hostname.endsWith(`.${site}`);
}

export const SITE_NOT_ALLOWED = 'Recording is turned off for this site in the privacy options.';

/** May Waymark record on this URL under these settings? */
export function siteAllowedBy(settings: PrivacySettings, url: string): boolean {
  if (settings.denySites.some((site) => siteMatches(url, site))) return false;
  if (settings.allowSites.length === 0) return true;
  return settings.allowSites.some((site) => siteMatches(url, site));
}

/** For the background, before a recording starts. */
export async function isSiteAllowed(url: string): Promise<boolean> {
  return siteAllowedBy(await loadPrivacySettings(), url);
}

/** For the content script, on every event (cached settings, no waiting). */
export function isSiteAllowedNow(url: string): boolean {
  return siteAllowedBy(currentPrivacySettings(), url);
}
