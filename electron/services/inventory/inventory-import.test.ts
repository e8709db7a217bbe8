import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../api/client';
import { deviceFieldNames } from '../../api/domains/inventory';
import type { InputOf, MethodName } from '../../api/methods';
import { fixturesDir, signInAs, startSignedIn, type TestRuntime } from '../test/temp-runtime';

const demoCsv = fs.readFileSync(path.join(fixturesDir, 'inventory/demo-hospital.csv'), 'utf8');
const messyCsv = fs.readFileSync(path.join(fixturesDir, 'inventory/messy-cmms-export.csv'), 'utf8');

let rt: TestRuntime;
beforeEach(async () => (rt = await startSignedIn('biomed')));
afterEach(() => rt.cleanup());

/** The value of a call that must succeed, typed from the API map. */
const call: ApiClient['value'] = (method, input) => rt.client().value(method, input);
async function refusal<M extends MethodName>(method: M, input: InputOf<M>): Promise<string> {
  const r = await rt.client().call(method, input);
  if (r.ok) throw new Error(`${method} was expected to fail`);
  return r.error.message;
}
const importCsv = (content: string, extra: object = {}) =>
  call('inventory.import', { fileName: 'inventory.csv', content, ...extra });
const deviceCount = () =>
  rt.services.db.prepare('SELECT count(*) FROM devices').pluck().get() as number;
const device = (assetTag: string) =>
  rt.services.db.prepare('SELECT * FROM devices WHERE asset_tag = ?').get(assetTag) as
    Record<string, unknown> | undefined;
const auditCount = (action: string) =>
  rt.services.db
    .prepare(`SELECT count(*) FROM audit_events WHERE body LIKE ?`)
    .pluck()
    .get(`%"action":"${action}"%`) as number;

describe('inventory import', () => {
  it('imports the clean demo export, then reports every device unchanged on re-import', async () => {
    const first = await importCsv(demoCsv);
    expect(first).toMatchObject({
      written: true,
      added: 35,
      updated: 0,
      unchanged: 0,
      skipped: [],
      errors: [],
    });
    expect(deviceCount()).toBe(35);
    expect(device('NM-PETCT-01')).toMatchObject({
      vendor: 'Siemens Healthineers',
      model: 'Biograph mCT Flow',
      family: 'PET/CT',
      os_name: 'Windows 7',
      criticality: 'high',
      remote_update_capable: 1,
      service_contact: 'Service contract SC-20931',
    });
    expect(device('NM-SPECT-01')).toMatchObject({
      remote_update_capable: 0,
      notes: 'Scheduled for replacement',
    });
    const again = await importCsv(demoCsv);
    expect(again).toMatchObject({ written: true, added: 0, updated: 0, unchanged: 35 });
    // One audit event per import, with counts and the file's hash; not one per row.
    expect(auditCount('inventory.imported')).toBe(2);
    const event = rt.services.db
      .prepare(
        `SELECT body FROM audit_events WHERE body LIKE '%inventory.imported%' ORDER BY id LIMIT 1`,
      )
      .pluck()
      .get() as string;
    expect(JSON.parse(event).payload).toMatchObject({
      added: 35,
      sha256: first.fileSha256,
      fileName: 'inventory.csv',
    });
  });

  it('updates devices by asset tag, touching only the mapped columns', async () => {
    await importCsv(demoCsv);
    const changed =
      'asset_tag,software_version\r\nNM-PETCT-01,VG70A\r\nNM-PETCT-02,VJ30A\r\nNEW-01,1.0\r\n';
    const r = await importCsv(changed);
    expect(r).toMatchObject({ added: 1, updated: 1, unchanged: 1 });
    expect(device('NM-PETCT-01')).toMatchObject({
      software_version: 'VG70A',
      model: 'Biograph mCT Flow',
    });
    expect(device('NEW-01')).toMatchObject({ software_version: '1.0', vendor: null });
  });

  it('refuses the messy export as a whole, with one message per bad row (spreadsheet row numbers)', async () => {
    const r = await importCsv(messyCsv);
    expect(r.written).toBe(false);
    expect(r.errors.map((e) => [e.row, e.column])).toEqual([
      [6, 'Asset #'], // missing asset tag
      [7, 'Asset #'], // NM-0101 again
      [9, 'IP'], // 10.20.300.51
      [12, null], // an extra column
    ]);
    expect(r.errors[1]?.message).toMatch(/NM-0101 is already used in row 2/);
    expect(r.errors[2]?.message).toMatch(/10\.20\.300\.51/);
    expect(deviceCount()).toBe(0);
    expect(auditCount('inventory.imported')).toBe(0);
  });

  it('imports the messy export’s valid rows with skipInvalid and reports the skipped ones', async () => {
    const r = await importCsv(messyCsv, { skipInvalid: true });
    expect(r).toMatchObject({ written: true, added: 8, updated: 0, unchanged: 0, errors: [] });
    expect(r.skipped.map((p) => p.row)).toEqual([6, 7, 9, 12]);
    // BOM, semicolons, CRLF, quoted line break, the vendor spelled several ways, text kept as text.
    expect(device('NM-0101')).toMatchObject({
      vendor: 'SIEMENS',
      model: 'Biograph mCT',
      os_name: 'Win7 SP1',
      room: 'Bldg A / Rm A1-120',
      notes: 'oncology; primary',
    });
    expect(device('RAD-0203')?.notes).toBe('multi-line\nnote inside quotes');
    expect(device('RAD-0204')?.notes).toBe('=HYPERLINK("http://example.invalid","click")');
    expect(device('ICU-0401')).toMatchObject({ notes: 'Zürich loaner unit', os_name: null });
    expect(device('LAB-0301')).toBeUndefined();
  });

  it('previews without writing: delimiter, headers, suggested mapping, first rows and problems', async () => {
    const p = await call('inventory.preview', {
      fileName: 'messy.csv',
      content: messyCsv,
    });
    expect(p).toMatchObject({
      delimiter: ';',
      hasByteOrderMark: true,
      rowCount: 12,
      validRowCount: 8,
      wouldAdd: 8,
    });
    expect(p.suggestedMapping).toEqual({
      'Asset #': 'assetTag',
      Mfr: 'vendor',
      'Model Name': 'model',
      'Device Type': 'family',
      Serial: 'serialNumber',
      'Operating System': 'osName',
      'SW Rev': 'softwareVersion',
      IP: 'ipAddress',
      Location: 'room',
      Dept: 'department',
      Notes: 'notes',
    });
    expect(p.sampleRows[0]).toEqual({
      row: 2,
      cells: expect.arrayContaining(['NM-0101', 'SIEMENS']) as unknown,
    });
    expect(p.sampleRows.find((r) => r.row === 10)?.cells[10]).toBe(
      'multi-line\nnote inside quotes',
    );
    expect(p.problems.map((e) => e.row)).toEqual([6, 7, 9, 12]);
    expect(deviceCount()).toBe(0);

    // The user changes the mapping: ignore the IP column, and the IP problem is gone.
    const changed = await call('inventory.preview', {
      fileName: 'messy.csv',
      content: messyCsv,
      mapping: { IP: null },
    });
    expect(changed.problems.map((e) => e.row)).toEqual([6, 7, 12]);
    expect(changed.mapping.IP).toBeNull();

    // A mapping the import would refuse is a problem of the preview, so the user can fix it there.
    const noTag = await call('inventory.preview', {
      fileName: 'messy.csv',
      content: messyCsv,
      mapping: { 'Asset #': null },
    });
    expect(noTag).toMatchObject({
      validRowCount: 0,
      wouldAdd: 0,
      problemCount: 1,
      headers: p.headers,
    });
    expect(noTag.problems[0]).toMatchObject({ row: 1, column: null });
    expect(noTag.problems[0]?.message).toMatch(/mapped to the asset tag/);
    expect(noTag.mapping['Asset #']).toBeNull();
  });

  it('reads comma, semicolon and tab files, LF or CRLF, with or without a BOM', async () => {
    const rows = [
      ['Asset Tag', 'Manufacturer', 'Model', 'Notes'],
      ['A-1', 'Philips', 'IntelliVue MX450', 'has, comma; and semicolon'],
      ['A-2', 'GE', 'LOGIQ E10', 'line one\nline two'],
    ];
    for (const [delimiter, eol, bom] of [
      [',', '\n', ''],
      [';', '\r\n', '\uFEFF'],
      ['\t', '\r\n', ''],
    ] as const) {
      const text = bom + rows.map((r) => r.map((c) => `"${c}"`).join(delimiter)).join(eol) + eol;
      const p = await call('inventory.preview', {
        fileName: 'x.csv',
        content: text,
      });
      expect(p.delimiter).toBe(delimiter);
      expect(p.problems).toEqual([]);
      const r = await importCsv(text);
      expect(r.errors).toEqual([]);
    }
    expect(device('A-2')?.notes).toBe('line one\nline two');
    expect(device('A-1')?.notes).toBe('has, comma; and semicolon');
  });

  it('validates every row: formats, enumerations, lengths, and says where', async () => {
    const csv = [
      'asset_tag,ip_address,mac_address,clinical_criticality,remote_update_capable,ae_title',
      'OK-1,fd00::11,00-1B-44-11-3A-B7,High,Yes,AE1',
      'BAD-1,10.1.1,00:1B:44:11:3A,urgent,maybe,THIS_AE_TITLE_IS_TOO_LONG',
      'BAD-2,010.1.1.1,,,,',
    ].join('\n');
    const r = await importCsv(csv);
    expect(r.written).toBe(false);
    expect(r.errors.map((e) => `${e.row} ${e.column}`)).toEqual([
      '3 ip_address',
      '3 mac_address',
      '3 clinical_criticality',
      '3 remote_update_capable',
      '3 ae_title',
      '4 ip_address',
    ]);
    expect(r.errors[2]?.message).toMatch(/critical, high, medium, low/);
    expect(r.errors[4]?.message).toMatch(/at most 16/);
  });

  it('refuses what it cannot read: no asset tag column, a mapping naming a missing column, duplicate headers, an unclosed quote', async () => {
    expect(
      await refusal('inventory.import', { fileName: 'x.csv', content: 'name,ip\na,1.2.3.4\n' }),
    ).toMatch(/mapped to the asset tag/);
    expect(
      await refusal('inventory.import', {
        fileName: 'x.csv',
        content: demoCsv,
        mapping: { 'Asset No': 'assetTag' },
      }),
    ).toMatch(/names "Asset No", which x.csv does not have/);
    expect(
      await refusal('inventory.import', {
        fileName: 'x.csv',
        content: demoCsv,
        mapping: { vendor: 'model', model: 'model' },
      }),
    ).toMatch(/one field to several columns \("vendor", "model"\)/);
    expect(
      await refusal('inventory.import', { fileName: 'x.csv', content: 'tag,tag\n1,2\n' }),
    ).toMatch(/more than one column called "tag"/);
    expect(await refusal('inventory.import', { fileName: 'x.csv', content: '' })).toMatch(
      /no header row/,
    );
    const unclosed = await importCsv('asset_tag,notes\nA-1,"never closed\nA-2,ok\n');
    expect(unclosed.written).toBe(false);
    expect(unclosed.errors[0]).toMatchObject({ row: 2, column: null });
    expect(
      await refusal('inventory.import', { fileName: 'x.csv', content: 'asset_tag\nA\u0000B\n' }),
    ).toMatch(/binary/);
    expect(
      await refusal('inventory.import', { fileName: 'x.csv', content: 'asset_tag\nZ\uFFFDrich\n' }),
    ).toMatch(/UTF-8/);
    expect(
      await refusal('inventory.import', { fileName: 'x.csv', content: 'asset_tag\nA\uD800B\n' }),
    ).toMatch(/not valid Unicode/);
    expect(deviceCount()).toBe(0);
  });

  it('refuses a file over 20 MB before parsing', async () => {
    const message = await refusal('inventory.import', {
      fileName: 'big.csv',
      content: 'x'.repeat(20 * 1024 * 1024 + 1),
    });
    expect(message).toMatch(/larger than 20 MB/);
  });

  it('is refused to a technologist', async () => {
    await signInAs(rt, 'technologist');
    const r = await rt.client().call('inventory.import', { fileName: 'x.csv', content: demoCsv });
    expect(r.ok).toBe(false);
  });
});

describe('inventory export', () => {
  it('writes CSV that neutralises formulas and imports again unchanged', async () => {
    await importCsv(messyCsv, { skipInvalid: true });
    rt.services.db
      .prepare(
        `UPDATE devices SET model = '+1 555', serial_number = '-12', room = '@SUM(A1)', department = '\tTab' WHERE asset_tag = 'NM-0102'`,
      )
      .run();
    // papaparse's own escapeFormulae misses a formula followed by a line break, and full-width forms.
    rt.services.db
      .prepare(`UPDATE devices SET building = ?, floor = ? WHERE asset_tag = 'NM-0102'`)
      .run('=1+1\nB', '\uFF1DSUM(A1)');
    const csv = await call('inventory.export', { format: 'csv' });
    expect(csv).toMatchObject({ deviceCount: 8, mediaType: 'text/csv' });
    expect(csv.content.startsWith('\uFEFFasset_tag,vendor,model,product_family')).toBe(true);
    expect(csv.content).toContain(`"'=HYPERLINK(""http://example.invalid"",""click"")"`);
    for (const cell of [
      `"'+1 555"`,
      `"'-12"`,
      `"'@SUM(A1)"`,
      `"'\tTab"`,
      `"'=1+1\nB"`,
      `"'\uFF1DSUM(A1)"`,
    ])
      expect(csv.content).toContain(cell);
    // No cell of the export starts with a formula character.
    for (const line of csv.content.split('\r\n')) {
      for (const cell of line.split(','))
        expect(cell.replace(/^"/, '')).not.toMatch(/^[=+\-@\t\r]/);
    }
    const again = await importCsv(csv.content);
    expect(again).toMatchObject({ written: true, added: 0, updated: 0, unchanged: 8 });
    expect(device('RAD-0204')?.notes).toBe('=HYPERLINK("http://example.invalid","click")');
  });

  it('writes JSON with every device field', async () => {
    await importCsv(demoCsv);
    const json = await call('inventory.export', { format: 'json' });
    const body = JSON.parse(json.content) as { format: string; devices: Record<string, unknown>[] };
    expect(body.format).toBe('standalone-inventory');
    expect(body.devices).toHaveLength(35);
    expect(Object.keys(body.devices[0] ?? {}).sort()).toEqual([...deviceFieldNames].sort());
    const page = await call('devices.list', { limit: 1 });
    expect(page.total).toBe(35);
  });
});
