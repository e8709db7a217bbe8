import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../api/content-security-policy';
import { appPathSegments } from './app-url';

/** The subset of `node:path` used here, so tests can check Windows rules on any machine. */
type PathApi = Pick<typeof path, 'join' | 'resolve' | 'relative' | 'isAbsolute' | 'sep'>;

/**
 * The file under `rootDir` that an `app://standalone/…` request names, or null when the request is
 * not ours or would leave `rootDir`. The root of the origin serves `index.html`.
 */
export function resolveAppPath(
  rootDir: string,
  requestUrl: string,
  pathApi: PathApi = path,
): string | null {
  const segments = appPathSegments(requestUrl);
  if (segments === null) return null;
  const root = pathApi.resolve(rootDir);
  const file = pathApi.join(root, ...(segments.length === 0 ? ['index.html'] : segments));
  // Belt and braces: the segments were checked one by one, the joined result is checked again.
  const relative = pathApi.relative(root, file);
  if (relative === '' || pathApi.isAbsolute(relative)) return null;
  if (relative === '..' || relative.startsWith(`..${pathApi.sep}`)) return null;
  return file;
}

/** Headers of every app-protocol response: the CSP and no content sniffing, no caching. */
export function appResponseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}
