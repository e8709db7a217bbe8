import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: root });

/** Lint a snippet as if it were a file in the given folder; return the restricted imports found. */
async function restrictedImports(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message.split("'")[1] ?? m.message);
}

const cases: { file: string; allowed: string[]; refused: string[] }[] = [
  {
    file: 'electron/api/probe.ts',
    allowed: ['zod'],
    refused: ['../services/core/errors', 'node:fs', 'os', 'electron', 'better-sqlite3', 'react'],
  },
  {
    file: 'electron/services/probe/probe.ts',
    allowed: ['../../api/methods', 'node:fs', 'better-sqlite3'],
    refused: [
      'electron',
      '../../main/window',
      '../../../renderer/src/App',
      '../../browser/server',
      'react',
    ],
  },
  {
    file: 'electron/cli/commands/probe.ts',
    allowed: ['../../services/runtime', '../../api/client', '../../api/methods', 'node:fs'],
    refused: [
      '../../services/pdf/verify',
      '../../services/core/errors',
      '../../services/dispatcher',
      '../../services/cases/case-store',
      'electron',
      '../../main/window',
      '../../../renderer/src/App',
    ],
  },
  {
    file: 'electron/services/demo/probe.ts',
    allowed: ['../../api/client', '../../api/methods', '../core/errors', './walkthrough-answers'],
    refused: [
      '../dispatcher',
      '../runtime',
      '../incidents/incident-store',
      '../settings/settings',
      'electron',
      '../../cli/index',
    ],
  },
  {
    file: 'electron/main/probe.ts',
    allowed: ['electron', '../api/methods', '../services/host-protocol', 'node:path'],
    refused: ['../services/db/open', 'better-sqlite3', '../../renderer/src/App'],
  },
  {
    file: 'electron/preload/probe.ts',
    allowed: ['electron', '../api/methods'],
    refused: ['node:fs', '../services/runtime', '../main/relay'],
  },
  {
    file: 'renderer/src/probe.ts',
    allowed: ['react', '../../electron/api/methods'],
    refused: [
      'electron',
      'node:fs',
      'fs',
      'better-sqlite3',
      '../../electron/services/runtime',
      '../../electron/main/index',
    ],
  },
];

describe('import boundaries between the folders', () => {
  it.each(cases)('$file', async ({ file, allowed, refused }) => {
    const code = [...allowed, ...refused]
      .map((m, i) => `import * as m${i} from '${m}';\nvoid m${i};`)
      .join('\n');
    const found = await restrictedImports(file, code);
    expect(found.sort()).toEqual([...refused].sort());
  });
});
