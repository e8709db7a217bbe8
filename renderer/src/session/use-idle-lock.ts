import { useEffect, useRef } from 'react';
import { call } from '../api/client';

const activityEvents = ['keydown', 'pointerdown', 'wheel'] as const;
/** Tell the services about activity at most this often, so their own idle check agrees. */
const touchEveryMs = 30_000;

/**
 * Lock the station after `idleMinutes` without keyboard or pointer activity. Uses timers and
 * Date.now only, so tests can drive it with a fake clock instead of waiting minutes.
 */
export function useIdleLock(
  active: boolean,
  idleMinutes: number,
  lock: (reason: 'idle') => Promise<void>,
) {
  const lockRef = useRef(lock);
  useEffect(() => {
    lockRef.current = lock;
  }, [lock]);

  useEffect(() => {
    if (!active) return;
    const idleMs = idleMinutes * 60_000;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastTouch = Date.now();
    const arm = () => {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => void lockRef.current('idle'), idleMs);
    };
    const onActivity = () => {
      arm();
      const now = Date.now();
      if (now - lastTouch >= touchEveryMs) {
        lastTouch = now;
        void call('session.touch', {});
      }
    };
    arm();
    for (const name of activityEvents) window.addEventListener(name, onActivity, true);
    return () => {
      if (timer !== undefined) clearTimeout(timer);
      for (const name of activityEvents) window.removeEventListener(name, onActivity, true);
    };
  }, [active, idleMinutes]);
}
