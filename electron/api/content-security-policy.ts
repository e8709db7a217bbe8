/**
 * The app's one Content-Security-Policy. The Electron app protocol and browser mode send it as a
 * header; the page carries it in a meta tag written in at build time (see the renderer build in
 * electron.vite.config.ts), so a copy can never drift from the others.
 */
const pageDirectives = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/** The policy as a response header: the page's directives plus `frame-ancestors`. */
export const CONTENT_SECURITY_POLICY = [...pageDirectives, "frame-ancestors 'none'"].join('; ');

/** Browsers ignore `frame-ancestors` in a meta tag (and log an error), so the page leaves it out. */
export function metaPolicyOf(headerPolicy: string): string {
  return headerPolicy
    .split(';')
    .map((directive) => directive.trim())
    .filter((directive) => directive !== '' && !directive.startsWith('frame-ancestors'))
    .join('; ');
}

/** What `renderer/index.html` holds where the build writes the policy in. */
export const CSP_PLACEHOLDER = '%CONTENT_SECURITY_POLICY%';

/** The page with the policy written into its meta tag; refuses a page without the placeholder. */
export function injectContentSecurityPolicy(html: string): string {
  if (!html.includes(CSP_PLACEHOLDER)) {
    throw new Error(`The page has no ${CSP_PLACEHOLDER} meta tag content to fill in.`);
  }
  return html.replaceAll(CSP_PLACEHOLDER, metaPolicyOf(CONTENT_SECURITY_POLICY));
}
