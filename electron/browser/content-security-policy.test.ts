/**
 * One policy, three places: the page's meta tag (written in at build time), the Electron app
 * protocol's header and browser mode's header. Each is read where it is produced and compared.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  injectContentSecurityPolicy,
  metaPolicyOf,
} from '../api/content-security-policy';
import { appResponseHeaders } from '../main/app-path';
import { startBrowserServer } from './server';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const temps: string[] = [];

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'standalone-csp-'));
  temps.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** The policy of the page's meta tag, as the renderer build writes it. */
function pagePolicy(): string {
  const built = injectContentSecurityPolicy(
    fs.readFileSync(path.join(repoRoot, 'renderer/index.html'), 'utf8'),
  );
  const tag = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(built);
  if (!tag?.[1]) throw new Error('renderer/index.html has no Content-Security-Policy meta tag');
  return tag[1];
}

describe('the Content-Security-Policy', () => {
  it('is the same for the page, the Electron app protocol and browser mode', async () => {
    const electronHeader = appResponseHeaders('text/html')['Content-Security-Policy'];

    const rendererDir = tempDir();
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
    const server = await startBrowserServer({ dataDir: tempDir(), rendererDir });
    let browserHeader: string | null;
    try {
      browserHeader = (await fetch(server.url)).headers.get('content-security-policy');
    } finally {
      await server.close();
    }

    expect(electronHeader).toBe(CONTENT_SECURITY_POLICY);
    expect(browserHeader).toBe(electronHeader);
    // frame-ancestors only works as a header; the meta tag holds every other directive.
    expect(pagePolicy()).toBe(metaPolicyOf(electronHeader ?? ''));
    expect(electronHeader).toContain("frame-ancestors 'none'");
    expect(pagePolicy()).not.toContain('frame-ancestors');
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe');
  });

  it('refuses to build a page without the placeholder, rather than ship it without a policy', () => {
    expect(() => injectContentSecurityPolicy('<html><head></head></html>')).toThrow(
      /%CONTENT_SECURITY_POLICY%/,
    );
  });
});
