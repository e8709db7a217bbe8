import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ErrorWordKey, TermKey } from '../../api/error-words';
import { ServiceError, wordedError } from '../core/errors';
import { systemCodeOf, technicalOf } from '../storage/system-error';

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
export function requireAbsolutePath(value: string, what: TermKey): string {
  // The field is the term's key: a form that asks for the path shows the words at its field.
  const field = what;
  if (value.includes('\0')) {
    throw wordedError('invalid_input', 'pathNul', {}, { field }, { terms: { what } });
  }
  if (!path.isAbsolute(value)) {
    throw wordedError(
      'invalid_input',
      'pathNotAbsolute',
      {
        value: value.slice(0, 200),
        example: process.platform === 'win32' ? 'D:\\Backups' : '/media/backup',
      },
      { field },
      { terms: { what } },
    );
  }
  return path.normalize(value);
}

/**
 * A failed file operation on a backup folder, as a message that says which folder and what to
 * do; errors that are not about the file system pass through unchanged.
 */
export function describeFolderFailure(error: unknown, folder: string, doing: TermKey): unknown {
  if (error instanceof ServiceError) return error;
  const code = systemCodeOf(error);
  // What the system said (its code and message) is for IT: behind "Details", not in the sentence.
  const fail = (key: ErrorWordKey) =>
    wordedError(
      'storage_error',
      key,
      { folder },
      { folder, errno: code || undefined, technical: technicalOf(error) },
      { terms: { doing } },
    );
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
    case 'SQLITE_FULL':
      return fail('folderDiskFull');
    case 'EROFS':
    case 'EACCES':
    case 'EPERM':
    case 'SQLITE_READONLY':
    case 'SQLITE_CANTOPEN':
      return fail('folderNotWritable');
    case 'ENOENT':
      return wordedError(
        'not_found',
        'folderMissingDoing',
        { folder },
        { folder },
        {
          terms: { doing },
        },
      );
    case 'ENOTDIR':
      return wordedError('invalid_input', 'notAFolder', { folder }, { folder });
    case 'EIO':
    case 'SQLITE_IOERR':
      return fail('folderIoError');
    default:
      if (code.startsWith('SQLITE_IOERR')) return fail('folderIoError');
      return error;
  }
}
