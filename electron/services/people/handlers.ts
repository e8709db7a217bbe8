import type { peopleMethods } from '../../api/domains/people';
import type { sessionMethods } from '../../api/domains/session';
import type { signoffMethods } from '../../api/domains/signoffs';
import type { CallContext, SignedInUser } from '../core/context';
import { wordedError } from '../core/errors';
import type { HandlerMap } from '../core/handler';
import {
  changeSecuritySettings,
  createFirstAdmin,
  createUser,
  getSecuritySettings,
  resetCredential,
  unlockUser,
  updateUser,
} from './accounts';
import { clearDraft, getDraft, listDrafts, saveDraft } from './drafts';
import {
  changeCredential,
  handOver,
  lockSession,
  sessionStatus,
  signIn,
  signOut,
  touchSession,
  unlockSession,
} from './session';
import { giveSignoff, listSignoffs } from './signoffs';
import { listUsers, toAccount, toSummary } from './users';

type PeopleMethod =
  keyof typeof peopleMethods | keyof typeof sessionMethods | keyof typeof signoffMethods;

/** The dispatcher admits only signed-in users to these; this only narrows the type. */
function signedIn(ctx: CallContext): SignedInUser {
  if (!ctx.user) throw wordedError('unauthenticated', 'signInToContinue');
  return ctx.user;
}

export const peopleHandlers: HandlerMap<PeopleMethod> = {
  'people.createFirstAdmin': (input, ctx) => createFirstAdmin(ctx, input),
  'people.list': ({ includeInactive }, { services }) =>
    listUsers(services.db, includeInactive ?? true).map(toAccount),
  'people.create': (input, ctx) => createUser(ctx, input),
  'people.update': (input, ctx) => updateUser(ctx, input),
  'people.resetCredential': (input, ctx) => resetCredential(ctx, input),
  'people.unlock': ({ id }, ctx) => unlockUser(ctx, id),
  'settings.getSecurity': (_input, { services }) => getSecuritySettings(services.db),
  'settings.setSecurity': (input, ctx) => changeSecuritySettings(ctx, input),

  'session.status': (_input, { services }) => sessionStatus(services),
  'session.listUsers': (_input, { services }) => listUsers(services.db, false).map(toSummary),
  'session.signIn': (input, ctx) => signIn(ctx, input),
  'session.signOut': (_input, ctx) => signOut(ctx),
  'session.handOver': (input, ctx) => handOver(ctx, input),
  'session.lock': ({ reason }, ctx) => lockSession(ctx, reason ?? 'manual'),
  'session.unlock': ({ secret }, ctx) => unlockSession(ctx, secret),
  'session.touch': (_input, ctx) => touchSession(ctx),
  'session.changeCredential': (input, ctx) => changeCredential(ctx, input),

  'drafts.save': ({ key, value }, ctx) =>
    saveDraft(
      ctx.services.db,
      signedIn(ctx).id,
      key,
      value,
      ctx.services.clock.now().toISOString(),
    ),
  'drafts.get': ({ key }, ctx) => ({ draft: getDraft(ctx.services.db, signedIn(ctx).id, key) }),
  'drafts.list': (_input, ctx) => listDrafts(ctx.services.db, signedIn(ctx).id),
  'drafts.clear': ({ key }, ctx) => ({
    cleared: clearDraft(ctx.services.db, signedIn(ctx).id, key),
  }),

  'signoffs.sign': (input, ctx) => giveSignoff(ctx, input),
  'signoffs.list': (input, { services }) => listSignoffs(services.db, input),
};
