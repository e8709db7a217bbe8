import type Database from 'better-sqlite3';
import type { ApiError, Result } from '../../../api/result';
import type { ChildServices } from '../child-services';
import type { Acknowledged, DriveState, Operation } from './operations';

/** The demo facility's administrator (resources/demo/users.json; its PIN is public by design). */
export const demoAdmin = { staffId: 'DEMO-ADMIN', secret: '271828' } as const;

/** A small deterministic generator, so a failing run can be repeated with its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const gone = (r: Result<unknown>) =>
  !r.ok && r.error.code === 'internal' && /services process (exited|is gone)/.test(r.error.message);

/** Thrown when the process died in the middle: expected in the crash loop, a failure elsewhere. */
export class ProcessGone extends Error {}

async function call(child: ChildServices, method: string, input: unknown): Promise<unknown> {
  const r = await child.call(method, input);
  if (gone(r)) throw new ProcessGone(`${method}: the services process is gone`);
  if (!r.ok) throw new Error(`${method} failed: ${r.error.code}: ${r.error.message}`);
  return r.value;
}

/**
 * After a (re)start: load the demo facility unless an earlier run committed it, and sign the
 * demo administrator in (a restarted services process starts signed out). Both are audited
 * changes; an acknowledged demo load joins the ledger.
 */
export async function prepareSession(child: ChildServices, ledger: Acknowledged[]): Promise<void> {
  const info = (await call(child, 'app.info', {})) as { demoLoaded: boolean };
  if (!info.demoLoaded) {
    const value = await call(child, 'demo.load', {});
    ledger.push({ operation: 'load the demo', input: {}, value });
  }
  await call(child, 'session.signIn', demoAdmin);
}

export const demoLoadMissing = (db: Database.Database): string | null =>
  db.prepare("SELECT 1 FROM settings WHERE key = 'demo'").get() === undefined
    ? 'the demo facility'
    : null;

export interface DriveOptions {
  child: ChildServices;
  operations: Operation[];
  state: DriveState;
  ledger: Acknowledged[];
  /** The next call number (unique across the run); advanced as calls are made. */
  counter: { n: number };
  random: () => number;
  /** Calls in flight at once: more than one, so a kill can land with work queued. */
  inFlight?: number;
  /** Stop after this many calls (the offline test); without it, drive until the process dies. */
  maxCalls?: number;
}

export interface DriveOutcome {
  calls: number;
  acknowledged: number;
  /** Calls the services refused while alive: none are expected. */
  refused: { operation: string; error: ApiError }[];
}

/** Call random operations until the process dies (or maxCalls), recording every acknowledgement. */
export async function drive(options: DriveOptions): Promise<DriveOutcome> {
  const { child, operations, state, ledger, counter, random } = options;
  const outcome: DriveOutcome = { calls: 0, acknowledged: 0, refused: [] };
  let alive = true;
  void child.exited.then(() => (alive = false));
  const live = [...operations];
  const worker = async () => {
    while (alive && (options.maxCalls === undefined || outcome.calls < options.maxCalls)) {
      const op = live[Math.floor(random() * live.length)];
      if (!op) return;
      const n = counter.n++;
      const input = op.input(state, n);
      if (input === null) {
        // Nothing left for it to do (every fixture imported): drop it from this drive.
        live.splice(live.indexOf(op), 1);
        continue;
      }
      outcome.calls++;
      const r = await child.call(op.method, input);
      if (gone(r)) return;
      if (r.ok) {
        ledger.push({ operation: op.name, input, value: r.value });
        op.acknowledged?.(state, input, r.value);
        outcome.acknowledged++;
      } else {
        outcome.refused.push({ operation: op.name, error: r.error });
      }
    }
  };
  await Promise.all(Array.from({ length: options.inFlight ?? 3 }, worker));
  return outcome;
}

/** Every acknowledged operation that is not in the database, with what is missing. */
export function missingAcknowledged(
  db: Database.Database,
  ledger: Acknowledged[],
  operations: Operation[],
  state: DriveState,
): string[] {
  const byName = new Map(operations.map((o) => [o.name, o]));
  const missing: string[] = [];
  for (const ack of ledger) {
    const op = byName.get(ack.operation);
    const what =
      ack.operation === 'load the demo'
        ? demoLoadMissing(db)
        : op
          ? op.missing(db, ack, state)
          : `unknown operation ${ack.operation}`;
    if (what !== null) missing.push(`${ack.operation}: ${what}`);
  }
  return missing;
}
