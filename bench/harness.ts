import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The target, e.g. '≥ 50000' or '≤ 3000'. */
  target?: string;
  met?: boolean;
}

export interface BenchSuite {
  name: string;
  run(): Promise<Figure[]> | Figure[];
}

export function benchDir(): { dir: string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'standalone-bench-'));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export function time<T>(fn: () => T): { ms: number; value: T } {
  const start = process.hrtime.bigint();
  const value = fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

/** `time` for work that awaits: the import, export and restore benches. */
export async function timeAsync<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

export function figure(
  name: string,
  value: number,
  unit: string,
  target?: { atLeast?: number; atMost?: number },
): Figure {
  const rounded = Math.round(value * 100) / 100;
  if (!target) return { name, value: rounded, unit };
  const met =
    target.atLeast !== undefined ? value >= target.atLeast : value <= (target.atMost ?? Infinity);
  const text = target.atLeast !== undefined ? `≥ ${target.atLeast}` : `≤ ${target.atMost}`;
  return { name, value: rounded, unit, target: text, met };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
