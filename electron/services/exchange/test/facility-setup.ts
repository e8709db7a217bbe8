import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { BundleImportReport } from '../../../api/domains/exchange';
import { anonymousActor, recordEvent } from '../../audit/record';
import { answerAll, demoIncident, type DemoIncident } from '../../cases/test/case-test-setup';
import * as given from '../../demo/walkthrough-answers';
import { testOrganisation, testPassphrase } from '../../signing/test/test-identity';
import { call, enrol } from '../../stations/test/stations-setup';
import { tableHash } from '../../test/hostile/table-hash';
import { signInAs, tempDir } from '../../test/temp-runtime';

/** A station of the facility: its demo incident, named, enrolled at the command post. */
export interface FacilityStation extends DemoIncident {
  name: string;
}

export interface Facility {
  post: FacilityStation;
  floors: FacilityStation[];
  /** The one folder every bundle goes through. */
  folder: string;
  cleanup(): void;
}

/** The devices each station's incident works: the command post's, and each floor's by name. */
export interface FacilityDevices {
  post: string[];
  floors: [string, string[]][];
}

const defaultDevices: FacilityDevices = {
  post: ['NM-0001'],
  floors: [
    ['NM laptop 2', ['NM-0003', 'NM-0007']],
    ['Biomed workstation', ['NM-0005']],
  ],
};

/** A facility's set-up takes minutes on a busy machine: so may each test of it. */
export const slow = { timeout: 300_000 };

/**
 * Three data folders: a command post holding the organisation identity and two enrolled floor
 * stations, each with the demo facility and an incident opened for ICSMA-17-215-02 over its own
 * devices. Whoever is signed in afterwards at each station is its incident commander.
 */
export async function startFacility(devices = defaultDevices): Promise<Facility> {
  const post: FacilityStation = { ...(await demoIncident(devices.post)), name: 'Command post' };
  await signInAs(post.rt, 'admin');
  await call(post.rt, 'signing.generate', {
    organisation: testOrganisation,
    passphrase: testPassphrase,
  });
  await call(post.rt, 'stations.init', { name: post.name });
  const floors: FacilityStation[] = [];
  for (const [name, tags] of devices.floors) {
    const floor: FacilityStation = { ...(await demoIncident(tags)), name };
    await signInAs(floor.rt, 'admin');
    await call(floor.rt, 'stations.init', { name });
    await signInAs(post.rt, 'admin');
    await enrol(post.rt, floor.rt);
    await signInAs(floor.rt, 'incident_commander');
    floors.push(floor);
  }
  await signInAs(post.rt, 'incident_commander');
  const folder = tempDir('standalone-facility-folder-');
  return {
    post,
    floors,
    folder: folder.dir,
    cleanup() {
      for (const s of [post, ...floors]) s.rt.cleanup();
      folder.cleanup();
    },
  };
}

/** What a test file's facility does before its first test. */
export interface FileFacilitySetup {
  devices?: FacilityDevices;
  /** Work done at the stations once they are enrolled, before the first exchange. */
  prepare?: () => Promise<void>;
  /** Whether every station exchanges bundles once before the first test (it does unless false). */
  exchange?: boolean;
}

export interface FileFacility extends Facility {
  /** The floor station named `name`. */
  floor(name: string): FacilityStation;
}

/**
 * The facility of one test file, started before its first test and removed after its last. Its
 * stations are the same objects throughout, filled in when the facility starts, so that the
 * file can name them at its top: `const laptop = f.floor('NM laptop 2')`.
 */
export function facilityForFile(setup: FileFacilitySetup = {}): FileFacility {
  const devices = setup.devices ?? defaultDevices;
  const unstarted = (name: string) => ({ name }) as FacilityStation;
  const f: FileFacility = {
    post: unstarted('Command post'),
    floors: devices.floors.map(([name]) => unstarted(name)),
    folder: '',
    cleanup() {},
    floor(name) {
      const found = f.floors.find((s) => s.name === name);
      if (!found) throw new Error(`no floor station ${name}`);
      return found;
    },
  };
  beforeAll(async () => {
    const started = await startFacility(devices);
    Object.assign(f.post, started.post);
    for (const s of started.floors) Object.assign(f.floor(s.name), s);
    f.folder = started.folder;
    f.cleanup = () => started.cleanup();
    await setup.prepare?.();
    if (setup.exchange !== false) await exchangeThroughFolder(f);
  }, 300_000);
  afterAll(() => f.cleanup());
  return f;
}

/** Each station writes its bundle into the folder and imports every bundle found there. */
export async function exchangeThroughFolder(
  facility: Facility,
  stations: FacilityStation[] = [...facility.floors, facility.post],
): Promise<Map<string, BundleImportReport>> {
  for (const s of stations) {
    await call(s.rt, 'exchange.export', { outDir: facility.folder });
  }
  const files = fs.readdirSync(facility.folder).map((f) => path.join(facility.folder, f));
  const reports = new Map<string, BundleImportReport>();
  for (const s of stations) {
    reports.set(s.name, await call(s.rt, 'exchange.import', { files }));
  }
  return reports;
}

/** A station's own ID, as its database holds it. */
export const stationId = (s: FacilityStation): string =>
  s.rt.services.db.prepare('SELECT station_id FROM station_self').pluck().get() as string;

/**
 * The device `assetTag`'s case at `s` taken to Assessing and its exposure answered "on the
 * clinical network, a protected segment available" by the technologist, who stays signed in.
 */
export async function assessAsExposed(s: FacilityStation, assetTag: string): Promise<number> {
  const caseId = s.caseOf(assetTag);
  await s.api.value('cases.transition', { caseId, target: 'assessing' });
  await answerExposed(s, caseId);
  return caseId;
}

/**
 * The technologist signs in at `s` and answers the exposure of case `caseId`, already in
 * Assessing: "on the clinical network, a protected segment available".
 */
export async function answerExposed(s: FacilityStation, caseId: number): Promise<void> {
  await signInAs(s.rt, 'technologist');
  await answerAll(
    s.api,
    caseId,
    'exposure_assessment',
    given.exposedOnClinicalNetwork('available'),
  );
}

/**
 * The commander at the command post chooses `holder` to keep the case of device `assetTag` that
 * two stations opened (the first conflict listed), and every station exchanges once.
 */
export async function chooseHolder(
  f: Facility,
  assetTag: string,
  trackingId: string,
  holder: FacilityStation,
): Promise<void> {
  const { conflicts } = await f.post.api.value('conflicts.list', { incidentId: f.post.incidentId });
  const chosen = conflicts[0]?.cases.find((c) => c.stationName === holder.name);
  if (!chosen) throw new Error(`no conflict over ${assetTag} with ${holder.name}`);
  await f.post.api.value('conflicts.choose', { assetTag, trackingId, stationId: chosen.stationId });
  await exchangeThroughFolder(f);
}

/** The answer to "Is a scan running on the device now?" of the patient-safety gate. */
export const answerScanRunning = (s: FacilityStation, caseId: number, running: boolean) =>
  s.api.value('cases.answer', {
    caseId,
    sectionId: 'patient_safety_gate',
    itemId: 'acquisition_running',
    value: running,
  });

/**
 * `from` records an answer to case `caseId` in its own chain and writes its bundle alone into
 * the folder `dirName` of the facility's; the command post imports it. Its outcomes, and the
 * command post's tables before and after.
 */
export async function importAnswerOf(
  f: Facility,
  from: FacilityStation,
  caseId: number,
  answer: { sectionId: string; itemId: string },
  dirName: string,
) {
  recordEvent({ services: from.rt.services }, anonymousActor, {
    action: 'case.answered',
    entityType: 'case',
    entityId: caseId,
    payload: answer,
  });
  const dir = path.join(f.folder, dirName);
  fs.mkdirSync(dir);
  const bundle = await call(from.rt, 'exchange.export', { outDir: dir });
  const before = tableHash(f.post.rt.services.db);
  const { outcomes } = await call(f.post.rt, 'exchange.import', { files: [bundle.file] });
  return { outcomes, before, after: tableHash(f.post.rt.services.db) };
}
