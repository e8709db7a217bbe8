import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../index';
import { loadDemoWithSigningIdentity } from '../../services/signing/test/test-identity';
import { pdfsig } from '../../services/pdf/independent-tools';
import { cliStation } from '../../services/test/run-cli';
import { writeTampered } from '../../services/pdf/test/tampered';

// Key generation and scrypt (credentials, the signing key) take seconds on a busy machine.
const slowSetup = 180_000;

const t = cliStation('pdf', loadDemoWithSigningIdentity, slowSetup);

/** The same entry point in this process (no start-up cost): for the refusals. */
async function cliInProcess(
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = vi
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk) => out.push(String(chunk)) > 0);
  const stderr = vi
    .spyOn(process.stderr, 'write')
    .mockImplementation((chunk) => err.push(String(chunk)) > 0);
  const saved = process.env.STANDALONE_SIGNING_PASSPHRASE;
  delete process.env.STANDALONE_SIGNING_PASSPHRASE;
  try {
    const code = await runCli(['--data-dir', t.data.dir, ...args]);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
    if (saved !== undefined) process.env.STANDALONE_SIGNING_PASSPHRASE = saved;
  }
}

// Each spawned CLI pays Node's and tsx's start-up: generous limits for a loaded machine.
const slow = { timeout: 300_000 };

describe('standalone export blank and verify-pdf', () => {
  const template = 'icsma-standalone-response';
  const exported = () => path.join(t.work.dir, 'blank.pdf');

  it('exports a signed blank checklist that verify-pdf accepts (exit 0)', slow, () => {
    const r = t.cli(
      'export',
      'blank',
      '--template',
      template,
      '--out',
      exported(),
      '--passphrase-file',
      t.passFile,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`blank checklist ${template} version 1`);
    expect(pdfsig(exported()).signatureLine).toBe('Signature is Valid.');
    const json = t.cli('--json', 'verify-pdf', exported());
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      valid: true,
      problems: [],
      document: { kind: 'checklist.blank' },
    });
  });

  it('exits 1 naming the digest mismatch when one byte of the PDF changed', slow, () => {
    const tampered = writeTampered(exported(), path.join(t.work.dir, 'tampered.pdf'));
    const r = t.cli('verify-pdf', tampered);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^INVALID: /);
    expect(r.stdout).toContain('[digest_mismatch]');
  });

  it('exits 2 for a file that is not a PDF', slow, () => {
    const r = t.cli('verify-pdf', t.passFile);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not a PDF');
  });

  it('reports a valid file in words, and exits 2 for a missing file or none', async () => {
    const human = await cliInProcess('verify-pdf', exported());
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^VALID: /);
    expect(human.stdout).toContain('current signing identity');
    expect(human.stdout).toContain('no audit reference (a blank form)');
    expect((await cliInProcess('verify-pdf', path.join(t.work.dir, 'nope.pdf'))).code).toBe(2);
    expect((await cliInProcess('verify-pdf')).code).toBe(2);
  });

  it('refuses to export without the passphrase, with a wrong one, or for an unknown template (exit 2)', async () => {
    const out = path.join(t.work.dir, 'refused.pdf');
    const none = await cliInProcess('export', 'blank', '--template', template, '--out', out);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--passphrase-file');
    const wrongFile = path.join(t.work.dir, 'wrong.txt');
    fs.writeFileSync(wrongFile, 'not the passphrase at all');
    const wrong = await cliInProcess(
      'export',
      'blank',
      '--template',
      template,
      '--out',
      out,
      '--passphrase-file',
      wrongFile,
    );
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('passphrase is not correct');
    const unknown = await cliInProcess(
      'export',
      'blank',
      '--template',
      'no-such',
      '--out',
      out,
      '--passphrase-file',
      t.passFile,
    );
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(`Known: ${template} v1.`);
    expect(fs.existsSync(out)).toBe(false);
  });
});
