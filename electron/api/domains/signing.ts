import { method } from '../define';

export const signingMethods = {};
void method;
