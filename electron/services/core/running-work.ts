import type { RunningWorkKind } from '../../api/domains/backup';
import type { TermKey } from '../../api/error-words';
import type { Services } from './context';
import { wordedError } from './errors';

/**
 * Work that outlives the call that started it (a batch PDF export, an automatic backup) reads
 * `services.db` across awaits. A step that replaces the database (a restore) must not happen
 * under it: the step first refuses new work, asks what runs to stop (or lets it finish), waits
 * for all of it, and only then replaces anything.
 */
export interface RunningWork {
  kind: RunningWorkKind;
  /** For the log and messages: "batch PDF export". */
  what: string;
  /** Ask it to stop at its next safe point; absent when it can only run to its end. */
  stop?(reason: string): void;
  /** Settles when it has stopped touching the database. */
  finished: Promise<unknown>;
}

interface Registry {
  running: Set<RunningWork>;
  /** Why new work is refused right now, or null. */
  heldFor: string | null;
  /** The same as a term of the errors catalogue, so a refusal names it in the reader's language. */
  heldTerm: TermKey | null;
}

const registries = new WeakMap<Services, Registry>();

function registryOf(services: Services): Registry {
  let registry = registries.get(services);
  if (!registry) {
    registry = { running: new Set(), heldFor: null, heldTerm: null };
    registries.set(services, registry);
  }
  return registry;
}

/** Why new work cannot start now (a restore is replacing the database), or null. */
export function workHeldFor(services: Services): string | null {
  return registryOf(services).heldFor;
}

/**
 * Start work and keep track of it until `start`'s promise settles; refused while a step holds
 * the database. Returns that promise.
 */
export function startWork<T>(
  services: Services,
  work: Omit<RunningWork, 'finished'>,
  start: () => Promise<T>,
): Promise<T> {
  const registry = registryOf(services);
  if (registry.heldFor) throw busy(registry, work.what);
  const finished = start();
  const tracked = { ...work, finished };
  registry.running.add(tracked);
  const forget = () => registry.running.delete(tracked);
  finished.then(forget, forget);
  return finished;
}

/**
 * Run `step` with no other work on the database: new work is refused, running work is asked to
 * stop with `reason` and awaited. Returns what was running when the step began.
 */
export async function withWorkStopped<T>(
  services: Services,
  step: { what: string; term: TermKey; reason: string },
  run: () => T,
): Promise<{ value: T; stopped: RunningWork[] }> {
  const registry = registryOf(services);
  if (registry.heldFor) throw busy(registry, step.what);
  registry.heldFor = step.what;
  registry.heldTerm = step.term;
  try {
    const stopped = [...registry.running];
    for (const work of stopped) work.stop?.(step.reason);
    await Promise.allSettled(stopped.map((work) => work.finished));
    return { value: run(), stopped };
  } finally {
    registry.heldFor = null;
    registry.heldTerm = null;
  }
}

/** The refusal of new work while a step holds the database, naming the step as a term. */
function busy(registry: Registry, what: string) {
  return wordedError(
    'conflict',
    'workBusy',
    { busy: registry.heldFor ?? '' },
    { work: what },
    registry.heldTerm ? { terms: { busy: registry.heldTerm } } : {},
  );
}
