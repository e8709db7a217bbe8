/**
 * Bring a place of the case page into view and put the keyboard there: a checklist item (its
 * first control), a section, a sign-off row, the backup to record again.
 */
export function jumpTo(selector: string): void {
  const target = document.querySelector<HTMLElement>(selector);
  if (!target) return;
  target.scrollIntoView({ block: 'center' });
  const control = target.matches('input, button, [tabindex]')
    ? target
    : target.querySelector<HTMLElement>(
        'input:not([type="hidden"]), button:not([disabled]), [role="radio"], [tabindex="0"]',
      );
  control?.focus({ preventScroll: true });
}

export const itemSelector = (itemId: string) => `[data-item="${itemId}"]`;
export const sectionSelector = (sectionId: string) => `[data-section="${sectionId}"]`;
export const signoffSelector = (kind: string) => `.signoff[data-kind="${kind}"] button`;
