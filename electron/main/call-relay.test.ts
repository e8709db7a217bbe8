import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ToServices } from '../services/host-protocol';
import { createCallRelay, parseServicesMessage } from './call-relay';

type CallMessage = Extract<ToServices, { type: 'call' }>;

function setup(timeoutMs = 60_000) {
  const sent: CallMessage[] = [];
  const relay = createCallRelay({
    timeoutMs,
    send: (message) => {
      if (message.type === 'call') sent.push(message);
    },
  });
  const lastId = () => {
    const last = sent.at(-1);
    if (!last) throw new Error('nothing was sent');
    return last.id;
  };
  return { relay, sent, lastId };
}

describe('createCallRelay', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends each call with its own id and resolves it with the matching result', async () => {
    const { relay, sent } = setup();
    const first = relay.call('app.info', {});
    const second = relay.call('db.check', { full: true });
    expect(sent.map((m) => [m.method, m.input])).toEqual([
      ['app.info', {}],
      ['db.check', { full: true }],
    ]);
    const [a, b] = sent;
    if (!a || !b) throw new Error('both calls should have been sent');
    expect(a.id).not.toBe(b.id);
    // Answers may arrive in any order.
    relay.settle(b.id, { ok: true, value: 'second' });
    relay.settle(a.id, { ok: true, value: 'first' });
    await expect(first).resolves.toEqual({ ok: true, value: 'first' });
    await expect(second).resolves.toEqual({ ok: true, value: 'second' });
    expect(relay.pendingCount).toBe(0);
  });

  it('passes error results through unchanged', async () => {
    const { relay, lastId } = setup();
    const call = relay.call('devices.get', { id: 9 });
    const error = {
      ok: false as const,
      error: { code: 'not_found' as const, message: 'No device 9' },
    };
    relay.settle(lastId(), error);
    await expect(call).resolves.toEqual(error);
  });

  it('answers with an internal error when the services do not answer in time', async () => {
    const { relay, lastId } = setup(60_000);
    const call = relay.call('app.info', {});
    const id = lastId();
    vi.advanceTimersByTime(59_999);
    expect(relay.pendingCount).toBe(1);
    vi.advanceTimersByTime(1);
    const result = await call;
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('internal');
      expect(result.error.message).toMatch(/app\.info timed out after 60 s/);
    }
    // A late answer is ignored, not delivered to anyone.
    relay.settle(id, { ok: true, value: 'late' });
    expect(relay.pendingCount).toBe(0);
  });

  it('drains waiting calls on shutdown and refuses new ones', async () => {
    const { relay, sent } = setup();
    const waiting = [relay.call('a', {}), relay.call('b', {})];
    relay.drain('Standalone is closing.');
    for (const result of await Promise.all(waiting)) {
      expect(result).toEqual({
        ok: false,
        error: { code: 'internal', message: 'Standalone is closing.' },
      });
    }
    const after = await relay.call('c', {});
    expect(after.ok).toBe(false);
    expect(sent.map((m) => m.method)).toEqual(['a', 'b']);
    expect(relay.pendingCount).toBe(0);
    // No timer is left behind to fire later.
    expect(vi.getTimerCount()).toBe(0);
  });

  it('answers at once when the message cannot be sent', async () => {
    const relay = createCallRelay({
      send: () => {
        throw new Error('process is gone');
      },
    });
    const result = await relay.call('app.info', {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/could not be sent.*process is gone/);
    expect(relay.pendingCount).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('parseServicesMessage', () => {
  it.each([
    [{ type: 'ready', dataDir: '/data' }],
    [{ type: 'fatal', error: { code: 'db_corrupt', message: 'The database is damaged' } }],
    [{ type: 'result', id: 3, result: { ok: true, value: 1 } }],
    [{ type: 'result', id: 4, result: { ok: false, error: { code: 'internal', message: 'x' } } }],
  ])('accepts %j', (message) => {
    expect(parseServicesMessage(message)).toEqual(message);
  });

  it.each([
    [null],
    ['ready'],
    [{}],
    [{ type: 'ready' }],
    [{ type: 'fatal', error: 'boom' }],
    [{ type: 'result', id: '3', result: { ok: true } }],
    [{ type: 'result', id: 3 }],
    [{ type: 'call', id: 1, method: 'x', input: {} }],
  ])('rejects %j', (message) => {
    expect(parseServicesMessage(message)).toBeNull();
  });
});
