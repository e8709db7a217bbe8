import type { deviceMethods } from '../../api/domains/devices';
import type { HandlerMap } from '../core/handler';
import { getDevice, listDevices } from './devices';

export const deviceHandlers: HandlerMap<keyof typeof deviceMethods> = {
  'devices.list': (input, { services }) => listDevices(services.db, input),
  'devices.get': ({ id }, { services }) => getDevice(services.db, id),
};
