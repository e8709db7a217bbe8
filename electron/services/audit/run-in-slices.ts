/** Running a check written as a generator: at once, or a slice per turn of the event loop. */

export function runToEnd<T>(generator: Generator<void, T>): T {
  for (;;) {
    const next = generator.next();
    if (next.done) return next.value;
  }
}

/** Run a check a slice per turn of the event loop; `stop()` abandons it. */
export function runInSlices<T>(generator: Generator<void, T>): {
  done: Promise<T | null>;
  stop: () => void;
} {
  let stopped = false;
  const done = new Promise<T | null>((resolve, reject) => {
    const slice = () => {
      if (stopped) {
        generator.return(null as T);
        resolve(null);
        return;
      }
      try {
        const next = generator.next();
        if (next.done) resolve(next.value);
        else setImmediate(slice);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    setImmediate(slice);
  });
  return { done, stop: () => (stopped = true) };
}
