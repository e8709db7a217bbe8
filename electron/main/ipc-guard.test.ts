import { describe, expect, it } from 'vitest';
import { isTrustedIpcSender, type IpcSenderFacts } from './ipc-guard';

const ours: IpcSenderFacts = {
  fromOurWindow: true,
  isMainFrame: true,
  frameUrl: 'app://standalone/index.html',
};

describe('isTrustedIpcSender: calls only from the app page in our window', () => {
  it('accepts the top frame of our window on the app origin', () => {
    expect(isTrustedIpcSender(ours)).toBe(true);
    expect(isTrustedIpcSender({ ...ours, frameUrl: 'app://standalone/#/devices' })).toBe(true);
  });

  it.each<[string, Partial<IpcSenderFacts>]>([
    ['a window we did not create', { fromOurWindow: false }],
    ['an iframe inside our page', { isMainFrame: false }],
    ['a frame that is already gone', { frameUrl: undefined }],
    ['no frame at all', { frameUrl: null }],
    ['a remote page', { frameUrl: 'https://example.org/' }],
    ['a local file', { frameUrl: 'file:///tmp/evil.html' }],
    ['a data: page', { frameUrl: 'data:text/html,hi' }],
    ['another app host', { frameUrl: 'app://other/index.html' }],
    ['a look-alike URL', { frameUrl: 'https://evil.example/app://standalone/' }],
    ['about:blank', { frameUrl: 'about:blank' }],
  ])('refuses %s', (_label, change) => {
    expect(isTrustedIpcSender({ ...ours, ...change })).toBe(false);
  });
});
