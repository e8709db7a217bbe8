import { method } from '../define';

export const inventoryMethods = {};
void method;
