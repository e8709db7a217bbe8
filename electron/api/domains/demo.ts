import { z } from 'zod';
import { method } from '../define';
import { languages } from '../languages';
import { empty } from '../schemas';
import type { GateWords } from '../gate-words';
import type { CaseState } from './cases';

/** The demo facility: its devices, demo users and advisories, and the scripted walkthrough. */

export interface DemoLoadReport {
  devicesAdded: number;
  advisoriesAdded: number;
  facility: string;
  /** An earlier load was cut short: this call finished its missing steps (no devices added). */
  resumed: boolean;
}

export interface WalkthroughReport {
  incidentId: number;
  incidentName: string;
  /** Where each demo device was left, and why. */
  cases: {
    caseId: number;
    assetTag: string;
    trackingId: string;
    state: CaseState;
    /** Where it was left and why, in English (the CLI prints it). */
    story: string;
    /** The gate's first reason as catalogue words, for a deferred case in the reader's language. */
    reasonWords: GateWords | null;
  }[];
  /** Every step taken, in order, as "who: what". */
  steps: string[];
  auditOk: boolean;
  auditEventCount: number;
}

export const demoMethods = {
  'demo.load': method<DemoLoadReport>()(
    z
      .object({
        /** The loading station's language: the demo's free text (departments, notes, the
         * walkthrough's reasons) is written in it. English when absent. */
        language: z.enum(languages).optional(),
      })
      .strict(),
    'Load the demo facility (devices and bundled advisories) into an empty database, or finish a load that was cut short; its free text in `language` (en or de, default en).',
  ),
  'demo.walkthrough': method<WalkthroughReport>()(
    empty,
    'On the demo facility: open the "ICSMA-17-215-02 response" incident and take four devices through the workflow as the demo users.',
  ),
};
