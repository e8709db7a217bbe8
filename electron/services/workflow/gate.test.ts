import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogueLookup, englishGate, gateSentence } from '../../api/gate-words';
import de from '../../api/i18n/gate.de.json' with { type: 'json' };
import deMissing from '../../api/i18n/missing.de.json' with { type: 'json' };
import {
  missingCatalogueLookup,
  missingSentence,
  type MissingWords,
} from '../../api/missing-words';
import type { SectionAnswers } from '../playbooks/answers';
import { evaluatePatientSafetyGate, type GateEvaluation } from './gate';
import {
  clearGateAnswers,
  minutesAgo,
  minutesFromNow,
  now,
  radionuclideTable,
} from './test/workflow-fixtures';

const germanMissing = (words: MissingWords) =>
  missingSentence(words, missingCatalogueLookup(deMissing.missingWords), catalogueLookup(de, 'de'));

/** The gate's table, read against PRODUCT.md's "patient-safety gate". Times are UTC unless said. */

const gate = (changes: Record<string, unknown>, timeZone?: string): GateEvaluation =>
  evaluatePatientSafetyGate({ ...clearGateAnswers, ...changes }, now, radionuclideTable, {
    timeZone,
  });

const injected = (...patients: [string, number][]) => ({
  injected_patients_waiting: true,
  injected_patients: patients.map(([radionuclide, ago]) => ({
    radionuclide,
    injected_at: minutesAgo(ago),
  })),
});

const study = (minutesAhead: number, priority: string, plan: string, documented?: boolean) => ({
  scheduled_at: minutesFromNow(minutesAhead),
  priority,
  plan,
  ...(documented === undefined ? {} : { deferral_documented: documented }),
});

describe('the patient-safety gate', () => {
  it('is clear when nothing holds the device: no acquisition, nobody waiting, nothing booked, kit ready', () => {
    expect(gate({})).toEqual({
      verdict: 'clear',
      reasons: [],
      reasonWords: [],
      notes: [],
      noteWords: [],
      patients: [],
      missing: [],
      missingWords: [],
    });
  });

  it('is blocked while a patient is on the table or an acquisition is running', () => {
    expect(gate({ acquisition_running: true })).toMatchObject({
      verdict: 'blocked',
      reasons: [
        'A patient is on the table or an acquisition is running. Not now: finish the acquisition or stop it safely, with the data saved locally, then answer the gate again.',
      ],
    });
  });

  it('is blocked by a patient injected with F-18 30 minutes ago who is still waiting, with the numbers', () => {
    const result = gate(injected(['F-18', 30]));
    expect(result.verdict).toBe('blocked');
    expect(result.reasons).toEqual([
      'A patient injected with F-18 at 08:30 is still waiting: 30 min since injection (0.27 half-lives), 60 min left in the imaging window. Image or divert this patient first.',
    ]);
    const [patient] = result.patients;
    expect(patient).toMatchObject({
      row: 1,
      radionuclide: 'F-18',
      injectedAt: minutesAgo(30),
      halfLifeMinutes: 109.77,
      imagingWindowMinutes: 90,
      elapsedMinutes: 30,
      minutesLeftInWindow: 60,
      windowPassed: false,
    });
    expect(patient?.halfLivesElapsed).toBeCloseTo(30 / 109.77, 12);
    expect(patient?.remainingFraction).toBeCloseTo(2 ** (-30 / 109.77), 12);
    expect(patient?.remainingFraction).toBeCloseTo(0.8275, 3);
  });

  it('says the injection time in the facility time zone', () => {
    expect(gate(injected(['F-18', 30]), 'Europe/Zurich').reasons[0]).toContain(
      'injected with F-18 at 10:30 is still waiting',
    );
  });

  it('does not block for a patient injected 4 hours ago: the imaging window has passed', () => {
    const result = gate(injected(['F-18', 240]));
    expect(result.verdict).toBe('clear');
    expect(result.reasons).toEqual([]);
    expect(result.notes).toEqual([
      'A patient injected with F-18 at 05:00 is past the 90 min imaging window (4 h since injection). This does not hold the device; follow the site protocol for this patient.',
    ]);
    expect(result.patients[0]).toMatchObject({ windowPassed: true, minutesLeftInWindow: -150 });
  });

  it('is blocked by a Tc-99m patient injected 3 hours ago: half a half-life, an hour of the window left', () => {
    const result = gate(injected(['Tc-99m', 180]));
    expect(result.reasons).toEqual([
      'A patient injected with Tc-99m at 06:00 is still waiting: 3 h since injection (0.50 half-lives), 60 min left in the imaging window. Image or divert this patient first.',
    ]);
    expect(result.patients[0]?.remainingFraction).toBeCloseTo(2 ** (-180 / 360.4), 12);
  });

  it('orders waiting patients "image or divert first": least time left in the window first', () => {
    const result = gate(injected(['Tc-99m', 60], ['F-18', 80], ['Ga-68', 50], ['F-18', 300]));
    expect(
      result.patients.map((p) => [p.row, p.radionuclide, Math.round(p.minutesLeftInWindow)]),
    ).toEqual([
      [2, 'F-18', 10],
      [3, 'Ga-68', 40],
      [1, 'Tc-99m', 180],
      [4, 'F-18', -210],
    ]);
    expect(result.reasons).toEqual([
      'A patient injected with F-18 at 07:40 is still waiting: 80 min since injection (0.73 half-lives), 10 min left in the imaging window. Image or divert this patient first.',
      'A patient injected with Ga-68 at 08:10 is still waiting: 50 min since injection (0.74 half-lives), 40 min left in the imaging window. Then image or divert this patient (number 2 of 3).',
      'A patient injected with Tc-99m at 08:00 is still waiting: 60 min since injection (0.17 half-lives), 3 h left in the imaging window. Then image or divert this patient (number 3 of 3).',
    ]);
    expect(result.notes).toHaveLength(1);
    // The case page and the PDFs say the same in German from the same words.
    const german = catalogueLookup(de, 'de');
    expect(result.reasonWords.map((w) => gateSentence(w, german))[1]).toBe(
      'Eine mit Ga-68 um 08:10 injizierte Person wartet noch: 50 min seit der Injektion (0,74 Halbwertszeiten), 40 min bleiben im Aufnahmefenster. Untersuchen oder verlegen Sie diese Person danach (Nr. 2 von 3).',
    );
    expect(result.reasonWords.map((w) => gateSentence(w, englishGate))).toEqual(result.reasons);
    expect(gateSentence(result.noteWords[0] ?? { key: 'and', params: {} }, german)).toMatch(
      /^Eine mit F-18 um .+ injizierte Person hat das Aufnahmefenster von .+ überschritten/,
    );
  });

  it('is blocked by a radionuclide the site table does not know: the time left cannot be computed', () => {
    const result = evaluatePatientSafetyGate(
      { ...clearGateAnswers, ...injected(['F-18', 30]) },
      now,
      {
        ...radionuclideTable,
        radionuclides: radionuclideTable.radionuclides.filter((r) => r.radionuclide !== 'F-18'),
      },
    );
    expect(result.reasons).toEqual([
      "A patient injected with F-18 at 08:30 is waiting, but F-18 is not in the site's radionuclide table, so the time left cannot be computed. Image or divert this patient first, or ask an administrator to add F-18.",
    ]);
  });

  it('is blocked by a study with no alternative yet', () => {
    const result = gate({
      studies_upcoming: true,
      upcoming_studies: [study(90, 'urgent', 'none_yet')],
    });
    expect(result).toMatchObject({
      verdict: 'blocked',
      reasons: [
        'An urgent study at 10:30 has no alternative yet: move it to another scanner or site, or document a deferral.',
      ],
    });
  });

  it('accepts another scanner, another site, or a documented deferral; not an undocumented one', () => {
    const studies = [
      study(30, 'urgent', 'other_scanner'),
      study(60, 'routine', 'other_site'),
      study(120, 'routine', 'deferred', true),
    ];
    expect(gate({ studies_upcoming: true, upcoming_studies: studies }).verdict).toBe('clear');
    const undocumented = gate({
      studies_upcoming: true,
      upcoming_studies: [study(120, 'routine', 'deferred', false)],
    });
    expect(undocumented.reasons).toEqual([
      'A scheduled study at 11:00 is deferred, but the deferral is not documented yet: document it (referrer informed) before disconnecting.',
    ]);
  });

  it('is blocked when the downtime kit is not ready, naming what it lacks', () => {
    const result = gate({ paper_orders_ready: false, local_image_reading_ready: false });
    expect(result).toMatchObject({
      verdict: 'blocked',
      reasons: [
        'The downtime kit is not ready: it lacks paper orders and a way to read images locally. Prepare the kit before disconnecting.',
      ],
    });
  });

  it('is incomplete while any answer is missing, and lists them', () => {
    const result = evaluatePatientSafetyGate(
      {
        acquisition_running: false,
        injected_patients_waiting: true,
        injected_patients: [{ radionuclide: 'F-18' }],
        studies_upcoming: true,
      },
      now,
      radionuclideTable,
    );
    expect(result).toEqual({
      verdict: 'incomplete',
      reasons: [],
      reasonWords: [],
      notes: [],
      noteWords: [],
      patients: [],
      missing: [
        'Injected patient 1: the injection time is unanswered.',
        'Studies are booked: add each one with its time, priority and alternative or deferral.',
        "'Downtime kit: paper orders ready' is unanswered.",
        "'Downtime kit: downtime log ready' is unanswered.",
        "'Downtime kit: a way to read images locally' is unanswered.",
      ],
      missingWords: expect.any(Array),
    });
    // The same lines in German, from the words the case page reads.
    expect(result.missingWords.map(germanMissing)).toEqual([
      'Injizierte Person 1: Die Injektionszeit ist unbeantwortet.',
      'Untersuchungen sind geplant: Erfassen Sie jede mit Zeit, Priorität und Alternative oder Zurückstellung.',
      '„Ausfallset: Papieraufträge bereit“ ist unbeantwortet.',
      '„Ausfallset: Ausfallprotokoll bereit“ ist unbeantwortet.',
      '„Ausfallset: Bilder lokal befundbar“ ist unbeantwortet.',
    ]);
  });

  it('is blocked rather than incomplete when a reason to wait is already known, still listing the gaps', () => {
    const result = evaluatePatientSafetyGate({ acquisition_running: true }, now, radionuclideTable);
    expect(result.verdict).toBe('blocked');
    expect(result.missing).toHaveLength(5);
  });

  it('refuses anything but radionuclide and injection time in a patient row: no names, no record numbers', () => {
    const result = gate({
      injected_patients_waiting: true,
      injected_patients: [
        { radionuclide: 'F-18', injected_at: minutesAgo(200), name: 'Jane Doe', mrn: '00123456' },
      ],
    });
    expect(result.verdict).toBe('incomplete');
    expect(result.missing).toEqual([
      'Injected patient 1 holds fields the gate does not ask for (name, mrn): remove them. No patient names or record numbers.',
    ]);
  });

  it('questions an injection time later than now (beyond a few minutes of clock difference)', () => {
    expect(gate(injected(['F-18', -3])).reasons[0]).toContain(
      '0 min since injection (0.00 half-lives), 90 min left',
    );
    expect(gate(injected(['F-18', -30])).missing).toEqual([
      'Injected patient 1: the injection time (09:30) is later than now; check it.',
    ]);
  });

  it('needs at least one patient when patients are said to be waiting', () => {
    expect(gate({ injected_patients_waiting: true, injected_patients: [] })).toMatchObject({
      verdict: 'incomplete',
      missing: [
        'Injected patients are waiting: add each one with its radionuclide and injection time.',
      ],
    });
  });

  it('ignores rows left behind when the answer is changed to "nobody waiting"', () => {
    expect(
      gate({
        injected_patients_waiting: false,
        injected_patients: [{ radionuclide: 'F-18', injected_at: minutesAgo(10) }],
      }).verdict,
    ).toBe('clear');
  });
});

describe('the gate on any input', () => {
  const gateKeys = [
    'acquisition_running',
    'injected_patients_waiting',
    'injected_patients',
    'studies_upcoming',
    'upcoming_studies',
    'paper_orders_ready',
    'downtime_log_ready',
    'local_image_reading_ready',
  ];
  const value = fc.oneof(
    fc.boolean(),
    fc.jsonValue(),
    fc.array(
      fc.record(
        {
          radionuclide: fc.constantFrom('F-18', 'Tc-99m', 'Xx-1', ''),
          injected_at: fc
            .date({
              min: new Date('2017-08-02T00:00:00Z'),
              max: new Date('2017-08-04T00:00:00Z'),
              noInvalidDate: true,
            })
            .map((d) => d.toISOString()),
          scheduled_at: fc.constant(minutesFromNow(30)),
          priority: fc.constantFrom('urgent', 'routine', 'soon'),
          plan: fc.constantFrom('other_scanner', 'other_site', 'deferred', 'none_yet', 'later'),
          deferral_documented: fc.boolean(),
        },
        { requiredKeys: [] },
      ),
      { maxLength: 60 },
    ),
  );
  const answers = fc.dictionary(
    fc.constantFrom(...gateKeys),
    value,
  ) as fc.Arbitrary<SectionAnswers>;

  it('never throws, and its verdict always agrees with its reasons and gaps', () => {
    fc.assert(
      fc.property(answers, (given) => {
        const result = evaluatePatientSafetyGate(given, now, radionuclideTable);
        if (result.verdict === 'clear') expect([...result.reasons, ...result.missing]).toEqual([]);
        if (result.verdict === 'blocked') expect(result.reasons.length).toBeGreaterThan(0);
        if (result.verdict === 'incomplete') {
          expect(result.reasons).toEqual([]);
          expect(result.missing.length).toBeGreaterThan(0);
        }
        const left = result.patients.map((p) =>
          p.windowPassed ? Infinity : p.minutesLeftInWindow,
        );
        expect(left).toEqual([...left].sort((a, b) => a - b));
      }),
      { numRuns: 300 },
    );
  });
});
