import { describe, expect, it } from 'vitest';
import { matchesComparison } from '../../../electron/api/checklist-comparison';
import type { ChecklistField, ChecklistItem } from '../../../electron/api/domains/cases';
import { validateAnswer } from '../../../electron/services/playbooks/answers';
import type { PlaybookItem } from '../../../electron/services/playbooks/schema';
import { cleanRow, missingIn, visibleFields, type Row } from './list-rows';

/**
 * The list form decides which fields of a row to ask for; the services decide which they keep.
 * Both must read a condition alike, also one with nothing to compare (which a valid playbook never
 * holds, but a comparison without a value must not show a field on one side only).
 */

const fields: ChecklistField[] = [
  {
    id: 'tracer',
    label: 'Tracer',
    type: 'choice',
    required: true,
    options: [
      { value: 'fdg', label: 'F-18 FDG' },
      { value: 'tc99m', label: 'Tc-99m' },
    ],
  },
  { id: 'hours', label: 'Hours', type: 'number', required: true, min: 0, max: 48 },
  // Nothing to compare: the condition names a field but no answer.
  { id: 'empty', label: 'Empty', type: 'yes_no', required: true, showWhen: { item: 'tracer' } },
  {
    id: 'fdg',
    label: 'FDG only',
    type: 'yes_no',
    required: true,
    showWhen: { item: 'tracer', equals: 'fdg' },
  },
  {
    id: 'long',
    label: 'Long wait',
    type: 'yes_no',
    required: false,
    showWhen: { item: 'hours', atLeast: 6 },
  },
  // Shown only when a hidden field matches: hidden too.
  {
    id: 'chained',
    label: 'Chained',
    type: 'yes_no',
    required: false,
    showWhen: { item: 'empty', equals: true },
  },
];

const screenItem: ChecklistItem = {
  id: 'patients',
  label: 'Injected patients',
  type: 'list',
  required: true,
  rowLabel: 'Patient',
  minRows: 0,
  maxRows: 10,
  fields,
  answer: null,
};

// The same item as a playbook holds it (defaults filled in, as the schema would).
const serviceItem = {
  ...screenItem,
  fields: fields.map((f) => (f.type === 'number' ? { integer: false, ...f } : f)),
} as unknown as PlaybookItem;

/** The fields the services keep of a row that answers every field. */
function keptByServices(row: Row): string[] {
  const full = { ...row, empty: true, fdg: true, long: true, chained: true };
  const shown = visibleFields(screenItem, full).map((f) => f.id);
  const filled = Object.fromEntries(shown.map((id) => [id, full[id as keyof typeof full]]));
  const check = validateAnswer(serviceItem, [filled]);
  if (!check.ok) throw new Error(check.problem);
  const [kept] = check.value as Row[];
  return Object.keys(kept ?? {});
}

describe('list rows: the form and the services agree', () => {
  const rows: Row[] = [
    { tracer: 'fdg', hours: 2 },
    { tracer: 'tc99m', hours: 8 },
    { tracer: 'fdg', hours: 6 },
  ];

  it.each(rows)('asks for the fields the services keep (%o)', (row) => {
    const full: Row = { ...row, empty: true, fdg: true, long: true, chained: true };
    expect(
      visibleFields(screenItem, full)
        .map((f) => f.id)
        .sort(),
    ).toEqual(keptByServices(row).sort());
  });

  it('hides a field whose condition has nothing to compare, on both sides', () => {
    const row: Row = { tracer: 'fdg', hours: 1, empty: true };
    expect(visibleFields(screenItem, row).map((f) => f.id)).not.toContain('empty');
    expect(missingIn(screenItem, row)).toEqual(['FDG only']);
    expect(cleanRow(screenItem, row)).toEqual({ tracer: 'fdg', hours: 1 });
    expect(keptByServices(row)).not.toContain('empty');
    expect(matchesComparison({}, 'fdg')).toBe(false);
    expect(matchesComparison({}, undefined)).toBe(false);
  });

  it('compares equals, oneOf and atLeast alike', () => {
    expect(matchesComparison({ equals: 'fdg' }, 'fdg')).toBe(true);
    expect(matchesComparison({ oneOf: ['a', 'b'] }, 'b')).toBe(true);
    expect(matchesComparison({ oneOf: ['a', 'b'] }, undefined)).toBe(false);
    expect(matchesComparison({ atLeast: 6 }, 6)).toBe(true);
    expect(matchesComparison({ atLeast: 6 }, '6')).toBe(false);
  });
});
