export * from './result';
export * from './define';
export * from './methods';
export type * from './domains/system';
export type * from './domains/devices';
export type * from './domains/demo';
export { criticalities } from './domains/devices';

import type { InputOf, MethodName, ResultOf } from './methods';
import type { Result } from './result';

/** The surface the preload (Electron) and browser mode's bridge expose as window.standalone. */
export interface StandaloneBridge {
  call<M extends MethodName>(method: M, input: InputOf<M>): Promise<Result<ResultOf<M>>>;
  /** Where this surface comes from: the Electron preload or browser mode. */
  transport: 'electron' | 'browser';
}
