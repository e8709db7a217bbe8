import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAllowedRequest } from './request-filter';

/**
 * What the table in request-filter.test.ts shows by example, for every URL fast-check can make:
 * nothing that leaves the app's own origin is ever let through, whatever its scheme, case, host,
 * port, user info, path, query or fragment.
 */
const outsideSchemes = ['http', 'https', 'ws', 'wss', 'file', 'ftp'] as const;

/** Random upper/lower case, as a page or an attacker may write a scheme. */
const anyCase = (text: string) =>
  fc
    .array(fc.boolean(), { minLength: text.length, maxLength: text.length })
    .map((upper) => [...text].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join(''));

describe('isAllowedRequest: properties', () => {
  it('never lets an http, https, ws, wss, file or ftp URL through', () => {
    const url = fc
      .tuple(
        fc.constantFrom(...outsideSchemes).chain(anyCase),
        fc.webUrl({ withQueryParameters: true, withFragments: true }),
      )
      .map(([scheme, web]) => web.replace(/^[a-z]+:/, `${scheme}:`));
    fc.assert(
      fc.property(url, fc.boolean(), (u, devTools) => {
        expect(isAllowedRequest(u, { allowDevTools: devTools })).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('never lets a loopback or app-looking host on an outside scheme through', () => {
    const host = fc.constantFrom('127.0.0.1', 'localhost', '[::1]', 'standalone', 'app', '0.0.0.0');
    fc.assert(
      fc.property(
        fc.constantFrom(...outsideSchemes).chain(anyCase),
        host,
        fc.option(fc.integer({ min: 1, max: 65535 })),
        fc.webPath(),
        (scheme, h, port, p) => {
          expect(isAllowedRequest(`${scheme}://${h}${port ? `:${port}` : ''}${p}`)).toBe(false);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('lets a string through only if it parses to app://standalone with no port or user info', () => {
    const candidates = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.webPath().map((p) => `app://standalone${p}`),
      fc
        .tuple(fc.webAuthority({ withPort: true, withUserInfo: true }), fc.webPath())
        .map(([a, p]) => `app://${a}${p}`),
      fc.string({ maxLength: 40 }).map((s) => `app://standalone/${s}`),
    );
    fc.assert(
      fc.property(candidates, (u) => {
        if (!isAllowedRequest(u)) return;
        const parsed = new URL(u);
        expect(parsed.protocol).toBe('app:');
        expect(parsed.hostname.toLowerCase()).toBe('standalone');
        expect([parsed.port, parsed.username, parsed.password]).toEqual(['', '', '']);
      }),
      { numRuns: 3000 },
    );
  });
});
