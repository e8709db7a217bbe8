/**
 * Saving the facility's zone draws every page anew (AppInfoProvider keys the app by the zone, so
 * that every time shown is redrawn in the new one). The Settings page then opens on the section
 * it was showing, not on its first one: the one to open is kept here, read once.
 */
let reopen: string | undefined;

/** Open this Settings section the next time the Settings page is drawn. */
export function reopenSettingsSection(id: string): void {
  reopen = id;
}

/** The section to open, once; undefined when none was asked for. */
export function takeReopenedSection(): string | undefined {
  const id = reopen;
  reopen = undefined;
  return id;
}
