type DraftField = string | number | boolean | null | string[];

/** A field that holds nothing typed: absent, null, empty text or an empty list. */
function blank(value: DraftField | undefined): boolean {
  return (
    value === undefined ||
    value === null ||
    value === '' ||
    (Array.isArray(value) && value.length === 0)
  );
}

/**
 * Whether a draft holds anything the form did not start with. A draft whose fields were all
 * cleared again (a checklist answer saved, then its typed text dropped) is nothing to restore:
 * saying "your unsaved entries were restored" for it would be false.
 */
export function draftHasEntries(
  value: Record<string, DraftField>,
  initial: Record<string, DraftField>,
): boolean {
  return Object.keys({ ...initial, ...value }).some((key) => {
    const now = value[key];
    const start = initial[key];
    if (blank(now) && blank(start)) return false;
    return JSON.stringify(now) !== JSON.stringify(start);
  });
}
