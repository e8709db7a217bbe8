import { method } from '../define';

export const advisoryMethods = {};
void method;
