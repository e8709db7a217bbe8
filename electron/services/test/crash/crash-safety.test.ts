/**
 * Crash safety: the services process (electron/services/host.ts, as the app runs it, bundled into
 * one file as the app's build does, so a restart costs Node loading it and no more) is killed
 * with SIGKILL at random moments while it works through a stream of real operations; after each
 * restart the database must pass integrity_check, the audit chain must verify, and every
 * operation the process had acknowledged before the kill must be there.
 *
 * Each restart checks what happened since the previous one: the acknowledgements made since
 * (what was there once stays: every commit is synchronous), and the audit chain and the rows its
 * newer events wrote, from the point the previous restart found sound (the start itself ran
 * quick_check). The whole database (integrity_check, the full replay check) is checked once every
 * twentieth of the run and at the end, and the whole ledger at the end, so the time per kill stays
 * flat as the database grows. Progress is printed as the kills go.
 *
 * Every kind of write gets a fair share (see `drive`), and half the kills in the stream land after
 * a random number of acknowledgements rather than a random time, so the slow operations (a
 * restore, a bulk decision with its PIN check) are acknowledged however loaded the machine is.
 * The counts per kind are printed. A run of 25 kills or more goes on past its count (up to three
 * times it) until every kind has been acknowledged, and fails if one never was.
 *
 * Kills: STANDALONE_CRASH_KILLS, else 500 under `npm run test:soak` (scaled by
 * STANDALONE_SOAK_SCALE, see test/soak.ts), else 25. Seed: STANDALONE_CRASH_SEED (printed with
 * every failure, to repeat a run).
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyRecordsFrom } from '../../audit/replay-check';
import { inReadSnapshot } from '../../audit/verify';
import type { AuditVerifyReport } from '../../../api/domains/system';
import { databaseFileName } from '../../db/open';
import { startChildServices, type ChildServices } from '../child-services';
import { bundleServices } from '../services-bundle';
import { soakRuns } from '../soak';
import { tempDir } from '../temp-runtime';
import { demoAdmin, demoBiomed, demoCommander } from './case-operations';
import { drive, missingAcknowledged, prepareSession, ProcessGone, seededRandom } from './driver';
import {
  availableOperations,
  initialDriveState,
  operationKinds,
  type Acknowledged,
  type DriveState,
  type Operation,
  type OperationKind,
} from './operations';

// Not npm_lifecycle_event alone: scripts/soak.mjs starts vitest through npx, which sets its own.
const kills = Number(process.env.STANDALONE_CRASH_KILLS ?? soakRuns(25, 500));
/** Past `kills`, the run goes on until every kind of write was acknowledged, up to this many. */
const maxKills = kills >= 25 ? kills * 3 : kills;
const seed = Number(process.env.STANDALONE_CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));

/**
 * A kill lands this long after the stream of operations started (or after `ready`, in setup).
 * Long enough for the slow operations (a bulk decision's PIN check, a backup restored with the
 * sign-in after it) to be acknowledged in some rounds, not only cut short.
 */
const killWindowMs = { min: 20, max: 3000 };

interface Checked {
  integrity: string[];
  audit: { ok: boolean; eventCount: number; firstBad: unknown };
  missing: string[];
}

/** An event the checks found the chain sound up to, and its hash. */
type SoundPoint = { id: number; hash: string } | null;

/**
 * After a restart: the whole database through the services (`whole`), or only what changed since
 * the point the previous restart found sound, on a read-only connection of its own (as another
 * reader would); then the acknowledgements since the previous restart against the file.
 */
async function checkAfterRestart(
  child: ChildServices,
  file: string,
  check: { whole: boolean; from: SoundPoint },
  ledger: Acknowledged[],
  operations: Operation[],
  state: DriveState,
): Promise<Checked & { point: SoundPoint }> {
  let integrity: string[] = [];
  let whole: AuditVerifyReport | null = null;
  if (check.whole) {
    const db = await child.call('db.check', { full: true });
    const audit = await child.call('audit.verify', {});
    if (!db.ok || !audit.ok)
      throw new Error(`checks failed to run: ${JSON.stringify([db, audit])}`);
    integrity = (db.value as { problems: string[] }).problems;
    whole = audit.value as AuditVerifyReport;
  }
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const audit = whole ?? inReadSnapshot(db, () => verifyRecordsFrom(db, check.from));
    const through = audit.records?.throughEventId ?? 0;
    return {
      integrity,
      audit,
      missing: missingAcknowledged(db, ledger, operations, state),
      point: through > 0 && audit.lastHash ? { id: through, hash: audit.lastHash } : check.from,
    };
  } finally {
    db.close();
  }
}

/** The acknowledged operations by kind and by name, for the summary. */
function countsOf(ledger: Acknowledged[], operations: Operation[]) {
  const kindOf = new Map(operations.map((o) => [o.name, o.kind]));
  const byKind: Record<string, number> = Object.fromEntries(operationKinds.map((k) => [k, 0]));
  const byOperation: Record<string, number> = {};
  for (const { operation } of ledger) {
    const kind = kindOf.get(operation) ?? 'set-up';
    byKind[kind] = (byKind[kind] ?? 0) + 1;
    byOperation[operation] = (byOperation[operation] ?? 0) + 1;
  }
  return { byKind, byOperation };
}

/** Where a round's time goes: the restart, the checks after it, the set-up, the work till the kill. */
const phases = ['start', 'checks', 'set-up', 'work'] as const;
type Phase = (typeof phases)[number];

/**
 * Prints how far the kills are and how long each takes, every twentieth of the run (and after any
 * kill a minute or more after the last line, so a slow run still shows it is moving): the time
 * per kill of the latest stretch beside the first one shows whether it grows with the database,
 * and the split by phase of the stretch shows where it goes.
 */
function killProgress(kills: number, every: number) {
  const started = Date.now();
  let stretchStart = started;
  let printed = started;
  let first: number | undefined;
  let latest: number | undefined;
  let spent = new Map<Phase, number>();
  let phaseStart = started;
  let setUp = false;
  /** Kills in the stretch so far. */
  let done = 0;
  return {
    /** The phase of this round that ended now (each round: start, checks, set-up, work). */
    ended(phase: Phase): void {
      const now = Date.now();
      spent.set(phase, (spent.get(phase) ?? 0) + now - phaseStart);
      phaseStart = now;
    },
    /**
     * The first set-up that ran to its end (loading the demo, opening the incident: once in a
     * run, perhaps over several rounds a kill cut short) is not counted: the first stretch starts
     * after it, so that it compares with the later ones.
     */
    setUpOnce(): void {
      if (setUp) return;
      setUp = true;
      stretchStart = Date.now();
      spent = new Map();
      done = 0;
    },
    killed(round: number, acknowledged: number, byKind: () => Record<string, number>): void {
      const now = Date.now();
      done++;
      const end = round % every === 0 || round >= kills;
      if (!end && now - printed < 60_000) return;
      const perKill = (now - stretchStart) / done;
      const split = phases
        .map((p) => `${p} ${((spent.get(p) ?? 0) / done / 1000).toFixed(2)}`)
        .join(', ');
      if (end) {
        latest = perKill;
        if (setUp) first ??= latest;
        stretchStart = now;
        spent = new Map();
        done = 0;
      }
      printed = now;
      console.log(
        `crash safety: ${round}/${kills} kills, ${(perKill / 1000).toFixed(2)} s per kill ` +
          `${end ? 'lately' : 'in this stretch so far'} (${first === undefined ? '-' : (first / 1000).toFixed(2)} s at first; ${split}), ` +
          `${acknowledged} acknowledged, ${Math.round((now - started) / 1000)} s in all; ` +
          `by kind ${JSON.stringify(byKind())}`,
      );
    },
    summary(): string {
      const s = (ms: number | undefined) => (ms === undefined ? '-' : (ms / 1000).toFixed(2));
      return `time per kill ${s(first)} s in the first stretch, ${s(latest)} s in the last`;
    },
  };
}

describe('crash safety', () => {
  it(
    `survives ${kills} SIGKILLs or more at random moments with nothing acknowledged lost (seed ${seed})`,
    async () => {
      const { dir, cleanup } = tempDir('standalone-crash-');
      // One build for the whole run: a restart then costs Node loading one file, not tsx
      // compiling the sources again (seconds each on a loaded machine).
      const services = await bundleServices();
      const file = path.join(dir, databaseFileName);
      const random = seededRandom(seed);
      const operations = availableOperations();
      const personas = [
        { ...demoAdmin, role: 'admin' as const },
        { ...demoBiomed, role: 'biomed' as const },
        { ...demoCommander, role: 'incident_commander' as const },
      ];
      const state = { ...initialDriveState(), backupFolder: path.join(dir, 'backups') };
      const ledger: Acknowledged[] = [];
      const counter = { n: 1 };
      const refused: { operation: string; error: unknown }[] = [];
      let survived = 0;
      let killedDuringSetup = 0;
      /** The ledger up to here was found in the database after an earlier restart. */
      let checkedUpTo = 0;
      let soundPoint: SoundPoint = null;
      const shares = new Map<OperationKind, number>();
      /** The whole database is checked once every this many kills (and after the last). */
      const every = Math.max(1, Math.round(kills / 20));
      const progress = killProgress(kills, every);
      /** The kinds of write not acknowledged yet. */
      const kindsLeft = () => {
        const { byKind } = countsOf(ledger, operations);
        return operationKinds.filter(
          (k) => (byKind[k] ?? 0) === 0 && operations.some((o) => o.kind === k),
        );
      };
      try {
        for (let round = 0; ; round++) {
          const last = round >= maxKills || (round >= kills && kindsLeft().length === 0);
          const child = startChildServices({ dataDir: dir, entry: services.entry });
          const started = await child.started;
          progress.ended('start');
          expect(started, `restart ${round} (seed ${seed}): ${child.stderr()}`).toEqual({
            type: 'ready',
          });
          if (round > 0) {
            const unchecked = ledger.slice(checkedUpTo);
            const whole = round % every === 0 || last;
            const { point, ...checked } = await checkAfterRestart(
              child,
              file,
              { whole, from: soundPoint },
              unchecked,
              operations,
              state,
            );
            expect(checked, `after kill ${round} (seed ${seed})`).toEqual({
              integrity: [],
              audit: expect.objectContaining({ ok: true, firstBad: null }) as unknown,
              missing: [],
            });
            survived = round;
            checkedUpTo += unchecked.length;
            soundPoint = point;
            progress.ended('checks');
            progress.killed(round, ledger.length, () => countsOf(ledger, operations).byKind);
          }
          if (last) {
            await child.shutdown();
            break;
          }
          // Most kills land in the stream of operations; one in five during start-up and sign-in.
          // In the stream, half at a random time, half after a random number of acknowledgements.
          let timer: NodeJS.Timeout | undefined;
          const arm = (ms: number) => (timer = setTimeout(() => child.kill('SIGKILL'), ms));
          const duringSetup = random() < 0.2;
          const afterAcknowledgements = !duringSetup && random() < 0.5;
          const killAfter = 1 + Math.floor(random() * 8);
          if (duringSetup) arm(Math.floor(random() * killWindowMs.max));
          try {
            // Each round works as one person: the administrator, the biomed at a device, or the commander.
            const persona = personas[round % personas.length] ?? personas[0];
            await prepareSession(child, ledger, state, persona);
            progress.ended('set-up');
            progress.setUpOnce();
            if (!duringSetup && !afterAcknowledgements) {
              arm(killWindowMs.min + Math.floor(random() * (killWindowMs.max - killWindowMs.min)));
            }
            const outcome = await drive({
              child,
              operations: availableOperations(persona?.role),
              state,
              ledger,
              counter,
              random,
              shares,
              onAcknowledged(count) {
                if (afterAcknowledgements && count >= killAfter) child.kill('SIGKILL');
              },
            });
            refused.push(...outcome.refused);
          } catch (error) {
            if (!(error instanceof ProcessGone)) throw error;
            killedDuringSetup++;
            progress.ended('set-up');
          }
          const exit = await child.exited;
          clearTimeout(timer);
          progress.ended('work');
          expect(
            exit.signal,
            `round ${round}: the process ended by itself: ${child.stderr()}`,
          ).toBe('SIGKILL');
        }
        // Once more, the whole ledger against the final database.
        const final = new Database(file, { readonly: true, fileMustExist: true });
        try {
          expect(missingAcknowledged(final, ledger, operations, state)).toEqual([]);
        } finally {
          final.close();
        }
        // Control: the ledger check does notice an acknowledged operation that is gone.
        const created = ledger.find((a) => a.operation === 'create a device');
        if (created) {
          const db = new Database(file);
          try {
            db.prepare('DELETE FROM devices WHERE id = ?').run(
              (created.value as { id: number }).id,
            );
            expect(missingAcknowledged(db, ledger, operations, state)).toContainEqual(
              expect.stringMatching(/^create a device: device CRASH-\d+/),
            );
          } finally {
            db.close();
          }
        }
      } finally {
        services.cleanup();
        cleanup();
      }
      const { byKind, byOperation } = countsOf(ledger, operations);
      console.log(
        `crash safety: ${survived} kills survived (${killedDuringSetup} during start-up or sign-in), ` +
          `${ledger.length} acknowledged operations all present, seed ${seed}\n` +
          `  by kind: ${JSON.stringify(byKind)}\n  by operation: ${JSON.stringify(byOperation)}\n  ` +
          progress.summary(),
      );
      expect(survived).toBeGreaterThanOrEqual(kills);
      expect(refused, 'calls the services refused while alive').toEqual([]);
      // Every kind of write reached the database before a kill (the short run has 25 kills).
      if (kills >= 25) expect(kindsLeft(), `kinds never acknowledged (seed ${seed})`).toEqual([]);
    },
    // Generous: a restart, its checks and a stream of work, on a loaded machine.
    (maxKills + 1) * 300_000,
  );
});
