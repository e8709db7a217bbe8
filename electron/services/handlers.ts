import type { MethodName } from '../api/methods';
import { advisoryHandlers } from './advisories/handlers';
import { backupHandlers } from './backup/handlers';
import { boardHandlers } from './board/handlers';
import { caseHandlers } from './cases/handlers';
import type { HandlerMap } from './core/handler';
import { demoHandlers } from './demo/handlers';
import { deviceHandlers } from './devices/handlers';
import { caseConflictHandlers } from './exchange/case-conflict-handlers';
import { caseRequestHandlers } from './exchange/case-request-handlers';
import { exchangeHandlers } from './exchange/handlers';
import { exportHandlers } from './pdf/handlers';
import { incidentHandlers } from './incidents/handlers';
import { inventoryHandlers } from './inventory/handlers';
import { peopleHandlers } from './people/handlers';
import { reportHandlers } from './reports/handlers';
import { seedHandlers } from './seed/handlers';
import { signingHandlers } from './signing/handlers';
import { stationHandlers } from './stations/handlers';
import { systemHandlers } from './system/handlers';
import { threatHandlers } from './threats/handlers';

/** Every method's handler; the type makes a missing one a compile error. */
export const handlers: HandlerMap<MethodName> = {
  ...systemHandlers,
  ...deviceHandlers,
  ...peopleHandlers,
  ...inventoryHandlers,
  ...advisoryHandlers,
  ...signingHandlers,
  ...backupHandlers,
  ...incidentHandlers,
  ...caseHandlers,
  ...boardHandlers,
  ...reportHandlers,
  ...exportHandlers,
  ...stationHandlers,
  ...exchangeHandlers,
  ...caseConflictHandlers,
  ...caseRequestHandlers,
  ...threatHandlers,
  ...seedHandlers,
  ...demoHandlers,
};
