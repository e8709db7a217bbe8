import type { MatchableDevice } from '../types';

let nextId = 1;

/** A device as the matcher reads it: what the test names, every other field unknown (null). */
export function matchableDevice(d: Partial<MatchableDevice>): MatchableDevice {
  const id = nextId++;
  return {
    id,
    assetTag: `T-${id}`,
    vendor: null,
    model: null,
    family: null,
    osName: null,
    osVersion: null,
    softwareVersion: null,
    serialNumber: null,
    notes: null,
    ...d,
  };
}
