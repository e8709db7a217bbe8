/** File names safe on every file system: letters, digits, dot, dash, underscore; bounded. */
export function safeFileName(base: string, extension = '.pdf'): string {
  const cleaned = base
    .normalize('NFKD')
    // "Zürich" → "Zurich": the accents split off by NFKD go, the letters stay.
    .replace(/\p{M}+/gu, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 120);
  return `${cleaned || 'document'}${extension}`;
}

export function caseFileName(c: { caseId: number; assetTag: string; trackingId: string }): string {
  return safeFileName(`case-${c.assetTag}-${c.trackingId}-${c.caseId}`);
}
