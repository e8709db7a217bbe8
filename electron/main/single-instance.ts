import { app } from 'electron';

/**
 * One instance per data folder: two processes writing one database would fight over it. Returns
 * false when another instance holds the lock (this one must quit); that one is brought forward.
 */
export function setupSingleInstance(onSecondInstance: () => void): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', () => onSecondInstance());
  return true;
}
