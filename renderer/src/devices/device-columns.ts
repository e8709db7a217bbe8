/** The table's columns, in order; their widths live in devices.css (grid-template-columns). */
export const deviceColumns = [
  'assetTag',
  'device',
  'os',
  'location',
  'network',
  'criticality',
] as const;
export type DeviceColumn = (typeof deviceColumns)[number];
