import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | undefined;

/** A full garbage collection now (V8's `gc`, exposed on first use when the process lacks it). */
export function collectGarbage(): void {
  if (!collect) {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (exposed) collect = exposed;
    else {
      v8.setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as () => void;
    }
  }
  collect();
}

/**
 * For long loops that make and drop large object graphs (a batch of PDFs): V8 lets garbage pile
 * up in the old generation to a limit several times the live heap before it collects, and the
 * pages it grew into stay with the process afterwards. Collecting whenever the heap has grown by
 * `slackBytes` since the last collection keeps the process's memory near what is live, at the
 * cost of one full collection (tens of milliseconds) per that much garbage.
 */
export function heapKeeper(slackBytes = 32 * 1024 * 1024): { tick(): void } {
  let floor = v8.getHeapStatistics().used_heap_size;
  return {
    tick() {
      if (v8.getHeapStatistics().used_heap_size - floor < slackBytes) return;
      collectGarbage();
      floor = v8.getHeapStatistics().used_heap_size;
    },
  };
}
