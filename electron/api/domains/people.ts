import { method } from '../define';

export const peopleMethods = {};
void method;
