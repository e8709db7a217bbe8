import { useState } from 'react';

/** What a form lacks, field by field: the words to show, or null when the field is fine. */
export type Missing<K extends string> = Record<K, string | null>;

export interface MissingCheck<K extends string> {
  /** On submit: from now on each field shows what it lacks; true when nothing does. */
  submitted(): boolean;
  /** The words for one field, once the form has been submitted (an untouched form is no error). */
  at(key: K): string | null;
}

/**
 * Every form says what is missing at the field when it is submitted, rather than greying its
 * button or doing nothing: the form lists its checks, this keeps whether it was submitted.
 */
export function useMissing<K extends string>(missing: Missing<K>): MissingCheck<K> {
  const [tried, setTried] = useState(false);
  return {
    submitted() {
      setTried(true);
      return Object.values<string | null>(missing).every((words) => words === null);
    },
    at: (key) => (tried ? missing[key] : null),
  };
}
