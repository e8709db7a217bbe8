import fs from 'node:fs';
import path from 'node:path';
import type { TermKey } from '../../api/error-words';
import { wordedError, type ServiceError } from '../core/errors';
import { systemCause, systemCodeOf } from './system-error';

/**
 * Create a folder and its missing parents, one level at a time, or fail at once with a
 * storage_error naming the folder. Node's `mkdirSync(…, { recursive: true })` is not used: on a
 * path under a pseudo file system such as /proc it retries without end at full CPU, because the
 * parent exists yet the child can never be made.
 *
 * `what` says which folder it is (`dataFolder`, `backupFolder`, `exportFolder`), for the
 * message.
 */
export function createFolder(folder: string, what: TermKey): void {
  const target = path.resolve(folder);
  const missing: string[] = [];
  let current = target;
  for (;;) {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(current);
    } catch (error) {
      if (systemCodeOf(error) !== 'ENOENT') throw cannotCreate(target, what, error);
    }
    if (stat) {
      if (!stat.isDirectory()) {
        throw wordedError(
          'storage_error',
          'folderBlockedByFile',
          { folder: target, file: current },
          { path: target, code: 'ENOTDIR' },
          { terms: { what } },
        );
      }
      break;
    }
    missing.push(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const level of missing.reverse()) {
    try {
      fs.mkdirSync(level);
    } catch (error) {
      // Another process may have made it meanwhile; anything else is final.
      if (systemCodeOf(error) === 'EEXIST' && fs.statSync(level).isDirectory()) continue;
      throw cannotCreate(target, what, error);
    }
  }
}

function cannotCreate(folder: string, what: TermKey, error: unknown): ServiceError {
  const { lists, details } = systemCause(error);
  return wordedError(
    'storage_error',
    'folderCannotCreate',
    { folder },
    { path: folder, ...details },
    { terms: { what, ...lists.terms } },
  );
}
