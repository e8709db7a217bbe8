import { z } from 'zod';
import { checklistSectionIds, type ChecklistSectionId } from '../../api/domains/cases';

/**
 * The schema of a playbook template: the checklists a case works through, as data files in
 * `resources/playbooks/`. Structure is checked by zod; the cross-references (conditions, item
 * comparisons) by `checkReferences` below, so every problem comes back with a path inside the file.
 */

/** The sections the workflow reads (the API's list); every template covers all of them (checked in contract.ts). */
export const sectionIds = checklistSectionIds;
export type SectionId = ChecklistSectionId;

export const itemTypes = [
  'yes_no',
  'choice',
  'number',
  'count',
  'datetime',
  'text',
  'list',
] as const;
export type ItemType = (typeof itemTypes)[number];

const slug = z
  .string()
  .regex(
    /^[a-z][a-z0-9_]{0,62}$/,
    'use lower-case letters, digits and underscores, starting with a letter',
  );
const label = z.string().trim().min(1).max(200);
const help = z.string().trim().min(1).max(1000).optional();
const scalar = z.union([z.boolean(), z.string().min(1).max(100), z.number().finite()]);

/** Exactly one way to compare; an object rather than a union so errors name the field at fault. */
function oneComparison(value: Record<string, unknown>, keys: readonly string[]): boolean {
  return keys.filter((k) => value[k] !== undefined).length === 1;
}

/** "Show this item only when item X has this answer." */
export const conditionSchema = z
  .object({
    item: slug,
    equals: scalar.optional(),
    oneOf: z.array(scalar).min(1).max(50).optional(),
    atLeast: z.number().finite().optional(),
  })
  .strict()
  .refine((c) => oneComparison(c, ['equals', 'oneOf', 'atLeast']), {
    message: 'give exactly one of equals, oneOf or atLeast',
  });
export type Condition = z.infer<typeof conditionSchema>;

/** The answer a check must have to pass ("Daily QC passed" must be Yes). */
export const passWhenSchema = z
  .object({ equals: scalar.optional(), oneOf: z.array(scalar).min(1).max(50).optional() })
  .strict()
  .refine((c) => oneComparison(c, ['equals', 'oneOf']), {
    message: 'give exactly one of equals or oneOf',
  });
export type PassWhen = z.infer<typeof passWhenSchema>;

const common = {
  id: slug,
  label,
  help,
  required: z.boolean().default(true),
  showWhen: conditionSchema.optional(),
};

// Option values may read like what they name ("F-18", "Tc-99m"); they are stored as answers.
const optionValue = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/, 'use letters, digits, "-" and "_" (up to 40)');
const option = z.object({ value: optionValue, label }).strict();

const yesNo = z.object({
  ...common,
  type: z.literal('yes_no'),
  passWhen: passWhenSchema.optional(),
});
const choice = z.object({
  ...common,
  type: z.literal('choice'),
  options: z.array(option).min(2).max(30),
  passWhen: passWhenSchema.optional(),
});
// Numbers are always bounded: no input anywhere is unbounded.
const number = z.object({
  ...common,
  type: z.literal('number'),
  unit: z.string().trim().min(1).max(20).optional(),
  min: z.number().finite(),
  max: z.number().finite(),
  integer: z.boolean().default(false),
});
const count = z.object({
  ...common,
  type: z.literal('count'),
  max: z.number().int().min(1).max(1_000_000).default(10_000),
});
const datetime = z.object({
  ...common,
  type: z.literal('datetime'),
  // 'past': a record of something done (an injection, a backup) cannot be later than now.
  timing: z.enum(['past', 'any']).default('any'),
  // 'now': the form offers this moment, saved with the step that shows the item (changeable).
  prefill: z.enum(['now']).optional(),
});
const text = z.object({
  ...common,
  type: z.literal('text'),
  // Short on purpose: text is for names of staff, fix IDs and places, never for patient details.
  maxLength: z.number().int().min(1).max(200).default(100),
  // 'signed_in_user': the form offers the signed-in user's name, saved like a 'now' time.
  prefill: z.enum(['signed_in_user']).optional(),
});

/** Fields of a list row: no free text (a row describes a patient or a study: text invites names). */
const rowField = z.discriminatedUnion(
  'type',
  [yesNo.strict(), choice.strict(), number.strict(), count.strict(), datetime.strict()],
  {
    error:
      'a list row holds only yes_no, choice, number, count and datetime fields: free text in a row about a patient invites names',
  },
);
export type RowField = z.infer<typeof rowField>;

const list = z
  .object({
    ...common,
    type: z.literal('list'),
    rowLabel: label,
    fields: z.array(rowField).min(1).max(12),
    minRows: z.number().int().min(0).max(50).default(0),
    maxRows: z.number().int().min(1).max(50),
  })
  .strict();

// Comparisons with other items of the template exist only at the top level.
const crossRefs = {
  equalsItem: slug.optional(),
  notBefore: slug.optional(),
  notAfter: slug.optional(),
};

const itemSchema = z.discriminatedUnion(
  'type',
  [
    yesNo.strict(),
    choice.strict(),
    number.strict(),
    count.extend({ equalsItem: crossRefs.equalsItem }).strict(),
    datetime.extend({ notBefore: crossRefs.notBefore, notAfter: crossRefs.notAfter }).strict(),
    text.strict(),
    list,
  ],
  { error: `an item's type is one of ${itemTypes.join(', ')}` },
);
export type PlaybookItem = z.infer<typeof itemSchema>;
export type AnyItem = PlaybookItem | RowField;

const sectionSchema = z
  .object({
    id: z.enum(sectionIds),
    title: label,
    help,
    items: z.array(itemSchema).min(1).max(80),
  })
  .strict();
export type PlaybookSection = z.infer<typeof sectionSchema>;

export const playbookTemplateSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]{0,62}$/, 'use lower-case letters, digits and hyphens'),
    version: z.number().int().min(1).max(10_000),
    title: label,
    description: z.string().trim().min(1).max(2000).optional(),
    sections: z.array(sectionSchema).min(1).max(30),
  })
  .strict()
  .superRefine((template, ctx) => {
    for (const problem of checkReferences(template)) {
      ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
    }
  });
export type PlaybookTemplate = z.infer<typeof playbookTemplateSchema>;

export interface TemplateProblem {
  path: (string | number)[];
  message: string;
}

/** `sections[2].items[4].showWhen.item`: where a problem is, the way an editor would search for it. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(top level)' : out;
}

interface Located {
  item: AnyItem;
  path: (string | number)[];
}

/** Duplicate ids, conditions and comparisons that point nowhere or at the wrong kind of item. */
function checkReferences(template: {
  sections: { id: string; items: PlaybookItem[] }[];
}): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const seenSections = new Set<string>();
  const top = new Map<string, Located>();
  template.sections.forEach((section, s) => {
    if (seenSections.has(section.id)) {
      problems.push({
        path: ['sections', s, 'id'],
        message: `section "${section.id}" appears twice`,
      });
    }
    seenSections.add(section.id);
    section.items.forEach((item, i) => {
      const path = ['sections', s, 'items', i];
      if (top.has(item.id)) {
        problems.push({
          path: [...path, 'id'],
          message: `item id "${item.id}" is used twice; item ids are unique in a template`,
        });
      } else top.set(item.id, { item, path });
    });
  });
  for (const { item, path } of top.values()) {
    problems.push(...checkItem(item, path, top));
    if (item.type === 'list') {
      const siblings = new Map<string, Located>();
      item.fields.forEach((field, f) => {
        const fieldPath = [...path, 'fields', f];
        if (siblings.has(field.id)) {
          problems.push({
            path: [...fieldPath, 'id'],
            message: `field id "${field.id}" is used twice in this list`,
          });
        } else siblings.set(field.id, { item: field, path: fieldPath });
      });
      for (const field of siblings.values())
        problems.push(...checkItem(field.item, field.path, siblings));
      problems.push(...checkCycles(siblings));
    }
  }
  problems.push(...checkCycles(top));
  return problems;
}

function checkItem(
  item: AnyItem,
  path: (string | number)[],
  scope: Map<string, Located>,
): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  if (item.showWhen) {
    const target = scope.get(item.showWhen.item);
    const at = [...path, 'showWhen'];
    if (!target) {
      problems.push({
        path: [...at, 'item'],
        message: `refers to "${item.showWhen.item}", which is not an item here`,
      });
    } else if (target.item.id === item.id) {
      problems.push({ path: [...at, 'item'], message: 'an item cannot depend on itself' });
    } else {
      problems.push(...checkComparison(item.showWhen, target.item, at));
    }
  }
  if ((item.type === 'yes_no' || item.type === 'choice') && item.passWhen) {
    problems.push(...checkComparison(item.passWhen, item, [...path, 'passWhen']));
  }
  if (item.type === 'number' && item.min > item.max) {
    problems.push({
      path: [...path, 'min'],
      message: `min (${item.min}) is greater than max (${item.max})`,
    });
  }
  if (item.type === 'choice') {
    const values = item.options.map((o) => o.value);
    values.forEach((v, o) => {
      if (values.indexOf(v) !== o) {
        problems.push({
          path: [...path, 'options', o, 'value'],
          message: `option "${v}" appears twice`,
        });
      }
    });
  }
  if (item.type === 'list' && item.minRows > item.maxRows) {
    problems.push({
      path: [...path, 'minRows'],
      message: `minRows (${item.minRows}) is greater than maxRows (${item.maxRows})`,
    });
  }
  const refs: [string, string | undefined, ItemType][] = [];
  if (item.type === 'count' && 'equalsItem' in item)
    refs.push(['equalsItem', item.equalsItem, 'count']);
  if (item.type === 'datetime' && 'notBefore' in item) {
    refs.push(['notBefore', item.notBefore, 'datetime'], ['notAfter', item.notAfter, 'datetime']);
  }
  for (const [key, ref, type] of refs) {
    if (ref === undefined) continue;
    const target = scope.get(ref);
    if (!target || target.item.type !== type || ref === item.id) {
      problems.push({
        path: [...path, key],
        message: `must name another ${type} item of this template; "${ref}" is not one`,
      });
    }
  }
  return problems;
}

/** A comparison must be able to match: booleans for yes/no, an existing option for a choice. */
function checkComparison(
  cmp: { equals?: unknown; oneOf?: unknown[]; atLeast?: number },
  target: AnyItem,
  at: (string | number)[],
): TemplateProblem[] {
  const values = cmp.oneOf ?? (cmp.equals !== undefined ? [cmp.equals] : []);
  const key = cmp.oneOf ? 'oneOf' : cmp.equals !== undefined ? 'equals' : 'atLeast';
  const bad = (message: string): TemplateProblem[] => [{ path: [...at, key], message }];
  switch (target.type) {
    case 'yes_no':
      if (cmp.atLeast !== undefined || values.some((v) => typeof v !== 'boolean')) {
        return bad(`"${target.id}" is a yes/no item: compare it with true or false`);
      }
      return [];
    case 'choice': {
      const options = target.options.map((o) => o.value);
      const unknown = values.filter((v) => typeof v !== 'string' || !options.includes(v));
      if (cmp.atLeast !== undefined || unknown.length > 0) {
        return bad(
          `"${target.id}" is a choice of ${options.join(', ')}; ${unknown.map(String).join(', ') || 'atLeast'} is not one of them`,
        );
      }
      return [];
    }
    case 'count':
    case 'number':
      if (values.some((v) => typeof v !== 'number'))
        return bad(`"${target.id}" is a number: compare it with numbers`);
      return [];
    default:
      return bad(
        `conditions can depend on yes/no, choice, count and number items; "${target.id}" is a ${target.type} item`,
      );
  }
}

/** Conditions must not go round in a circle, or no item in the circle could ever be shown. */
function checkCycles(scope: Map<string, Located>): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  for (const start of scope.values()) {
    const seen = new Set<string>([start.item.id]);
    let next = start.item.showWhen?.item;
    while (next !== undefined) {
      if (next === start.item.id) {
        problems.push({
          path: [...start.path, 'showWhen', 'item'],
          message: `conditions form a circle through "${[...seen].join('" → "')}"`,
        });
        break;
      }
      if (seen.has(next)) break; // a circle that does not include start: reported from its own members
      seen.add(next);
      next = scope.get(next)?.item.showWhen?.item;
    }
  }
  return problems;
}
