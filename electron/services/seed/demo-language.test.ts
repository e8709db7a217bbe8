import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Language } from '../../api/languages';
import { testNow } from '../cases/test/case-test-setup';
import { repoRoot, startTestRuntime, testOperator, type TestRuntime } from '../test/temp-runtime';
import { demoTextFields, demoWordsFile } from '../demo/demo-words';

/**
 * The demo hospital is Swiss: a German-speaking station that loads the demo gets its free text
 * (departments, segments, notes, the walkthrough's reasons and typed answers) in German; English
 * stays the default, so everything else keeps its words.
 */

const resources = path.join(repoRoot, 'resources');
const devicesFile = path.join(resources, 'demo', 'devices.json');
const shippedDevices = JSON.parse(fs.readFileSync(devicesFile, 'utf8')) as Record<
  string,
  unknown
>[];
const german = JSON.parse(fs.readFileSync(demoWordsFile(resources, 'de'), 'utf8')) as Record<
  string,
  string
>;

let rt: TestRuntime | undefined;
afterEach(() => {
  rt?.cleanup();
  rt = undefined;
});

async function loadDemo(language?: Language) {
  rt?.cleanup();
  rt = startTestRuntime(testNow);
  const cli = rt.client(testOperator);
  await cli.value('demo.load', language ? { language } : {});
  return cli;
}

async function device(cli: Awaited<ReturnType<typeof loadDemo>>, assetTag: string) {
  const { devices } = await cli.value('devices.list', { search: assetTag, limit: 5 });
  const found = devices.find((d) => d.assetTag === assetTag);
  if (!found) throw new Error(`The demo has no ${assetTag}`);
  return found;
}

describe('the demo in the loading station’s language', () => {
  it('has German words for every free text of the demo devices', () => {
    const texts = shippedDevices.flatMap((d) =>
      demoTextFields.map((f) => d[f]).filter((v): v is string => typeof v === 'string'),
    );
    expect(texts.length).toBeGreaterThan(100);
    expect(texts.filter((t) => german[t] === undefined)).toEqual([]);
  });

  it('loads the devices’ departments, segments and notes in German for a German station', async () => {
    const cli = await loadDemo('de');
    const petCt = await device(cli, 'NM-0001');
    expect(petCt).toMatchObject({
      department: 'Nuklearmedizin',
      networkSegment: 'VLAN 210 Modalitäten Nuklearmedizin',
      room: 'Ørsted-Saal (PET/CT 1)',
      model: 'Biograph mCT',
    });
    expect(petCt.notes).toContain('Haupt-PET/CT der Onkologie');
    const { devices } = await cli.value('devices.list', { limit: 100 });
    const departments = [...new Set(devices.map((d) => d.department))].sort();
    expect(departments).toEqual([
      'Intensivmedizin',
      'Kardiologie',
      'Labor',
      'Nuklearmedizin',
      'Radiologie',
      'Spitalapotheke',
    ]);
    expect(await cli.value('audit.verify', {})).toMatchObject({ ok: true });
  });

  it('gives a German station German device types, matching the same devices as in English', async () => {
    const types = async (cli: Awaited<ReturnType<typeof loadDemo>>) => {
      const { devices } = await cli.value('devices.list', { limit: 100 });
      return new Map(devices.map((d) => [d.assetTag, d.family]));
    };
    const matched = async (cli: Awaited<ReturnType<typeof loadDemo>>) => {
      const { matches } = await cli.value('matches.list', { limit: 500 });
      return matches.map((m) => `${m.trackingId} ${m.assetTag} ${m.productId} ${m.confidence}`);
    };
    const english = await loadDemo('en');
    const englishTypes = await types(english);
    const englishMatches = await matched(english);
    const inGerman = await loadDemo('de');
    const germanTypes = await types(inGerman);
    expect(germanTypes.get('ICU-0001')).toBe('Patientenmonitor');
    expect(germanTypes.get('ICU-0003')).toBe('Infusionspumpe');
    expect(germanTypes.get('RAD-0006')).toBe('Ultraschall');
    expect(germanTypes.get('LAB-0001')).toBe('Sequenzierer');
    expect(germanTypes.get('PHA-0001')).toBe('Medikamentenschrank');
    expect(germanTypes.get('NM-0007')).toBe('Arbeitsplatz');
    expect(germanTypes.get('NM-0001')).toBe('PET/CT');
    expect(englishTypes.get('ICU-0001')).toBe('Patient monitor');
    // Every English type has its German word; only those that read alike ("PET/CT") stay.
    const leftEnglish = [...germanTypes.values()].filter(
      (t) => t !== null && german[t] !== t && [...englishTypes.values()].includes(t),
    );
    expect(leftEnglish).toEqual([]);
    // The matcher reads the model, not the type's words: the same devices match in both languages.
    expect(englishMatches.length).toBeGreaterThan(0);
    expect(await matched(inGerman)).toEqual(englishMatches);
  });

  it('stays English by default and when asked for English', async () => {
    for (const language of [undefined, 'en'] as const) {
      const cli = await loadDemo(language);
      expect(await device(cli, 'NM-0001')).toMatchObject({
        department: 'Nuclear medicine',
        networkSegment: 'VLAN 210 Nuclear medicine modalities',
      });
    }
  });

  it('refuses a language it has no words for, loading nothing', async () => {
    const runtime = startTestRuntime(testNow);
    rt = runtime;
    const cli = runtime.client(testOperator);
    const refused = await cli.call('demo.load', { language: 'fr' } as never);
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((await cli.value('devices.list', {})).total).toBe(0);
  });

  it('walks the German demo through in German: incident, reasons and typed answers', async () => {
    const cli = await loadDemo('de');
    const report = await cli.value('demo.walkthrough', {});
    expect(report).toMatchObject({ incidentName: 'Reaktion auf ICSMA-17-215-02', auditOk: true });
    const incidents = await cli.value('incidents.list', {});
    expect(incidents.map((i) => i.name)).toEqual(['Reaktion auf ICSMA-17-215-02']);
    const { matches } = await cli.value('matches.list', { status: 'confirmed' });
    expect(matches.length).toBeGreaterThan(0);
    for (const m of matches) expect(m.decision?.reason).toMatch(/^Am Gerät geprüft: .+\.$/);

    const petCt = report.cases.find((c) => c.assetTag === 'NM-0001');
    const detail = await cli.value('cases.get', { caseId: petCt?.caseId ?? 0 });
    const answers = new Map(
      detail.template.sections.flatMap((s) => s.items.map((i) => [i.id, i.answer?.value])),
    );
    expect(answers.get('segment_name')).toBe('VLAN 40 Klinik');
    expect(answers.get('recovery_media_location')).toBe('Medizintechnik, Schrank B2');
    expect(answers.get('onsite_engineer')).toBe('Siemens Healthineers, Servicetechniker (Demo)');
    // A second run finds its German-named incident and refuses, as in English.
    expect(await cli.call('demo.walkthrough', {})).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
  });
});
