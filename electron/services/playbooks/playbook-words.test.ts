import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { languages } from '../../api/languages';
import { englishMissing, quoted, type MissingWords } from '../../api/missing-words';
import { localizeMissing, localizeSections, playbookWords } from '../../api/playbook-words';

/**
 * Every playbook the app ships has its words in every language, and the catalogue names nothing
 * the template does not have (a renamed item would otherwise keep its old words silently).
 */

interface Option {
  value: string;
  label: string;
}
interface Field {
  id: string;
  label: string;
  help?: string;
  rowLabel?: string;
  options?: Option[];
  fields?: Field[];
}
interface Template {
  id: string;
  version: number;
  title: string;
  description?: string;
  sections: { id: string; title: string; help?: string; items: Field[] }[];
}

const dir = path.join(import.meta.dirname, '../../../resources/playbooks');
const shipped: Template[] = fs
  .readdirSync(dir)
  .filter((n) => n.endsWith('.json'))
  .map((n) => JSON.parse(fs.readFileSync(path.join(dir, n), 'utf8')) as Template);

/** Every text of a template by its path of ids, the English beside it. */
function texts(template: Template): Map<string, string> {
  const out = new Map<string, string>([['title', template.title]]);
  if (template.description) out.set('description', template.description);
  const field = (at: string, f: Field) => {
    out.set(`${at}.label`, f.label);
    if (f.help) out.set(`${at}.help`, f.help);
    if (f.rowLabel) out.set(`${at}.rowLabel`, f.rowLabel);
    // An option named by its value ("F-18") is the same in every language.
    for (const o of f.options ?? [])
      if (o.label !== o.value) out.set(`${at}.options.${o.value}`, o.label);
    for (const sub of f.fields ?? []) field(`${at}.fields.${sub.id}`, sub);
  };
  for (const s of template.sections) {
    out.set(`sections.${s.id}.title`, s.title);
    if (s.help) out.set(`sections.${s.id}.help`, s.help);
    for (const item of s.items) field(`sections.${s.id}.items.${item.id}`, item);
  }
  return out;
}

/** Words that are the same in German and in English. */
const sameInBoth = new Set(['Routine']);

function leaves(value: unknown, at = ''): string[] {
  if (typeof value === 'string') return [at];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    leaves(v, at ? `${at}.${k}` : k),
  );
}

describe('playbook words', () => {
  it('finds the shipped templates', () => {
    expect(shipped.map((t) => t.id)).toContain('icsma-standalone-response');
  });

  for (const template of shipped) {
    for (const language of languages.filter((l) => l !== 'en')) {
      it(`has every text of ${template.id} v${template.version} in ${language}, and no other`, () => {
        const words = playbookWords(template.id, template.version, language);
        expect(words).toBeDefined();
        const english = texts(template);
        const given = leaves(words);
        expect([...english.keys()].filter((k) => !given.includes(k))).toEqual([]);
        expect(given.filter((k) => !english.has(k))).toEqual([]);
        // A translation, not a copy (a text the same in both is named here when it must be).
        const same = given.filter((k) => {
          const text = k
            .split('.')
            .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], words);
          return typeof text === 'string' && text === english.get(k) && !sameInBoth.has(text);
        });
        expect(same).toEqual([]);
      });
    }
  }

  const template = shipped.find((t) => t.id === 'icsma-standalone-response');
  if (!template) throw new Error('the response playbook is not shipped');
  const de = playbookWords(template.id, template.version, 'de');

  it('changes the words and keeps ids, values and everything else', () => {
    const { sections, labels } = localizeSections(template.sections, de);
    const gate = sections.find((s) => s.id === 'patient_safety_gate');
    expect(gate?.title).toBe('Patientensicherheitsprüfung');
    const list = gate?.items.find((i) => i.id === 'upcoming_studies');
    expect(list?.rowLabel).toBe('Untersuchung');
    const plan = list?.fields?.find((f) => f.id === 'plan');
    expect(plan?.options?.map((o) => o.value)).toEqual([
      'other_scanner',
      'other_site',
      'deferred',
      'none_yet',
    ]);
    expect(plan?.options?.[0]?.label).toBe('Anderer Scanner hier');
    // Structure unchanged: the same ids in the same order, with the template's other fields.
    expect(sections.map((s) => s.items.map((i) => i.id))).toEqual(
      template.sections.map((s) => s.items.map((i) => i.id)),
    );
    expect(labels.get('Is a patient on the table, or is an acquisition running?')).toBe(
      'Liegt ein Patient auf dem Tisch, oder läuft eine Aufnahme?',
    );
    // The template itself is not changed.
    expect(template.sections[1]?.title).toBe('Patient-safety gate');
  });

  it('translates the labels a missing line quotes, and leaves other values', () => {
    const { labels } = localizeSections(template.sections, de);
    const line: MissingWords = {
      key: 'unanswered',
      params: { count: 2 },
      lists: {
        items: { items: [quoted('Daily QC passed'), quoted('Something typed')], join: 'and' },
      },
    };
    const localized = localizeMissing(line, labels);
    expect(localized.lists?.items?.items.map((w) => w.params?.text)).toEqual([
      'Tägliche Qualitätskontrolle bestanden',
      'Something typed',
    ]);
    // The English line the services record is built from the words given, unchanged.
    expect(englishMissing(line)).toContain('Daily QC passed');
  });

  it('leaves English as the template has it', () => {
    expect(playbookWords(template.id, template.version, 'en')).toBeUndefined();
    const { sections } = localizeSections(template.sections, undefined);
    expect(sections).toEqual(template.sections);
  });
});
