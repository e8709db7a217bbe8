import type { MethodName, ParsedInputOf, ResultOf } from '../../api/methods';
import type { CallContext } from './context';

export type Handler<M extends MethodName> = (
  input: ParsedInputOf<M>,
  ctx: CallContext,
) => ResultOf<M> | Promise<ResultOf<M>>;

/** Each domain exports the handlers of its own methods; the compiler checks none is missing. */
export type HandlerMap<K extends MethodName> = { [M in K]: Handler<M> };
