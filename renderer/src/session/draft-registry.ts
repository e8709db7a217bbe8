/**
 * Pending draft saves, so that locking the station (idle or by hand) can write them first:
 * after the lock the services refuse drafts.save, and the words typed last would be lost.
 */
const pending = new Set<() => Promise<void>>();

export function registerDraftFlush(flush: () => Promise<void>): () => void {
  pending.add(flush);
  return () => pending.delete(flush);
}

export async function flushDrafts(): Promise<void> {
  await Promise.all([...pending].map((flush) => flush()));
}
