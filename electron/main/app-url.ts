/**
 * The app's own origin. Every page and asset is served from `app://standalone/…` by the guarded
 * protocol handler; nothing else is ever loaded. Pure (no Electron) so that tests can import it.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'standalone';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

// Windows opens a device, not a file, for these names (with any extension): never read them.
// Windows also ignores trailing spaces before the extension ("CON .txt").
const windowsDeviceName = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])\s*(\..*)?$/i;
// Separators, and the drive/stream colon (`C:`, `file::$DATA`), once decoded.
const separatorOrColon = /[/\\:]/;

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/**
 * The decoded path segments of a URL on the app's origin, or null when the URL is not ours or its
 * path could escape the served folder. The URL is parsed, never matched by substring: scheme and
 * host are compared exactly (host case-insensitively), and no port or user info is allowed.
 */
export function appPathSegments(requestUrl: string): string[] | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:`) return null;
  // Node parses `app:` as a non-special scheme and keeps the host's case; Chromium lowercases it.
  if (url.hostname.toLowerCase() !== APP_HOST) return null;
  if (url.port !== '' || url.username !== '' || url.password !== '') return null;

  const segments: string[] = [];
  // The URL parser has already resolved literal and %2e dot segments; what is left encoded
  // (%2f, %5c, %00, "..%2f..") is checked after decoding, segment by segment.
  for (const raw of url.pathname.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '.' || segment === '..') return null;
    if (separatorOrColon.test(segment) || hasControlCharacter(segment)) return null;
    if (windowsDeviceName.test(segment)) return null;
    segments.push(segment);
  }
  return segments;
}

/** True when the URL is on the app's own origin with a safe path. */
export function isAppUrl(url: string | null | undefined): boolean {
  return typeof url === 'string' && appPathSegments(url) !== null;
}
