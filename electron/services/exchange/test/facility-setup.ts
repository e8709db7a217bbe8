import fs from 'node:fs';
import path from 'node:path';
import type { BundleImportReport } from '../../../api/domains/exchange';
import { demoIncident, type DemoIncident } from '../../cases/test/case-test-setup';
import { testOrganisation, testPassphrase } from '../../signing/test/test-identity';
import { call, enrol } from '../../stations/test/stations-setup';
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

/**
 * Three data folders: a command post holding the organisation identity and two enrolled floor
 * stations, each with the demo facility and an incident opened for ICSMA-17-215-02 over its own
 * devices. Whoever is signed in afterwards at each station is its incident commander.
 */
export async function startFacility(
  devices: { post: string[]; floors: [string, string[]][] } = {
    post: ['NM-0001'],
    floors: [
      ['NM laptop 2', ['NM-0003', 'NM-0007']],
      ['Biomed workstation', ['NM-0005']],
    ],
  },
): Promise<Facility> {
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
