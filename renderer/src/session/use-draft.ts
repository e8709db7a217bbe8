import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../api/client';
import { draftHasEntries } from './draft-content';
import { registerDraftFlush } from './draft-registry';

type DraftValue = Record<string, string | number | boolean | null | string[]>;

export interface DraftState<T extends DraftValue> {
  value: T;
  /** Change some fields; saved (debounced) as the signed-in user's draft under the key. */
  update(patch: Partial<T>): void;
  /** After the form was submitted: forget the draft here and in the services. */
  clear(): void;
  /** 'restored' when a saved draft was loaded on mount (the form says so). */
  state: 'loading' | 'idle' | 'saving' | 'saved' | 'restored';
}

const saveDelayMs = 400;

/**
 * What the user is typing in a form, kept as a draft in the services (drafts.save/get/clear) so
 * it survives an idle lock or a hand over and back. Keys name the form and its subject, e.g.
 * `case:42:checklist`; the value is a flat object of the form's fields.
 */
export function useDraft<T extends DraftValue>(key: string, initial: T): DraftState<T> {
  const [value, setValue] = useState<T>(initial);
  const [state, setState] = useState<DraftState<T>['state']>('loading');
  const latest = useRef<T | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const initialRef = useRef(initial);

  const save = useCallback(async () => {
    if (timer.current !== undefined) clearTimeout(timer.current);
    timer.current = undefined;
    const toSave = latest.current;
    if (toSave === undefined) return;
    latest.current = undefined;
    // A draft cleared back to nothing is dropped rather than kept to be "restored" later.
    if (!draftHasEntries(toSave, initialRef.current)) {
      await call('drafts.clear', { key });
      setState('idle');
      return;
    }
    const result = await call('drafts.save', { key, value: toSave });
    setState(result.ok ? 'saved' : 'idle');
  }, [key]);

  useEffect(() => {
    let mounted = true;
    void call('drafts.get', { key }).then((result) => {
      if (!mounted) return;
      const draft = result.ok ? (result.value.draft?.value as Partial<T> | undefined) : undefined;
      const restored = { ...initialRef.current, ...draft };
      if (draft && draftHasEntries(restored, initialRef.current)) {
        setValue(restored);
        setState('restored');
      } else setState('idle');
    });
    const unregister = registerDraftFlush(save);
    return () => {
      mounted = false;
      unregister();
      // Unmounting (a lock, leaving the page) writes what is pending rather than dropping it.
      void save();
    };
  }, [key, save]);

  const update = useCallback(
    (patch: Partial<T>) => {
      setValue((previous) => {
        const next = { ...previous, ...patch };
        latest.current = next;
        return next;
      });
      setState('saving');
      if (timer.current !== undefined) clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), saveDelayMs);
    },
    [save],
  );

  const clear = useCallback(() => {
    if (timer.current !== undefined) clearTimeout(timer.current);
    latest.current = undefined;
    setValue(initialRef.current);
    setState('idle');
    void call('drafts.clear', { key });
  }, [key]);

  return { value, update, clear, state };
}
