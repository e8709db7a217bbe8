import type Database from 'better-sqlite3';
import path from 'node:path';
import { wordedError } from '../core/errors';
import { resourceProblem } from '../core/resource-integrity';
import { loadPlaybooks, type PlaybookLibrary } from '../playbooks/load';
import type { PlaybookTemplate, SectionId } from '../playbooks/schema';
import { getSetting } from '../settings/settings';
import { loadRadionuclideTable, type RadionuclideTable } from '../workflow/radionuclides';
import type { WorkflowState } from '../workflow/states';

/**
 * The shipped data the workflow needs: the playbook templates and the radionuclide table. Loaded
 * and validated once per resources folder (at start-up, see `loadWorkflowResources` in the runtime),
 * so an invalid template stops the app with the file and field at fault, never a case at the scanner.
 */

export interface WorkflowResources {
  playbooks: PlaybookLibrary;
  radionuclides: RadionuclideTable;
}

/** The template a new case uses (its latest version). */
export const defaultPlaybookId = 'icsma-standalone-response';

const loaded = new Map<string, WorkflowResources>();

export function loadWorkflowResources(resourcesDir: string): WorkflowResources {
  const known = loaded.get(resourcesDir);
  if (known) return known;
  const radionuclides = loadRadionuclideTable(path.join(resourcesDir, 'radionuclides.json'));
  const playbooks = loadPlaybooks(path.join(resourcesDir, 'playbooks'), {
    radionuclides: radionuclides.radionuclides.map((r) => r.radionuclide),
    checkFile: (file, bytes) => resourceProblem(resourcesDir, file, bytes),
  });
  if (!playbooks.latest(defaultPlaybookId)) {
    throw new Error(
      `${path.join(resourcesDir, 'playbooks')}: the playbook "${defaultPlaybookId}" that new cases use is missing.`,
    );
  }
  const resources = { playbooks, radionuclides };
  loaded.set(resourcesDir, resources);
  return resources;
}

export function templateFor(
  resources: WorkflowResources,
  id: string,
  version: number,
): PlaybookTemplate {
  const template = resources.playbooks.get(id, version);
  if (!template) {
    throw wordedError(
      'internal',
      'playbookVersionGone',
      { id, version },
      { folder: 'resources/playbooks' },
    );
  }
  return template;
}

export function latestTemplate(resources: WorkflowResources): PlaybookTemplate {
  const template = resources.playbooks.latest(defaultPlaybookId);
  if (!template) throw new Error(`The playbook "${defaultPlaybookId}" is missing.`);
  return template;
}

/** The facility's time zone (set with the facility), for times in messages; UTC when unset. */
export function facilityTimeZone(db: Database.Database): string | undefined {
  const facility = getSetting<{ timezone?: unknown }>(db, 'facility');
  return typeof facility?.timezone === 'string' && facility.timezone !== ''
    ? facility.timezone
    : undefined;
}

/**
 * The checklist of each phase: what the person at the device fills in now. The backup comes
 * again before any patch or re-image (PRODUCT.md), so it belongs to those phases too.
 */
export const phaseSections: Record<WorkflowState, readonly SectionId[]> = {
  at_risk: [],
  assessing: ['exposure_assessment', 'patient_safety_gate', 'backup'],
  deferred: ['patient_safety_gate'],
  protected_connected: ['backup'],
  standalone: ['standalone_operation', 'backup'],
  patching: ['patch_record'],
  verifying: ['verification'],
  reconnecting: ['reconnection'],
  returned_to_service: [],
  quarantined: ['evidence_preservation'],
  restoring: ['reimaging', 'backup'],
};
