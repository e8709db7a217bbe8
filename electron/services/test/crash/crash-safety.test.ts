/**
 * Crash safety: the services process (electron/services/host.ts, as the app runs it) is killed
 * with SIGKILL at random moments while it works through a stream of real operations; after each
 * restart the database must pass integrity_check, the audit chain must verify, and every
 * operation the process had acknowledged before the kill must be there.
 *
 * Each restart checks the acknowledgements made since the previous one (what was there once
 * stays: every commit is synchronous), so the time per kill stays flat as the database grows;
 * the whole ledger is checked once more at the end. Progress is printed as the kills go.
 *
 * Kills: STANDALONE_CRASH_KILLS, else 500 under `npm run test:soak`, else 25. Seed:
 * STANDALONE_CRASH_SEED (printed with every failure, to repeat a run).
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseFileName } from '../../db/open';
import { startChildServices, type ChildServices } from '../child-services';
import { tempDir } from '../temp-runtime';
import { demoAdmin, demoBiomed, demoCommander } from './case-operations';
import { drive, missingAcknowledged, prepareSession, ProcessGone, seededRandom } from './driver';
import {
  availableOperations,
  initialDriveState,
  type Acknowledged,
  type DriveState,
  type Operation,
} from './operations';

const soak = process.env.npm_lifecycle_event === 'test:soak';
const kills = Number(process.env.STANDALONE_CRASH_KILLS ?? (soak ? 500 : 25));
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

async function checkAfterRestart(
  child: ChildServices,
  file: string,
  ledger: Acknowledged[],
  operations: Operation[],
  state: DriveState,
): Promise<Checked> {
  const check = await child.call('db.check', { full: true });
  const audit = await child.call('audit.verify', {});
  if (!check.ok || !audit.ok)
    throw new Error(`checks failed to run: ${JSON.stringify([check, audit])}`);
  // A second, read-only connection (as another reader would): the ledger against the file.
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return {
      integrity: (check.value as { problems: string[] }).problems,
      audit: audit.value as Checked['audit'],
      missing: missingAcknowledged(db, ledger, operations, state),
    };
  } finally {
    db.close();
  }
}

/**
 * Prints how far the kills are and how long each takes, every twentieth of the run: the time per
 * kill of the latest stretch beside the first one shows whether it grows with the database.
 */
function killProgress(kills: number) {
  const every = Math.max(1, Math.round(kills / 20));
  const started = Date.now();
  let stretchStart = started;
  let first: number | undefined;
  let latest: number | undefined;
  return {
    killed(round: number, acknowledged: number): void {
      if (round % every !== 0 && round !== kills) return;
      const now = Date.now();
      const done = round % every === 0 ? every : round % every;
      latest = (now - stretchStart) / done;
      first ??= latest;
      stretchStart = now;
      console.log(
        `crash safety: ${round}/${kills} kills, ${(latest / 1000).toFixed(1)} s per kill lately ` +
          `(${(first / 1000).toFixed(1)} s at first), ${acknowledged} acknowledged, ` +
          `${Math.round((now - started) / 1000)} s in all`,
      );
    },
    summary(): string {
      const s = (ms: number | undefined) => (ms === undefined ? '-' : (ms / 1000).toFixed(1));
      return `time per kill ${s(first)} s in the first stretch, ${s(latest)} s in the last`;
    },
  };
}

describe('crash safety', () => {
  it(
    `survives ${kills} SIGKILLs at random moments with nothing acknowledged lost (seed ${seed})`,
    async () => {
      const { dir, cleanup } = tempDir('standalone-crash-');
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
      const progress = killProgress(kills);
      try {
        for (let round = 0; round <= kills; round++) {
          const child = startChildServices({ dataDir: dir });
          const started = await child.started;
          expect(started, `restart ${round} (seed ${seed}): ${child.stderr()}`).toEqual({
            type: 'ready',
          });
          if (round > 0) {
            const unchecked = ledger.slice(checkedUpTo);
            const checked = await checkAfterRestart(child, file, unchecked, operations, state);
            expect(checked, `after kill ${round} (seed ${seed})`).toEqual({
              integrity: [],
              audit: expect.objectContaining({ ok: true, firstBad: null }) as unknown,
              missing: [],
            });
            survived = round;
            checkedUpTo += unchecked.length;
            progress.killed(round, ledger.length);
          }
          if (round === kills) {
            await child.shutdown();
            break;
          }
          // Most kills land in the stream of operations; one in five during start-up and sign-in.
          let timer: NodeJS.Timeout | undefined;
          const arm = (ms: number) => (timer = setTimeout(() => child.kill('SIGKILL'), ms));
          const duringSetup = random() < 0.2;
          if (duringSetup) arm(Math.floor(random() * killWindowMs.max));
          try {
            // Each round works as one person: the administrator, the biomed at a device, or the commander.
            const persona = personas[round % personas.length] ?? personas[0];
            await prepareSession(child, ledger, state, persona);
            if (!duringSetup) {
              arm(killWindowMs.min + Math.floor(random() * (killWindowMs.max - killWindowMs.min)));
            }
            const outcome = await drive({
              child,
              operations: availableOperations(persona?.role),
              state,
              ledger,
              counter,
              random,
            });
            refused.push(...outcome.refused);
          } catch (error) {
            if (!(error instanceof ProcessGone)) throw error;
            killedDuringSetup++;
          }
          const exit = await child.exited;
          clearTimeout(timer);
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
        cleanup();
      }
      const byOperation = Object.fromEntries(
        [...new Set(ledger.map((a) => a.operation))].map((name) => [
          name,
          ledger.filter((a) => a.operation === name).length,
        ]),
      );
      console.log(
        `crash safety: ${survived} kills survived (${killedDuringSetup} during start-up or sign-in), ` +
          `${ledger.length} acknowledged operations all present, seed ${seed}: ${JSON.stringify(byOperation)}; ` +
          progress.summary(),
      );
      expect(survived).toBe(kills);
      expect(refused, 'calls the services refused while alive').toEqual([]);
      // The stream reached every operation in the table (with this many kills, each ran).
      expect(Object.keys(byOperation).length).toBeGreaterThanOrEqual(
        Math.min(operations.length, 4),
      );
    },
    // Each restart loads the services' modules afresh (seconds each): allow for it.
    (kills + 1) * 120_000,
  );
});
