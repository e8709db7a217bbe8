import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { DemoLoadReport } from '../../api';
import type { Language } from '../../api/languages';
import { deviceFieldsSchema } from '../../api/domains/devices';
import { loadBundledAdvisories } from '../advisories/bundled';
import { mutate, type CallContext } from '../core/context';
import { wordedError } from '../core/errors';
import { countDevices, insertDevice } from '../devices/devices';
import { assertNoRealUsers } from '../people/demo-accounts';
import { insertDemoUsers, prepareDemoUsers } from '../people/demo-users';
import { getFacility } from '../settings/facility';
import { setSetting } from '../settings/settings';
import { installDemoIdentity } from '../signing/identity';
import { allDemoLoadSteps, unfinishedDemoSteps, type DemoLoadStep } from './demo-progress';
import { demoWords, deviceInLanguage } from '../demo/demo-words';

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

const demoFacility = (resourcesDir: string) =>
  readResource(path.join(resourcesDir, 'demo', 'facility.json'), facilitySchema);

/**
 * The first part of the demo load, in one transaction: the devices, the demo accounts and the
 * facility and `demo` settings. Refused unless the database is empty (and has no real people).
 * The devices' free text is in `language` (the loading station's), kept in the `demo` setting
 * for the walkthrough.
 */
export async function commitDemoFacility(
  ctx: CallContext,
  language: Language = 'en',
): Promise<DemoLoadReport> {
  const dir = path.join(ctx.services.resourcesDir, 'demo');
  const facility = demoFacility(ctx.services.resourcesDir);
  const words = demoWords(ctx.services.resourcesDir, language);
  const devices = readResource(path.join(dir, 'devices.json'), z.array(deviceFieldsSchema)).map(
    (device) => deviceInLanguage(device, words),
  );
  const demoUsers = await prepareDemoUsers(dir);
  const { db, clock } = ctx.services;
  return mutate(ctx, () => {
    assertNoRealUsers(db);
    if (countDevices(db) > 0) {
      throw wordedError('conflict', 'demoNeedsEmpty');
    }
    const now = clock.now().toISOString();
    for (const device of devices) insertDevice(db, device, now);
    const users = insertDemoUsers(db, demoUsers, now);
    setSetting(db, 'facility', facility);
    setSetting(db, 'demo', { loadedAt: now, language });
    return {
      value: {
        devicesAdded: devices.length,
        advisoriesAdded: 0,
        facility: facility.name,
        resumed: false,
      },
      audit: {
        action: 'demo.loaded',
        entityType: 'facility',
        entityId: null,
        payload: { facility: facility.name, devices: devices.length, users },
      },
    };
  });
}

/**
 * The later parts, each its own audited transaction, so a process killed between them leaves
 * the demo unfinished (see demo-progress.ts); `steps` are those still to do.
 */
async function finishDemoLoad(
  ctx: CallContext,
  facility: string,
  steps: readonly DemoLoadStep[],
): Promise<number> {
  let advisoriesAdded = 0;
  if (steps.includes('advisories') || steps.includes('matches')) {
    // The bundled advisories (ICSMA-17-215-01/-02) and the matches they give, each audited.
    advisoriesAdded = (await loadBundledAdvisories(ctx)).imported;
  }
  // The demo's PDFs can be exported at once, each page marked DEMO (passphrase in the README).
  if (steps.includes('identity')) await installDemoIdentity(ctx, facility);
  return advisoriesAdded;
}

/**
 * Load the demo facility into an empty database; or, when an earlier load was cut short (the
 * process killed after its first transaction), finish the steps it did not reach. The demo
 * accounts exist by then, so only the demo administrator (the only administrator there can be
 * beside demo accounts) or the command line may do so; a complete demo is refused as before.
 */
export async function loadDemoFacility(
  ctx: CallContext,
  language: Language = 'en',
): Promise<DemoLoadReport> {
  const { db, resourcesDir } = ctx.services;
  const unfinished = unfinishedDemoSteps(db, resourcesDir);
  if (unfinished.length > 0) {
    assertNoRealUsers(db);
    const facility = getFacility(db)?.name ?? demoFacility(resourcesDir).name;
    const advisoriesAdded = await finishDemoLoad(ctx, facility, unfinished);
    return { devicesAdded: 0, advisoriesAdded, facility, resumed: true };
  }
  const report = await commitDemoFacility(ctx, language);
  const advisoriesAdded = await finishDemoLoad(ctx, report.facility, allDemoLoadSteps);
  return { ...report, advisoriesAdded };
}
