import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';

export const fixturesDir = path.resolve(import.meta.dirname, '..', '..', 'shared', 'fixtures');

const templates = (() => {
  const text = fs.readFileSync(path.join(fixturesDir, 'inventory', 'demo-hospital.csv'), 'utf8');
  const parsed = Papa.parse<string[]>(text.trim(), { skipEmptyLines: true });
  const [header, ...rows] = parsed.data;
  if (!header) throw new Error('demo-hospital.csv has no header');
  return { header, rows };
})();

/** Long free-text columns are left out so that 100,000 rows stay under the 20 MB file limit. */
const leftOut = new Set([
  'backup_method',
  'vendor_contact',
  'notes',
  'ae_title',
  'network_segment',
]);

const syntheticVendors = [
  'GE Healthcare',
  'Philips',
  'Siemens Healthineers',
  'Mindray',
  'Acme Medical',
  'BD',
];

/**
 * A generated inventory of `count` devices as CSV (the demo hospital's columns). 40% are copies of
 * the demo devices (so matching finds real matches), 60% are 3,000 other models of six vendors
 * (so the vendor index is exercised by models no advisory names). Asset tags, IP and MAC
 * addresses are unique; software versions vary.
 */
export function generateInventoryCsv(count: number): string {
  const { header, rows } = templates;
  const col = (name: string) => header.indexOf(name);
  const out: string[][] = [header];
  for (let i = 0; i < count; i++) {
    const template = rows[i % rows.length] ?? header;
    const row = [...template];
    row[col('asset_tag')] = `GEN-${String(i).padStart(6, '0')}`;
    row[col('ip_address')] = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
    row[col('mac_address')] =
      `02:00:00:${[(i >> 16) & 255, (i >> 8) & 255, i & 255].map((n) => n.toString(16).padStart(2, '0')).join(':')}`;
    row[col('hostname')] = `host-${i}`;
    if (i % 5 >= 2) {
      const k = (i * 7919) % 3000;
      row[col('vendor')] = syntheticVendors[k % syntheticVendors.length] ?? 'Acme Medical';
      row[col('model')] = `Series ${String.fromCharCode(65 + (k % 26))}${k}`;
      row[col('software_version')] = `${k % 9}.${k % 13}.${i % 4}`;
    } else if (i % 2 === 1) {
      row[col('software_version')] = `${template[col('software_version')]}`.replace(/\d+$/, (d) =>
        String(Number(d) + (i % 3)),
      );
    }
    out.push(row);
  }
  const keep = header.map((h, i) => (leftOut.has(h) ? -1 : i)).filter((i) => i >= 0);
  return Papa.unparse(
    out.map((r) => keep.map((i) => r[i] ?? '')),
    { newline: '\r\n' },
  );
}
