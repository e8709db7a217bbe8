import type { z } from 'zod';
import type { MethodSpec } from './define';
import { advisoryMethods } from './domains/advisories';
import { deviceMethods } from './domains/devices';
import { inventoryMethods } from './domains/inventory';
import { peopleMethods } from './domains/people';
import { signingMethods } from './domains/signing';
import { systemMethods } from './domains/system';

/** The one contract: every method of the API, its input schema and its result type. */
export const api = {
  ...systemMethods,
  ...deviceMethods,
  ...peopleMethods,
  ...inventoryMethods,
  ...advisoryMethods,
  ...signingMethods,
} satisfies Record<string, MethodSpec>;

export type Api = typeof api;
export type MethodName = keyof Api;
export type InputOf<M extends MethodName> = z.input<Api[M]['input']>;
export type ParsedInputOf<M extends MethodName> = z.output<Api[M]['input']>;
export type ResultOf<M extends MethodName> = NonNullable<Api[M]['result']>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(api, name);
}
