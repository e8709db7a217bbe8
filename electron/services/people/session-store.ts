import type { Role } from '../../api/permissions';

/** The one session of this station (the services process serves one window or one browser-mode page). */
export interface StationSession {
  userId: number;
  /** The role chosen at sign-in, one of the user's roles. */
  role: Role;
  signedInAt: Date;
  /** The last change made, or session.touch; reads do not count, so a polling screen still locks. */
  lastActivityAt: Date;
  /** Set while the station is locked; only the same user's secret unlocks it. */
  lockedAt: Date | null;
}

export interface SessionStore {
  current: StationSession | null;
  /**
   * Run credential checks one at a time, so that parallel guesses cannot all pass the lockout
   * check before any of them is counted.
   */
  serialize<T>(task: () => Promise<T>): Promise<T>;
}

export function createSessionStore(): SessionStore {
  let queue: Promise<unknown> = Promise.resolve();
  return {
    current: null,
    serialize(task) {
      const run = queue.then(task, task);
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
