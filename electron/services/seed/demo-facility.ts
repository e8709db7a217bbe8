import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { DemoLoadReport } from '../../api';
import { deviceFieldsSchema } from '../../api/domains/devices';
import { loadBundledAdvisories } from '../advisories/bundled';
import { mutate, type CallContext } from '../core/context';
import { ServiceError } from '../core/errors';
import { countDevices, insertDevice } from '../devices/devices';
import { assertNoRealUsers } from '../people/demo-accounts';
import { insertDemoUsers, prepareDemoUsers } from '../people/demo-users';
import { setSetting } from '../settings/settings';
import { installDemoIdentity } from '../signing/identity';

const facilitySchema = z.object({
  name: z.string().min(1),
  site: z.string().min(1),
  timezone: z.string(),
});

function readResource<T>(file: string, schema: z.ZodType<T>): T {
  const text = fs.readFileSync(file, 'utf8');
  const parsed = schema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new Error(`Shipped resource ${file} is invalid: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

export async function loadDemoFacility(ctx: CallContext): Promise<DemoLoadReport> {
  const dir = path.join(ctx.services.resourcesDir, 'demo');
  const facility = readResource(path.join(dir, 'facility.json'), facilitySchema);
  const devices = readResource(path.join(dir, 'devices.json'), z.array(deviceFieldsSchema));
  const demoUsers = await prepareDemoUsers(dir);
  const { db, clock } = ctx.services;
  const report = mutate(ctx, () => {
    assertNoRealUsers(db);
    if (countDevices(db) > 0) {
      throw new ServiceError(
        'conflict',
        'The demo facility can only be loaded into an empty database; this one already holds devices.',
      );
    }
    const now = clock.now().toISOString();
    for (const device of devices) insertDevice(db, device, now);
    const users = insertDemoUsers(db, demoUsers, now);
    setSetting(db, 'facility', facility);
    setSetting(db, 'demo', { loadedAt: now });
    return {
      value: { devicesAdded: devices.length, advisoriesAdded: 0, facility: facility.name },
      audit: {
        action: 'demo.loaded',
        entityType: 'facility',
        entityId: null,
        payload: { facility: facility.name, devices: devices.length, users },
      },
    };
  });
  // The bundled advisories (ICSMA-17-215-01/-02) and the matches they give, each audited.
  const advisories = await loadBundledAdvisories(ctx);
  // The demo's PDFs can be exported at once, each page marked DEMO (passphrase in the README).
  await installDemoIdentity(ctx, facility.name);
  return { ...report, advisoriesAdded: advisories.imported };
}
