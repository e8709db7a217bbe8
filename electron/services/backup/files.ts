import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ServiceError } from '../core/errors';

/** SHA-256 of a file, read in chunks (a backup can be larger than memory should hold). */
export function sha256OfFile(file: string): string {
  const hash = createHash('sha256');
  const buffer = Buffer.alloc(1024 * 1024);
  const fd = fs.openSync(file, 'r');
  try {
    for (;;) {
      const n = fs.readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      hash.update(buffer.subarray(0, n));
    }
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

/** Flush a file (or a folder's entries, after a rename) to the disk before we rely on it. */
export function fsyncPath(target: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(target, 'r');
    fs.fsyncSync(fd);
  } catch (error) {
    // Folders cannot be opened for fsync on Windows; the rename there is already durable.
    if (process.platform !== 'win32') throw error;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Write a small file whole or not at all: a temporary file, flushed, then renamed over. */
export function writeFileAtomically(file: string, content: string): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.partial`);
  fs.writeFileSync(temp, content);
  fsyncPath(temp);
  fs.renameSync(temp, file);
}

export function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // Best effort: a leftover temporary file is harmless and named as one.
  }
}

/** A path the caller gave: it must be absolute and a real path (no NUL byte). */
export function requireAbsolutePath(value: string, what: string): string {
  if (value.includes('\0')) {
    throw new ServiceError(
      'invalid_input',
      `The ${what} contains a NUL character; give a real path.`,
      {
        field: what,
      },
    );
  }
  if (!path.isAbsolute(value)) {
    throw new ServiceError(
      'invalid_input',
      `The ${what} "${value.slice(0, 200)}" is not an absolute path; give the full path (e.g. ` +
        `${process.platform === 'win32' ? 'D:\\Backups' : '/media/backup'}).`,
      { field: what },
    );
  }
  return path.normalize(value);
}

function errnoOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/**
 * A failed file operation on a backup folder, as a message that says which folder and what to
 * do; errors that are not about the file system pass through unchanged.
 */
export function describeFolderFailure(error: unknown, folder: string, doing: string): unknown {
  if (error instanceof ServiceError) return error;
  const code = errnoOf(error);
  const message = error instanceof Error ? error.message : String(error);
  const fail = (text: string) =>
    new ServiceError('storage_error', text, { folder, errno: code || undefined });
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
    case 'SQLITE_FULL':
      return fail(
        `The disk holding ${folder} is full: ${doing} was not completed and nothing was ` +
          `left half-written. Free some space or choose another folder.`,
      );
    case 'EROFS':
    case 'EACCES':
    case 'EPERM':
    case 'SQLITE_READONLY':
    case 'SQLITE_CANTOPEN':
      return fail(
        `The folder ${folder} cannot be written to (${code}): ${doing} was not completed. ` +
          `Choose a folder you can write to, or check the drive's write protection.`,
      );
    case 'ENOENT':
      return new ServiceError('not_found', `${folder} does not exist (${doing}).`, { folder });
    case 'ENOTDIR':
      return new ServiceError('invalid_input', `${folder} is not a folder.`, { folder });
    case 'EIO':
    case 'SQLITE_IOERR':
      return fail(
        `The disk holding ${folder} reported an input/output error: ${doing} failed (${message}).`,
      );
    default:
      if (code.startsWith('SQLITE_IOERR')) {
        return fail(
          `The disk holding ${folder} reported an input/output error: ${doing} failed (${code}).`,
        );
      }
      return error;
  }
}
