import type { deviceMethods } from '../../api/domains/devices';
import type { HandlerMap } from '../core/handler';
import { createDevice, getDevice, listDevices, updateDevice } from './devices';
import { deviceFacets } from './facets';

export const deviceHandlers: HandlerMap<keyof typeof deviceMethods> = {
  'devices.list': (input, { services }) => listDevices(services.db, input),
  'devices.facets': (_input, { services }) => deviceFacets(services.db),
  'devices.get': ({ id }, { services }) => getDevice(services.db, id),
  'devices.create': (input, ctx) => createDevice(ctx, input),
  'devices.update': ({ id, changes }, ctx) => updateDevice(ctx, id, changes),
};
