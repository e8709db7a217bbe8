/**
 * Electronegativity (the pinned dev dependency) over electron/ and renderer/ together: the test
 * fails on any finding that is not documented as reviewed, with its reason, in
 * electron/main/electronegativity-reviewed.json — and on a reviewed entry that no longer matches
 * a finding, so the list stays true.
 *
 * Offline: the tool fetches translations (S3) and Electron's release list (GitHub) on every run,
 * whatever its options. It runs here with the network guard preloaded, which refuses those
 * requests before they leave the machine; the tool carries on with its bundled English texts and
 * the Electron version given with -e.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injectContentSecurityPolicy } from '../electron/api/content-security-policy';

const root = path.resolve(import.meta.dirname, '..');
const tool = path.join(root, 'node_modules/@doyensec/electronegativity/dist/index.js');
const guard = path.join(root, 'electron/services/test/offline/network-guard.ts');
const reviewedFile = path.join(root, 'electron/main/electronegativity-reviewed.json');
const electronVersion = '45.5.0';

interface Finding {
  check: string;
  file: string;
  line: number;
  message: string;
}

interface Reviewed {
  check: string;
  file: string;
  reason: string;
}

interface Scan {
  findings: Finding[];
  /** Network calls the tool tried (all refused by the guard). */
  attempts: { api: string; target: string }[];
}

interface Sarif {
  runs: {
    results: {
      ruleId: string;
      message?: { text?: string };
      locations?: {
        physicalLocation?: { artifactLocation?: { uri?: string }; region?: { startLine?: number } };
      }[];
    }[];
  }[];
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'standalone-electronegativity-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** Copy the sources to scan (not build output or dependencies), keeping their repository paths. */
function copySources(from: string, to: string): void {
  fs.cpSync(from, to, {
    recursive: true,
    filter: (src) => !/[\\/](node_modules|out|dist)([\\/]|$)/.test(path.relative(root, src)),
  });
}

function scan(input: string, name: string): Promise<Scan> {
  const output = path.join(work, `${name}.sarif`);
  const networkLog = path.join(work, `${name}.network.jsonl`);
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--import',
        guard,
        tool,
        '-i',
        input,
        '-r',
        '-e',
        electronVersion,
        '-o',
        output,
      ],
      {
        cwd: root,
        // en-US: the tool's bundled texts (it would otherwise try to fetch the system locale's).
        env: { ...process.env, LANG: 'en-US', STANDALONE_NETWORK_LOG: networkLog },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', () => {
      // It always exits 0: the SARIF file is the result.
      if (!fs.existsSync(output)) {
        reject(new Error(`Electronegativity wrote no report: ${stderr}`));
        return;
      }
      const sarif = JSON.parse(fs.readFileSync(output, 'utf8')) as Sarif;
      const findings = (sarif.runs[0]?.results ?? []).map((r): Finding => {
        const location = r.locations?.[0]?.physicalLocation;
        const uri = location?.artifactLocation?.uri ?? '';
        return {
          check: r.ruleId,
          // Global checks name no file ("file:///").
          file: uri.startsWith('file:') ? '(global)' : uri,
          line: location?.region?.startLine ?? 0,
          message: r.message?.text ?? '',
        };
      });
      const attempts = fs.existsSync(networkLog)
        ? fs
            .readFileSync(networkLog, 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((l) => JSON.parse(l) as { kind: string; api: string; target: string })
            .filter((r) => r.kind === 'attempt')
        : [];
      resolve({ findings, attempts });
    });
  });
}

const reviewed = (JSON.parse(fs.readFileSync(reviewedFile, 'utf8')) as { reviewed: Reviewed[] })
  .reviewed;

const isReviewed = (f: Finding) => reviewed.some((r) => r.check === f.check && r.file === f.file);

let app: Scan;
let control: Scan;

beforeAll(async () => {
  const appInput = path.join(work, 'app');
  copySources(path.join(root, 'electron'), path.join(appInput, 'electron'));
  copySources(path.join(root, 'renderer'), path.join(appInput, 'renderer'));
  // The page as the build writes it: with the policy in its meta tag, not the placeholder.
  const page = path.join(appInput, 'renderer', 'index.html');
  fs.writeFileSync(page, injectContentSecurityPolicy(fs.readFileSync(page, 'utf8')));
  // The control: a window as it must never be written; proves the scan and the review can fail.
  const controlInput = path.join(work, 'control');
  fs.mkdirSync(path.join(controlInput, 'electron/main'), { recursive: true });
  fs.writeFileSync(
    path.join(controlInput, 'electron/main/window.ts'),
    "import { BrowserWindow } from 'electron';\n" +
      'export const w = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });\n',
  );
  [app, control] = await Promise.all([scan(appInput, 'app'), scan(controlInput, 'control')]);
}, 300_000);

describe('Electronegativity over electron/ and renderer/', () => {
  it('finds nothing that is not reviewed, and every review still matches a finding', () => {
    const unreviewed = app.findings.filter((f) => !isReviewed(f));
    expect(
      unreviewed.map((f) => `${f.check} ${f.file}:${f.line} — ${f.message}`),
      'review each finding: fix it, or add it with its reason to electron/main/electronegativity-reviewed.json',
    ).toEqual([]);
    const stale = reviewed.filter(
      (r) => !app.findings.some((f) => f.check === r.check && f.file === r.file),
    );
    expect(stale, 'reviewed entries that match no finding any more: remove them').toEqual([]);
    expect(app.findings.length).toBe(reviewed.length);
  });

  it('has a real reason for every reviewed finding', () => {
    for (const r of reviewed) expect(r.reason.length, `${r.check} ${r.file}`).toBeGreaterThan(80);
  });

  it('control: an unsafe window is found and fails the review', () => {
    const checks = control.findings.map((f) => f.check);
    expect(checks).toEqual(
      expect.arrayContaining([
        'NODE_INTEGRATION_JS_CHECK',
        'CONTEXT_ISOLATION_JS_CHECK',
        'SANDBOX_JS_CHECK',
      ]),
    );
    expect(control.findings.filter((f) => !isReviewed(f)).length).toBeGreaterThanOrEqual(3);
  });

  it('runs without the network: its phone-home requests were refused, nothing else was tried', () => {
    for (const attempt of [...app.attempts, ...control.attempts]) {
      expect(attempt.target).toMatch(
        /^https:\/\/(electronegativity-i18n\.s3\.us-west-2\.amazonaws\.com|raw\.githubusercontent\.com\/electron\/releases)\//,
      );
    }
  });
});
