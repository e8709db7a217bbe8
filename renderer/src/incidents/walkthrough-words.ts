import type { TFunction } from 'i18next';
import type { WalkthroughReport } from '../../../electron/api/domains/demo';
import { gateSentence, type GateLookup } from '../../../electron/api/gate-words';

type WalkedCase = WalkthroughReport['cases'][number];

/**
 * Where the demo walkthrough left a device and why, in the station's language: the services send
 * the state and the gate's reason as catalogue words (their `story` is the English, for the CLI).
 */
export function walkthroughStory(t: TFunction, gate: GateLookup, c: WalkedCase): string {
  switch (c.state) {
    case 'deferred':
      // The state shows beside it: the reason alone says why.
      return c.reasonWords
        ? gateSentence(c.reasonWords, gate)
        : t('cases.incidents.walkthrough.story.deferredBlocked');
    case 'returned_to_service':
    case 'protected_connected':
    case 'standalone':
      return t(`cases.incidents.walkthrough.story.${c.state}`);
    default:
      return t(`cases.state.${c.state}`);
  }
}
