import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeFor } from '../api/content-types';
import { appResponseHeaders, resolveAppPath } from './app-path';
import { CONTENT_SECURITY_POLICY } from '../api/content-security-policy';

const root = path.resolve('/srv/standalone/out/renderer');
const inRoot = (...parts: string[]) => path.join(root, ...parts);

describe('resolveAppPath: files the app protocol serves', () => {
  it.each([
    ['app://standalone/index.html', inRoot('index.html')],
    ['app://standalone/', inRoot('index.html')],
    ['app://standalone', inRoot('index.html')],
    ['app://standalone/assets/index-abc.js', inRoot('assets', 'index-abc.js')],
    ['app://standalone/assets/index-abc.js?v=1#top', inRoot('assets', 'index-abc.js')],
    ['app://standalone/fonts/Inter%20Regular.woff2', inRoot('fonts', 'Inter Regular.woff2')],
    ['app://STANDALONE/index.html', inRoot('index.html')],
    ['APP://standalone/index.html', inRoot('index.html')],
    // Dot segments are resolved by the URL parser first and so stay inside the root.
    ['app://standalone/assets/../index.html', inRoot('index.html')],
    ['app://standalone/../../etc/passwd', inRoot('etc', 'passwd')],
    ['app://standalone/%2e%2e/%2E%2E/secret', inRoot('secret')],
  ])('%s → inside the renderer folder', (url, expected) => {
    expect(resolveAppPath(root, url)).toBe(expected);
  });
});

describe('resolveAppPath: requests it refuses', () => {
  it.each([
    ['encoded slash climbing out', 'app://standalone/..%2f..%2fetc%2fpasswd'],
    ['encoded slash inside a name', 'app://standalone/assets%2findex.js'],
    ['encoded backslash climbing out', 'app://standalone/..%5c..%5csecret'],
    ['literal backslashes', 'app://standalone/a\\..\\..\\secret'],
    ['a Windows drive', 'app://standalone/C:/Windows/win.ini'],
    ['an NTFS stream', 'app://standalone/index.html::$DATA'],
    ['an encoded NUL', 'app://standalone/index.html%00.png'],
    ['a control character', 'app://standalone/a%0Ab'],
    ['a Windows device name', 'app://standalone/CON'],
    ['a Windows device name with extension', 'app://standalone/assets/nul.txt'],
    ['malformed percent-encoding', 'app://standalone/%E0%A4%A'],
    ['another host', 'app://evil/index.html'],
    ['a host that only starts like ours', 'app://standalone.evil/index.html'],
    ['a trailing-dot host', 'app://standalone./index.html'],
    ['an encoded host', 'app://%73tandalone/index.html'],
    ['a port', 'app://standalone:8080/index.html'],
    ['user info', 'app://user:pw@standalone/index.html'],
    ['no host', 'app:///index.html'],
    ['an opaque app URL', 'app:standalone/index.html'],
    ['another scheme', 'file:///srv/standalone/out/renderer/index.html'],
    ['https', 'https://standalone/index.html'],
    ['not a URL', 'index.html'],
  ])('%s: %s → null', (_label, url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });
});

describe('resolveAppPath with Windows paths', () => {
  const winRoot = 'C:\\Program Files\\Standalone\\resources\\app.asar\\out\\renderer';

  it('joins with backslashes inside the root', () => {
    expect(resolveAppPath(winRoot, 'app://standalone/assets/a.js', path.win32)).toBe(
      `${winRoot}\\assets\\a.js`,
    );
  });

  it.each([
    'app://standalone/..%5C..%5Cwin.ini',
    'app://standalone/C:%5CWindows%5Cwin.ini',
    'app://standalone/%5C%5Cserver%5Cshare',
    'app://standalone/COM1.js',
    'app://standalone/aux .txt',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(winRoot, url, path.win32)).toBeNull();
  });
});

describe('content type and headers', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.JS', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['logo.svg', 'image/svg+xml'],
    ['font.woff2', 'font/woff2'],
    ['unknown.bin', 'application/octet-stream'],
    ['no-extension', 'application/octet-stream'],
    ['/srv/out/renderer/assets/index-1a2b.css', 'text/css; charset=utf-8'],
    ['C:\\Standalone\\renderer\\INDEX.HTML', 'text/html; charset=utf-8'],
    ['dir.d/.hidden', 'application/octet-stream'],
  ])('%s is served as %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });

  it('sends the CSP of the page, with frame-ancestors, and no sniffing', () => {
    const headers = appResponseHeaders('text/html; charset=utf-8');
    expect(headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe');
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
  });
});
