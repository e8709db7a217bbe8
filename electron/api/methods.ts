import type { z } from 'zod';
import type { MethodSpec } from './define';
import { advisoryMethods } from './domains/advisories';
import { backupMethods } from './domains/backup';
import { boardMethods } from './domains/board';
import { caseConflictMethods } from './domains/case-conflicts';
import { caseRequestMethods } from './domains/case-requests';
import { caseMethods } from './domains/cases';
import { demoMethods } from './domains/demo';
import { deviceMethods } from './domains/devices';
import { exchangeMethods } from './domains/exchange';
import { exportMethods } from './domains/exports';
import { incidentMethods } from './domains/incidents';
import { inventoryMethods } from './domains/inventory';
import { peopleMethods } from './domains/people';
import { reportMethods } from './domains/reports';
import { sessionMethods } from './domains/session';
import { signingMethods } from './domains/signing';
import { signoffMethods } from './domains/signoffs';
import { stationMethods } from './domains/stations';
import { systemMethods } from './domains/system';
import { threatMethods } from './domains/threats';

/** The one contract: every method of the API, its input schema and its result type. */
export const api = {
  ...systemMethods,
  ...deviceMethods,
  ...peopleMethods,
  ...sessionMethods,
  ...signoffMethods,
  ...inventoryMethods,
  ...advisoryMethods,
  ...signingMethods,
  ...backupMethods,
  ...incidentMethods,
  ...caseMethods,
  ...boardMethods,
  ...reportMethods,
  ...exportMethods,
  ...stationMethods,
  ...exchangeMethods,
  ...caseConflictMethods,
  ...caseRequestMethods,
  ...threatMethods,
  ...demoMethods,
} satisfies Record<string, MethodSpec>;

export type Api = typeof api;
export type MethodName = keyof Api;
export type InputOf<M extends MethodName> = z.input<Api[M]['input']>;
export type ParsedInputOf<M extends MethodName> = z.output<Api[M]['input']>;
export type ResultOf<M extends MethodName> = NonNullable<Api[M]['result']>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(api, name);
}
