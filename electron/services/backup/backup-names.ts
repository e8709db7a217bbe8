import fs from 'node:fs';
import path from 'node:path';

/**
 * Backup files are named for when they were taken and the schema they hold, so that a folder
 * listing alone says which is which: `standalone-2026-11-28T081205Z-schema4.sqlite` (by hand) or
 * `…-schema4-auto.sqlite` (on the schedule); a second backup in the same second gets `-2`, `-3`…
 * Beside each: `<file>.sha256` (sha256sum's format) and `<name>.manifest.json`.
 */
const backupNamePattern =
  /^standalone-(\d{4}-\d{2}-\d{2})T(\d{2})(\d{2})(\d{2})Z-schema(\d+)(-auto)?(?:-(\d+))?\.sqlite$/;

export type BackupKind = 'manual' | 'automatic';

/** `2026-11-28T081205Z`: sortable, and valid in a file name on every system. */
export function fileTimeStamp(time: Date): string {
  const iso = time.toISOString();
  return `${iso.slice(0, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}

export function backupFileName(
  time: Date,
  schemaVersion: number,
  kind: BackupKind,
  sequence = 1,
): string {
  return (
    `standalone-${fileTimeStamp(time)}-schema${schemaVersion}` +
    (kind === 'automatic' ? '-auto' : '') +
    (sequence > 1 ? `-${sequence}` : '') +
    '.sqlite'
  );
}

export interface ParsedBackupName {
  createdAt: Date;
  schemaVersion: number;
  kind: BackupKind;
}

export function parseBackupFileName(name: string): ParsedBackupName | null {
  const m = backupNamePattern.exec(name);
  if (!m) return null;
  const [, date, hh, mm, ss, schema, auto] = m;
  const createdAt = new Date(`${date}T${hh}:${mm}:${ss}Z`);
  if (Number.isNaN(createdAt.getTime())) return null;
  return {
    createdAt,
    schemaVersion: Number(schema),
    kind: auto ? 'automatic' : 'manual',
  };
}

export const checksumFileOf = (backupFile: string) => `${backupFile}.sha256`;
export const manifestFileOf = (backupFile: string) =>
  backupFile.replace(/\.sqlite$/, '') + '.manifest.json';

/** The first free backup file name in `folder` for this time, schema and kind. */
export function freeBackupPath(
  folder: string,
  time: Date,
  schemaVersion: number,
  kind: BackupKind,
): string {
  for (let n = 1; ; n++) {
    const file = path.join(folder, backupFileName(time, schemaVersion, kind, n));
    if (!fs.existsSync(file) && !fs.existsSync(manifestFileOf(file))) return file;
  }
}

/**
 * Where the replaced database goes on a restore: beside the live one, named for the time, so
 * SQLite still finds its `-wal` next to it if it is ever opened again.
 */
export function freeAsidePath(databaseFile: string, label: string, time: Date): string {
  const dir = path.dirname(databaseFile);
  const base = path.basename(databaseFile).replace(/\.sqlite$/, '');
  for (let n = 1; ; n++) {
    const file = path.join(
      dir,
      `${base}.${label}-${fileTimeStamp(time)}${n > 1 ? `-${n}` : ''}.sqlite`,
    );
    if (!['', '-wal', '-shm', '-journal'].some((s) => fs.existsSync(file + s))) return file;
  }
}
