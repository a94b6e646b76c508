/**
 * The IT inventory's own data: devices, each held by an hrgraph employee or in stock. The
 * inventory stores only the employee's hrgraph global ID, as a team would after picking the
 * person from the directory; every HR field about that person stays in hrgraph.
 */

export type DeviceKind = 'LAPTOP' | 'PHONE' | 'MONITOR';

export interface Device {
  readonly serial: string;
  readonly kind: DeviceKind;
  readonly model: string;
  /** ISO date the device was handed out (or put in stock). */
  readonly assignedOn: string;
  /** hrgraph's global ID of the holder; null while the device is in stock. */
  readonly holderId: string | null;
}

export interface SampleDevicesOptions {
  /** Devices nobody holds. @default 2 */
  inStock?: number;
}

const models: Record<DeviceKind, readonly string[]> = {
  LAPTOP: ['ThinkPad X1 Carbon', 'MacBook Pro 14', 'Dell Latitude 7450'],
  PHONE: ['iPhone 16', 'Pixel 9'],
  MONITOR: ['Dell U2724D', 'LG 27UP850'],
};

function device(kind: DeviceKind, n: number, holderId: string | null): Device {
  const choices = models[kind];
  const day = String((n % 28) + 1).padStart(2, '0');
  return {
    serial: `${kind.slice(0, 2)}-${String(n).padStart(5, '0')}`,
    kind,
    model: choices[n % choices.length]!,
    assignedOn: `2026-0${(n % 9) + 1}-${day}`,
    holderId,
  };
}

/**
 * A deterministic inventory for the given employees: everyone holds a laptop, every second
 * person a phone too, every third a monitor; plus a few devices in stock.
 */
export function sampleDevices(
  holderIds: readonly string[],
  options: SampleDevicesOptions = {},
): Device[] {
  const { inStock = 2 } = options;
  const devices: Device[] = [];
  holderIds.forEach(function assign(holderId, i) {
    devices.push(device('LAPTOP', i, holderId));
    if (i % 2 === 0) devices.push(device('PHONE', i, holderId));
    if (i % 3 === 0) devices.push(device('MONITOR', i, holderId));
  });
  for (let i = 0; i < inStock; i++) devices.push(device('LAPTOP', holderIds.length + i, null));
  return devices;
}
