import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../api/client';
import { sampleDevice, type DeviceFields } from '../test/sample-inputs';
import { fixturesDir, startSignedIn, type TestRuntime } from '../test/temp-runtime';

/**
 * The real ICSMA-20-170-04 (Baxter Spectrum): "v8.x model 35700BAX2", "v9.x model 35700BAX3".
 * A pump recorded as model 35700BAX2 running 9.0 is neither; its device page (matches.explain)
 * says why for each product, and a 35700BAX2 on 8.x is a high-confidence match.
 */

let rt: TestRuntime;
/** The value of a call that must succeed, typed from the API map. */
const call: ApiClient['value'] = (method, input) => rt.client().value(method, input);

/** A Baxter pump recorded with what each test names: no family, modality or operating system. */
const pump = (assetTag: string, fields: Partial<DeviceFields>) =>
  sampleDevice(assetTag, {
    vendor: 'Baxter',
    family: null,
    modality: null,
    osName: null,
    osVersion: null,
    ...fields,
  });

/** The device's matches and the reasons it is not matched, as its device page reads them. */
async function page(assetTag: string, fields: Partial<DeviceFields>) {
  const d = await call('devices.create', pump(assetTag, fields));
  await call('matches.run', {});
  const { matches } = await call('matches.list', { deviceId: d.id });
  const why = await call('matches.explain', { deviceId: d.id });
  return { matches, why: why.flatMap((w) => w.reasons).join('\n') };
}

beforeAll(async () => {
  rt = await startSignedIn('biomed');
  const file = path.join(fixturesDir, 'csaf/icsma-20-170-04.json');
  await call('advisories.import', {
    fileName: path.basename(file),
    content: fs.readFileSync(file, 'utf8'),
  });
}, 120_000);
afterAll(() => rt.cleanup());

describe('Baxter Spectrum 35700BAX2 on v9.0 against the real ICSMA-20-170-04', () => {
  it('is not matched, and the device page says why for the 8.x and the 9.x products', async () => {
    const { matches, why } = await page('INF-BAX2-9', {
      model: 'Spectrum 35700BAX2',
      softwareVersion: '9.0',
    });
    expect(matches).toEqual([]);
    expect(why).toContain('9.0 is not a v8.x version');
    expect(why).toContain('covers “v8.x model 35700BAX2”, so the device is not affected');
    expect(why).toContain(
      "is model 35700BAX3, and the device's record says model 35700BAX2, another variant",
    );
  });

  it('reads the model number from the serial number or the notes as well', async () => {
    const { matches, why } = await page('INF-BAX2-9-SERIAL', {
      model: 'Sigma Spectrum',
      serialNumber: '35700BAX2-0931',
      softwareVersion: '9.0',
      notes: 'model 35700BAX2',
    });
    expect(matches).toEqual([]);
    expect(why).toContain("the device's record says model 35700BAX2");
  });

  it('matches a 35700BAX2 on 8.02 with high confidence, naming the model number', async () => {
    const { matches } = await page('INF-BAX2-8', {
      model: 'Spectrum 35700BAX2',
      softwareVersion: '8.02',
    });
    expect(matches.map((m) => [m.productName, m.confidence])).toEqual([
      ['Baxter Spectrum: v8.x model 35700BAX2', 'high'],
    ]);
    expect(matches[0]?.reasons).toContain(
      'Model number: 35700BAX2, which the advisory names, is recorded on the device.',
    );
  });

  it('leaves the LVP on 9.0 at medium: the battery module it needs is not recorded', async () => {
    const { matches } = await page('INF-LVP-9', {
      model: 'Spectrum LVP 35700BAX2',
      softwareVersion: 'v9.0',
    });
    expect(matches.map((m) => m.confidence)).toEqual(['medium']);
    expect(matches[0]?.reasons.join(' ')).toContain('with Wireless Battery Module');
  });
});
