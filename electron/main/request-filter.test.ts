import { describe, expect, it } from 'vitest';
import { isAllowedRequest } from './request-filter';

describe('isAllowedRequest: the offline guarantee at the session', () => {
  it.each([
    'app://standalone/index.html',
    'app://standalone/',
    'app://standalone/assets/index-abc.js',
    'APP://standalone/assets/index-abc.js',
    'app://Standalone/index.html',
    // The URL parser resolves the dot segment: this names app://standalone/ itself.
    'app://standalone/../',
  ])('lets %s through', (url) => {
    expect(isAllowedRequest(url)).toBe(true);
  });

  it.each([
    ['http', 'http://example.org/'],
    ['https', 'https://example.org/'],
    ['uppercase HTTPS', 'HTTPS://EXAMPLE.ORG/'],
    ['loopback http', 'http://127.0.0.1:3000/api'],
    ['ws', 'ws://example.org/socket'],
    ['wss', 'wss://example.org/socket'],
    ['file', 'file:///etc/passwd'],
    ['uppercase FILE', 'FILE:///C:/Windows/win.ini'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['blob', 'blob:app://standalone/2b1f5e9a-1c1d-4d7e-9c43-0a7f5d0c1e11'],
    ['ftp', 'ftp://example.org/file'],
    ['javascript', 'javascript:alert(1)'],
    ['uppercase JAVASCRIPT', 'JAVASCRIPT:alert(1)'],
    ['another app host', 'app://other-host/index.html'],
    ['a look-alike app host', 'app://standalone.example.org/index.html'],
    ['an app URL with a port', 'app://standalone:443/index.html'],
    ['an app URL with user info', 'app://attacker@standalone/index.html'],
    ['an encoded traversal', 'app://standalone/..%2f..%2fetc%2fpasswd'],
    ['devtools (not allowed unless asked)', 'devtools://devtools/bundled/inspector.html'],
    ['chrome', 'chrome://settings'],
    ['chrome-extension', 'chrome-extension://abc/page.html'],
    ['about:blank', 'about:blank'],
    ['empty', ''],
    ['garbage', 'not a url'],
  ])('blocks %s', (_label, url) => {
    expect(isAllowedRequest(url)).toBe(false);
  });

  it('lets DevTools load only when development builds ask for it', () => {
    const devtools = 'devtools://devtools/bundled/devtools_app.html';
    expect(isAllowedRequest(devtools, { allowDevTools: true })).toBe(true);
    expect(isAllowedRequest(devtools, { allowDevTools: false })).toBe(false);
    // Allowing DevTools opens nothing else.
    expect(isAllowedRequest('https://example.org/', { allowDevTools: true })).toBe(false);
    expect(isAllowedRequest('not a url', { allowDevTools: true })).toBe(false);
  });
});
