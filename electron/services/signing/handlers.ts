import type { signingMethods } from '../../api/domains/signing';
import type { HandlerMap } from '../core/handler';
import {
  exportCertificate,
  generateIdentity,
  importIdentity,
  lockIdentity,
  signingStatus,
  unlockIdentity,
} from './identity';

export const signingHandlers: HandlerMap<keyof typeof signingMethods> = {
  'signing.status': (_input, { services }) => signingStatus(services),
  'signing.generate': (input, ctx) => generateIdentity(ctx, input),
  'signing.importP12': (input, ctx) => importIdentity(ctx, input),
  'signing.exportCertificate': ({ format }, { services }) => exportCertificate(services, format),
  'signing.unlock': ({ passphrase }, ctx) => unlockIdentity(ctx, passphrase),
  'signing.lock': (_input, ctx) => lockIdentity(ctx),
};
