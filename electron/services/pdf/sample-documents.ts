import type { ChecklistEntry, PdfDocumentModel, SignOffEntry } from './model';

/**
 * Case-like documents for the layout and signature tests (the real one is case-document.ts): the
 * size of a real device case (8 checklist sections, 60 items, 6 sign-offs, 20 history lines),
 * names in several scripts, long text that must wrap, and one name DejaVu has no glyphs for.
 */
export const sampleNames = {
  latin: 'Zürich',
  polish: 'Łukasz Wójcik',
  danish: 'Ørsted',
  greek: 'Νικόλαος Παπαδόπουλος',
  cjk: '张伟',
} as const;

const people = [
  { name: 'Dr. Anna Müller', role: 'Clinical lead' },
  { name: sampleNames.polish, role: 'Clinical engineering (biomed)' },
  { name: 'Mette Ørsted', role: 'IT security' },
  { name: sampleNames.greek, role: 'Incident commander' },
  { name: 'Chloé Dubois-Lefèvre', role: 'Technologist' },
  { name: `Wei Zhang (${sampleNames.cjk})`, role: 'Clinical engineering (biomed)' },
];

const sections = [
  'Network exposure',
  'Patient-safety gate',
  'Backup before disconnecting',
  'Standalone operation',
  'Patching',
  'Verification',
  'Reconnecting',
  'Return to service',
];

const answers = [
  'Yes',
  'No',
  'Done',
  '3 studies',
  'Not applicable',
  'Yes — verified by restore test',
];

function entry(section: number, item: number, at: Date): ChecklistEntry {
  const who = people[(section + item) % people.length] ?? { name: '?' };
  const long =
    item === 2
      ? ' Confirm with the vendor service engineer that the remote-update window (engineer, start, end) is recorded, that ports 80/443 and 3465 TCP are filtered at the segment firewall, and that nothing reaches the device from the business network or the internet.'
      : '';
  return {
    item: `${sections[section] ?? ''}: check ${item + 1} of the playbook for this step.${long}`,
    answer: item === 6 ? '' : (answers[(section * 7 + item) % answers.length] ?? ''),
    by: item === 6 ? undefined : who.name,
    at: item === 6 ? undefined : new Date(at.getTime() + (section * 8 + item) * 60_000),
    note:
      item % 4 === 1
        ? `Note from ${who.name}: seen on site in ${sampleNames.latin}, room U1.23.`
        : undefined,
  };
}

/** A realistic device case document (about four pages). */
export function sampleCaseDocument(
  generatedAt: Date,
  options: { assetTag?: string } = {},
): PdfDocumentModel {
  const assetTag = options.assetTag ?? 'NM-PETCT-01';
  const entries = sections.map((_, s) =>
    Array.from({ length: s < 4 ? 8 : 7 }, (_, i) =>
      entry(s, i, new Date(generatedAt.getTime() - 86_400_000)),
    ),
  );
  const signOffs: SignOffEntry[] = people.map((p, i) => ({
    name: p.name,
    role: p.role,
    time: new Date(generatedAt.getTime() - (6 - i) * 3_600_000),
    statement:
      'I confirm that patient safety and treatment are not at risk from taking this device off the network.',
    status: i === 4 ? 'stale' : 'valid',
  }));
  const history = Array.from({ length: 20 }, (_, i) => [
    new Date(generatedAt.getTime() - (20 - i) * 1_800_000),
    ['at_risk', 'assessing', 'standalone', 'patching', 'verifying'][i % 5] ?? '',
    people[i % people.length]?.name ?? '',
    i === 3
      ? 'Deferred: injected patient waiting (F-18, 40 min left in the imaging window).'
      : 'State changed.',
  ]);
  return {
    // Not 'case': there is no such case in any database, so verify-pdf must not rebuild it.
    kind: 'sample.case',
    title: `Device case ${assetTag} — ICSMA-17-215-02 response`,
    subtitle: 'Siemens Biograph mCT (PET/CT), Windows 7, VG60A',
    facility: `Kantonsspital ${sampleNames.latin}-Nord (demo)`,
    generatedAt,
    timeZone: 'Europe/Zurich',
    subjects: [
      { entityType: 'case', entityId: '1' },
      { entityType: 'device', entityId: assetTag },
    ],
    auditReference: null,
    signatureReason: `Device case record for ${assetTag}, exported from Standalone`,
    blocks: [
      { kind: 'heading', text: 'Device' },
      {
        kind: 'keyValue',
        rows: [
          { key: 'Asset tag', value: assetTag },
          { key: 'Vendor / model', value: 'Siemens Healthineers · Biograph mCT Flow' },
          { key: 'Serial number', value: 'SN-10482-Ω' },
          {
            key: 'Location',
            value: `Campus Nord, Building B, floor U1, room U1.23 (${sampleNames.danish} wing)`,
          },
          { key: 'Operating system', value: 'Windows 7 SP1' },
          { key: 'Software version', value: 'VG60A' },
        ],
      },
      { kind: 'heading', text: 'Advisory' },
      {
        kind: 'keyValue',
        rows: [
          { key: 'Advisory', value: 'ICSMA-17-215-02, revision 2 (2017-08-10)' },
          { key: 'Verdict of the gate', value: 'clear', tone: 'ok' },
        ],
      },
      {
        kind: 'table',
        columns: [
          { header: 'CVE', weight: 22 },
          { header: 'CVSS v3', weight: 12 },
          { header: 'Summary', weight: 66 },
        ],
        rows: [
          [
            'CVE-2015-1635',
            '9.8',
            'HTTP.sys remote code execution over 80/443 TCP (unauthenticated).',
          ],
          ['CVE-2015-1497', '9.8', 'HP Client Automation remote code execution over 3465 TCP.'],
          ['CVE-2015-7861', '9.8', 'HP Client Automation remote code execution.'],
          ['CVE-2015-7860', '9.8', 'HP Client Automation remote code execution.'],
        ],
      },
      { kind: 'heading', text: 'Checklists' },
      ...sections.map((title, s) => ({
        kind: 'checklist' as const,
        title,
        entries: entries[s] ?? [],
      })),
      { kind: 'heading', text: 'Sign-offs' },
      { kind: 'signOffs', entries: signOffs },
      { kind: 'heading', text: 'History' },
      {
        kind: 'table',
        columns: [
          { header: 'Time', weight: 22 },
          { header: 'State', weight: 18 },
          { header: 'By', weight: 25 },
          { header: 'Note', weight: 35 },
        ],
        rows: history.map(([time, state, by, note]) => [
          [
            {
              text:
                time instanceof Date
                  ? time.toISOString().replace('T', ' ').slice(0, 16) + ' UTC'
                  : '',
            },
          ],
          String(state),
          String(by),
          String(note),
        ]),
      },
    ],
  };
}
