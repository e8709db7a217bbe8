import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWorkflowResources } from '../cases/workflow-resources';
import { loadPdfFonts } from '../pdf/fonts';
import { resourceHashes } from './resource-hashes.generated';
import { cleanupAfterEach } from '../test/cleanups';

const shipped = path.resolve('resources');
const { folder } = cleanupAfterEach();

/** A copy of the shipped resources folder, to change a file in. */
function copyOfResources(): string {
  const dir = folder('standalone-resources-');
  fs.cpSync(shipped, dir, { recursive: true });
  return dir;
}

const playbook = 'playbooks/icsma-standalone-response.v1.json';

describe('playbooks and fonts are the files the app was built with', () => {
  it('the built-in list holds every shipped playbook and font with its SHA-256', () => {
    const onDisk: Record<string, string> = {};
    for (const [folder, extensions] of [
      ['playbooks', ['.json']],
      ['fonts', ['.ttf', '.woff']],
    ] as const) {
      for (const name of fs
        .readdirSync(path.join(shipped, folder))
        .filter((n) => extensions.some((e) => n.endsWith(e)))) {
        const bytes = fs.readFileSync(path.join(shipped, folder, name));
        onDisk[`${folder}/${name}`] = crypto.createHash('sha256').update(bytes).digest('hex');
      }
    }
    // When this fails after a deliberate change: node scripts/resource-hashes.mjs
    expect(resourceHashes).toEqual(onDisk);
  });

  it('loads the files as shipped', () => {
    const dir = copyOfResources();
    expect(loadWorkflowResources(dir).playbooks.templates.length).toBeGreaterThan(0);
    const fonts = loadPdfFonts(dir);
    expect(fonts.regular.main.bytes.length).toBeGreaterThan(0);
    expect(fonts.regular.fallback().bytes.length).toBeGreaterThan(0);
  });

  it('refuses a changed playbook, naming the file', () => {
    const dir = copyOfResources();
    const file = path.join(dir, playbook);
    // Still a valid template, one space longer: only the hash tells.
    fs.appendFileSync(file, ' ');
    expect(() => loadWorkflowResources(dir)).toThrow(
      new RegExp(
        `${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: its SHA-256 is [0-9a-f]{64}, not ${resourceHashes[playbook]}`,
      ),
    );
  });

  it('refuses a playbook the app does not ship', () => {
    const dir = copyOfResources();
    const extra = path.join(dir, 'playbooks', 'extra.v1.json');
    fs.copyFileSync(path.join(dir, playbook), extra);
    expect(() => loadWorkflowResources(dir)).toThrow(
      `${extra}: is not one of the files this version of Standalone ships`,
    );
  });

  it('refuses a changed font', () => {
    const dir = copyOfResources();
    const file = path.join(dir, 'fonts', 'DejaVuSans.ttf');
    const bytes = fs.readFileSync(file);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 0x01, bytes.length - 1);
    fs.writeFileSync(file, bytes);
    expect(() => loadPdfFonts(dir)).toThrow(`${file}: its SHA-256 is`);
  });

  it('refuses a changed CJK fallback font when a name first needs it', () => {
    const dir = copyOfResources();
    const file = path.join(dir, 'fonts', 'NotoSansSC-Regular.woff');
    fs.appendFileSync(file, Buffer.from([0]));
    const fonts = loadPdfFonts(dir);
    expect(() => fonts.regular.fallback()).toThrow(`${file}: its SHA-256 is`);
  });
});
