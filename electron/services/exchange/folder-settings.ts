import type Database from 'better-sqlite3';
import { mutate, type CallContext } from '../core/context';
import { requireAbsolutePath } from '../backup/files';
import { getSetting, setSetting } from '../settings/settings';

/** The shared folder this station exchanges through: a USB stick or a mounted share. */
const key = 'exchange.folder';

export function exchangeFolder(db: Database.Database): string | null {
  return getSetting<string | null>(db, key) ?? null;
}

/**
 * Set or clear the shared folder, audited as a setting change. The folder need not be there now
 * (a stick is plugged in later); each pass says when it cannot be read.
 */
export function setExchangeFolder(ctx: CallContext, folder: string | null): void {
  const { db } = ctx.services;
  const after = folder === null ? null : requireAbsolutePath(folder, 'exchangeFolder');
  mutate(ctx, () => {
    const before = exchangeFolder(db);
    setSetting(db, key, after);
    return {
      value: undefined,
      audit:
        before === after
          ? []
          : {
              action: 'settings.changed',
              entityType: 'setting',
              entityId: key,
              payload: { before: { folder: before }, after: { folder: after } },
            },
    };
  });
}
