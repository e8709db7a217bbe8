import { z } from 'zod';

/** Shared field schemas: bounded, trimmed strings so that no input can be unbounded. */
export const text = (max = 500) => z.string().max(max);
export const name = (max = 200) => z.string().trim().min(1).max(max);
export const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const empty = z.object({}).strict();
export const limit = z.number().int().min(1).max(100_000);
export const offset = z.number().int().min(0).max(10_000_000);

/** A date and time with its time zone (ISO 8601), as people and stations exchange them. */
export const isoDateTime = z
  .string()
  .max(40)
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/,
    'a date and time with its time zone, like 2017-08-03T08:00:00+02:00',
  );
