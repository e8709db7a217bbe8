import type Database from 'better-sqlite3';
import {
  latestTemplate,
  loadWorkflowResources,
} from '../electron/services/cases/workflow-resources';
import { fixedClock } from '../electron/services/core/clock';
import { createMemoryLogger } from '../electron/services/core/log';
import { startServices, type Runtime } from '../electron/services/runtime';
import { signInAs } from '../electron/services/test/temp-runtime';
import { benchDir } from './harness';

export const benchOperator = { kind: 'operator', osUser: 'bench' } as const;

export interface BenchIncident {
  rt: Runtime;
  db: Database.Database;
  clock: ReturnType<typeof fixedClock>;
  incidentId: number;
  /** ICSMA-17-215-02, the demo facility's Windows 7 advisory, and its current revision. */
  advisoryId: number;
  revisionId: number;
  /** The demo commander, signed in. */
  commanderUserId: number;
  template: ReturnType<typeof latestTemplate>;
  /** Stops the services and removes the folder. */
  close(): void;
}

/** 17:00 on 3 August 2017, in an operational period from 07:00 to 19:00: where the board benches stand. */
export const dayShift = {
  at: '2017-08-03T17:00:00.000Z',
  period: { start: '2017-08-03T07:00:00.000Z', end: '2017-08-03T19:00:00.000Z' },
};

/**
 * The seeding every incident bench starts from: real services in a temporary folder at a fixed
 * time, the demo facility loaded, and an incident on ICSMA-17-215-02 opened by the demo incident
 * commander, who stays signed in.
 */
export async function startBenchIncident(
  name: string,
  at: string,
  operationalPeriod: { start: string; end: string },
): Promise<BenchIncident> {
  const { dir, cleanup } = benchDir();
  const clock = fixedClock(at);
  const rt = startServices({
    dataDir: dir,
    clock,
    log: createMemoryLogger(),
    backupScheduler: false,
    replayCheckAtStart: false,
  });
  const close = () => {
    rt.close();
    cleanup();
  };
  try {
    await rt.client(benchOperator).value('demo.load', {});
    const ic = await signInAs(rt, 'incident_commander');
    const { db } = rt.services;
    const advisory = db
      .prepare(
        `SELECT id, current_revision_id AS rev FROM advisories
          WHERE tracking_id = 'ICSMA-17-215-02' ORDER BY id LIMIT 1`,
      )
      .get() as { id: number; rev: number };
    const created = await rt.client().value('incidents.create', {
      name,
      commanderUserId: ic.id,
      operationalPeriod,
      advisoryIds: [advisory.id],
    });
    const template = latestTemplate(loadWorkflowResources(rt.services.resourcesDir));
    return {
      rt,
      db,
      clock,
      incidentId: created.incident.id,
      advisoryId: advisory.id,
      revisionId: advisory.rev,
      commanderUserId: ic.id,
      template,
      close,
    };
  } catch (error) {
    close();
    throw error;
  }
}
