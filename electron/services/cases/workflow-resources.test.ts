import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../core/log';
import { loadPlaybooks } from '../playbooks/load';
import { startServices } from '../runtime';
import { repoRoot, tempDir } from '../test/temp-runtime';
import { cleanupAfterEach } from '../test/cleanups';

const { folder, later } = cleanupAfterEach();

/** A resources folder like the shipped one, with the playbook template replaced by `template`. */
function resourcesWith(template: string): string {
  const dir = folder('standalone-resources-');
  for (const part of ['demo', 'radionuclides.json']) {
    fs.cpSync(path.join(repoRoot, 'resources', part), path.join(dir, part), { recursive: true });
  }
  fs.mkdirSync(path.join(dir, 'playbooks'));
  fs.writeFileSync(path.join(dir, 'playbooks', 'icsma-standalone-response.v1.json'), template);
  return dir;
}

/** The shipped template with the gate's first item renamed, which its schema refuses. */
function brokenTemplate(): unknown {
  const shipped = JSON.parse(
    fs.readFileSync(
      path.join(repoRoot, 'resources/playbooks/icsma-standalone-response.v1.json'),
      'utf8',
    ),
  ) as { sections: { id: string; items: { id: string }[] }[] };
  const gate = shipped.sections.find((s) => s.id === 'patient_safety_gate');
  if (gate?.items[0]) gate.items[0].id = 'patient_on_table';
  return shipped;
}

describe('the workflow resources at start-up', () => {
  it('refuses to start when a playbook template is invalid, naming the file', () => {
    const resourcesDir = resourcesWith(JSON.stringify(brokenTemplate()));
    const data = tempDir();
    later(data.cleanup);
    expect(() =>
      startServices({
        dataDir: data.dir,
        resourcesDir,
        log: createMemoryLogger(),
        backupScheduler: false,
      }),
    ).toThrow(/playbooks[\\/]icsma-standalone-response\.v1\.json: /);
  });

  it('names the file and the field when a template fails its schema, before any hash is asked', () => {
    const resourcesDir = resourcesWith(JSON.stringify(brokenTemplate()));
    expect(() => loadPlaybooks(path.join(resourcesDir, 'playbooks'))).toThrow(
      /icsma-standalone-response\.v1\.json: sections\[1\]\.items: the patient_safety_gate section needs an item "acquisition_running"/,
    );
  });
});
