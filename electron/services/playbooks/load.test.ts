import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { radionuclideTable, resourcesDir, template } from '../workflow/test/workflow-fixtures';
import { loadPlaybooks, parsePlaybookTemplate, PlaybookLoadError } from './load';
import { sectionIds, type PlaybookTemplate } from './schema';

/** Template validation: a broken template is refused with the file and the path of each problem. */

const radionuclides = radionuclideTable.radionuclides.map((r) => r.radionuclide);
const file = '/site/playbooks/local.v2.json';

type Edit = (json: unknown) => void;

/** Walks to the parent of the last step of a path like `sections[2].items[1].showWhen.item`. */
function walk(
  json: unknown,
  at: string,
): { parent: Record<string, unknown> | unknown[]; key: string | number } {
  const keys = at
    .split(/[.[\]]/)
    .filter((k) => k !== '')
    .map((k) => (/^\d+$/.test(k) ? Number(k) : k));
  let node: unknown = json;
  for (const key of keys.slice(0, -1)) node = (node as Record<string | number, unknown>)[key];
  const key = keys.at(-1);
  if (typeof node !== 'object' || node === null || key === undefined)
    throw new Error(`bad path ${at}`);
  return { parent: node as Record<string, unknown>, key };
}
const set =
  (at: string, value: unknown): Edit =>
  (json) => {
    const { parent, key } = walk(json, at);
    (parent as Record<string | number, unknown>)[key] = value;
  };
const remove =
  (at: string): Edit =>
  (json) => {
    const { parent, key } = walk(json, at);
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else Reflect.deleteProperty(parent, key);
  };
const push =
  (at: string, value: unknown): Edit =>
  (json) => {
    const { parent, key } = walk(json, at);
    const list = (parent as Record<string | number, unknown>)[key];
    if (Array.isArray(list)) list.push(value);
  };
const all =
  (...edits: Edit[]): Edit =>
  (json) => {
    for (const edit of edits) edit(json);
  };

/** The shipped template as plain JSON, changed by `edit`, then validated. */
function problemsAfter(edit: Edit): string[] {
  const json: unknown = structuredClone(template);
  edit(json);
  const result = parsePlaybookTemplate(file, JSON.stringify(json), { radionuclides });
  return 'problems' in result ? result.problems : [];
}

describe('the shipped playbook template', () => {
  it('loads with every workflow section, in the product order', () => {
    const library = loadPlaybooks(path.join(resourcesDir, 'playbooks'), { radionuclides });
    const shipped = library.get('icsma-standalone-response', 1);
    expect(shipped?.title).toMatch(/standalone/);
    expect(shipped?.sections.map((s) => s.id)).toEqual([...sectionIds]);
  });

  it('asks nothing that could identify a patient: rows hold only choices, times, counts and yes/no', () => {
    const texts = template.sections.flatMap((s) => s.items).filter((i) => i.type === 'text');
    for (const text of texts) expect(text.label).not.toMatch(/patient|record|birth|mrn/i);
    const lists = template.sections.flatMap((s) => s.items).filter((i) => i.type === 'list');
    expect(lists.map((l) => l.id)).toEqual(['injected_patients', 'upcoming_studies']);
    for (const list of lists) {
      for (const field of list.fields)
        expect(['choice', 'datetime', 'yes_no', 'count', 'number']).toContain(field.type);
    }
  });
});

describe('a broken template names the file and the path of each problem', () => {
  it.each<[string, Edit, string]>([
    [
      'a condition on an item that does not exist',
      set('sections[2].items[1].showWhen.item', 'unsent'),
      `${file}: sections[2].items[1].showWhen.item: refers to "unsent", which is not an item here`,
    ],
    [
      'a condition on an option the item does not offer',
      set('sections[2].items[1].showWhen.equals', 'kept'),
      `${file}: sections[2].items[1].showWhen.equals: "unsent_studies" is a choice of all_sent, preserved_locally, none_pending, not_yet; kept is not one of them`,
    ],
    [
      'a yes/no condition compared with a word',
      set('sections[1].items[2].showWhen.equals', 'yes'),
      `${file}: sections[1].items[2].showWhen.equals: "injected_patients_waiting" is a yes/no item: compare it with true or false`,
    ],
    [
      'a condition with two comparisons',
      set('sections[1].items[2].showWhen.oneOf', [true]),
      `${file}: sections[1].items[2].showWhen: give exactly one of equals, oneOf or atLeast`,
    ],
    [
      'a required flag that is not true or false',
      set('sections[2].items[0].required', 'yes'),
      `${file}: sections[2].items[0].required: Invalid input: expected boolean, received string`,
    ],
    [
      'an item id used twice',
      set('sections[2].items[4].id', 'unsent_studies'),
      `${file}: sections[2].items[4].id: item id "unsent_studies" is used twice; item ids are unique in a template`,
    ],
    [
      'an item type that does not exist',
      set('sections[0].items[0].type', 'dropdown'),
      `${file}: sections[0].items[0].type: an item's type is one of yes_no, choice, number, count, datetime, text, list`,
    ],
    [
      'a row field without a label',
      remove('sections[1].items[2].fields[1].label'),
      `${file}: sections[1].items[2].fields[1].label: Invalid input: expected string, received undefined`,
    ],
    [
      'a free-text field in a patient row',
      push('sections[1].items[2].fields', { id: 'patient_name', type: 'text', label: 'Name' }),
      `${file}: sections[1].items[2].fields[2].type: a list row holds only yes_no, choice, number, count and datetime fields: free text in a row about a patient invites names`,
    ],
    [
      'a field in a row that a patient row could carry a record number in (unknown key)',
      set('sections[1].items[2].fields[1].mrn', true),
      `${file}: sections[1].items[2].fields[1]: Unrecognized key: "mrn"`,
    ],
    [
      'a number without bounds',
      push('sections[2].items', { id: 'disk_free', type: 'number', label: 'Free disk', min: 0 }),
      `${file}: sections[2].items[14].max: Invalid input: expected number, received undefined`,
    ],
    [
      'a number whose min is above its max',
      push('sections[2].items', {
        id: 'disk_free',
        type: 'number',
        label: 'Free disk',
        min: 9,
        max: 1,
      }),
      `${file}: sections[2].items[14].min: min (9) is greater than max (1)`,
    ],
    [
      'conditions going round in a circle',
      all(
        set('sections[2].items[0].showWhen', { item: 'config_backup_taken', equals: true }),
        set('sections[2].items[4].showWhen', { item: 'unsent_studies', equals: 'all_sent' }),
      ),
      `${file}: sections[2].items[0].showWhen.item: conditions form a circle through "unsent_studies" → "config_backup_taken"`,
    ],
    [
      'a count compared with an item that is not a count',
      set('sections[6].items[2].equalsItem', 'removable_media'),
      `${file}: sections[6].items[2].equalsItem: must name another count item of this template; "removable_media" is not one`,
    ],
    [
      'an unknown section',
      set('sections[3].id', 'downtime'),
      `${file}: sections[3].id: Invalid option: expected one of "exposure_assessment"|"patient_safety_gate"|"backup"|"standalone_operation"|"patch_record"|"verification"|"reconnection"|"evidence_preservation"|"reimaging"`,
    ],
    [
      'a missing workflow section',
      remove('sections[8]'),
      `${file}: sections: the section "reimaging" is missing`,
    ],
    [
      'a renamed item the gate reads',
      set('sections[1].items[0].id', 'scanning_now'),
      `${file}: sections[1].items: the patient_safety_gate section needs an item "acquisition_running"`,
    ],
    [
      'an item the gate reads with the wrong type',
      all(
        set('sections[1].items[5].type', 'choice'),
        set('sections[1].items[5].options', [
          { value: 'a', label: 'A' },
          { value: 'b', label: 'B' },
        ]),
      ),
      `${file}: sections[1].items[5].type: "paper_orders_ready" must be a yes_no item (the workflow reads it), not choice`,
    ],
    [
      'a study plan option the gate needs, removed',
      remove('sections[1].items[4].fields[2].options[3]'),
      `${file}: sections[1].items[4].fields[2].options: "plan" must offer "none_yet"`,
    ],
    [
      'a radionuclide the site table does not know',
      push('sections[1].items[2].fields[0].options', { value: 'Xe-133', label: 'Xe-133' }),
      `${file}: sections[1].items[2].fields[0].options[15].value: "Xe-133" is not in the radionuclide table, so its decay cannot be computed`,
    ],
  ])('%s', (_what, edit, problem) => {
    expect(problemsAfter(edit)).toContain(problem);
  });

  it('says when the file is not JSON at all', () => {
    const result = parsePlaybookTemplate(file, '{"id": "x",', {});
    expect('problems' in result && result.problems[0]).toMatch(`${file}: is not valid JSON (`);
  });
});

describe('loading a folder', () => {
  let dir = '';
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const folder = (files: Record<string, PlaybookTemplate | string>) => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'playbooks-'));
    for (const [name, content] of Object.entries(files)) {
      fs.writeFileSync(
        path.join(dir, name),
        typeof content === 'string' ? content : JSON.stringify(content),
      );
    }
    return dir;
  };

  it('loads every version and offers the latest for new cases', () => {
    const v2 = { ...template, version: 2, title: 'Revised after the vendor softened its advice' };
    const library = loadPlaybooks(
      folder({ 'a.v1.json': template, 'a.v2.json': v2, 'README.md': '# notes' }),
    );
    expect(library.templates.map((t) => t.version)).toEqual([1, 2]);
    expect(library.latest('icsma-standalone-response')?.title).toBe(v2.title);
    expect(library.get('icsma-standalone-response', 1)?.title).toBe(template.title);
  });

  it('refuses the same id and version twice, naming both files', () => {
    const at = folder({ 'a.json': template, 'a copy.json': template });
    expect(() => loadPlaybooks(at)).toThrow(
      `${path.join(at, 'a.json')}: icsma-standalone-response version 1 is already defined in ${path.join(at, 'a copy.json')}`,
    );
  });

  it('collects the problems of every file before refusing', () => {
    const at = folder({ 'bad.json': '[]', 'worse.json': 'nope' });
    try {
      loadPlaybooks(at);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PlaybookLoadError);
      expect((error as PlaybookLoadError).problems).toEqual([
        `${path.join(at, 'bad.json')}: (top level): Invalid input: expected object, received array`,
        expect.stringMatching(`^${path.join(at, 'worse.json')}: is not valid JSON`),
      ]);
    }
  });

  it('refuses an empty or missing folder', () => {
    expect(() => loadPlaybooks(folder({}))).toThrow('holds no playbook templates');
    expect(() => loadPlaybooks(path.join(dir, 'absent'))).toThrow('cannot be read');
  });
});
