export const pageIds = [
  'my-devices',
  'devices',
  'advisories',
  'incidents',
  'board',
  'settings',
] as const;
export type PageId = (typeof pageIds)[number];

export const defaultPage: PageId = 'devices';

/** Pages live in the URL hash: it works from a file or custom-protocol URL and survives reload. */
export function pageHref(page: PageId): string {
  return `#/${page}`;
}

export function pageFromHash(hash: string): PageId {
  // A page may keep a sub-view after its id (`#/incidents/3`): the first segment names the page.
  const id = hash.replace(/^#\/?/, '').split('/')[0] ?? '';
  return (pageIds as readonly string[]).includes(id) ? (id as PageId) : defaultPage;
}
