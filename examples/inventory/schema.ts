/**
 * The IT inventory as an Apollo Federation v2 subgraph, written with plain graphql-js and
 * `buildSubgraphSchema` (no second Pothos builder in this TypeScript program: gotcha G7).
 *
 * It adds `Employee.devices` to hrgraph's employees and returns bare `Employee` references
 * (`{ id }`) from its own fields; the gateway asks hrgraph's `_entities` for everything else.
 * The key is hrgraph's `@key(fields: "id")`: the Relay global ID, opaque to this subgraph.
 */
import { buildSubgraphSchema } from '@apollo/subgraph';
import { type GraphQLSchema, parse } from 'graphql';
import type { Device, DeviceKind } from './devices.js';

export const inventoryTypeDefs = parse(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])

  # An hrgraph employee. The inventory knows only the ID; hrgraph resolves every HR field.
  # (No description string: hrgraph's description is the supergraph's, and two differing
  # descriptions are a composition hint.)
  type Employee @key(fields: "id") {
    id: ID!
    "Devices this employee holds, most recently handed out first."
    devices(kind: DeviceKind): [Device!]!
  }

  enum DeviceKind {
    LAPTOP
    PHONE
    MONITOR
  }

  type Device {
    serial: ID!
    kind: DeviceKind!
    model: String!
    "ISO date the device was handed out, or put in stock."
    assignedOn: String!
    "Who holds it; null while it is in stock."
    holder: Employee
  }

  type Query {
    "Every device, optionally of one kind."
    devices(kind: DeviceKind): [Device!]!
    device(serial: ID!): Device
    "Everyone holding at least one device (of this kind), in inventory order."
    deviceHolders(kind: DeviceKind): [Employee!]!
  }
`);

/** A bare entity reference: the gateway fills in the rest from hrgraph. */
interface EmployeeReference {
  readonly id: string;
}

interface KindArgs {
  readonly kind?: DeviceKind | null;
}

export interface InventorySchemaOptions {
  /** The inventory's devices; read-only for the schema's lifetime. */
  devices: readonly Device[];
  /**
   * Other hrgraph IDs of the same people (the same person seen through another account) → the
   * ID their devices are kept under, so a person's devices show whichever ID they are asked by.
   * @default none
   */
  sameAs?: ReadonlyMap<string, string>;
}

export function createInventorySchema(options: InventorySchemaOptions): GraphQLSchema {
  const { devices, sameAs = new Map<string, string>() } = options;
  const holderOf = (id: string) => sameAs.get(id) ?? id;
  const bySerial = new Map(devices.map((d) => [d.serial, d]));
  const byHolder = new Map<string, Device[]>();
  for (const d of devices) {
    if (d.holderId === null) continue;
    const holder = holderOf(d.holderId);
    byHolder.set(holder, [...(byHolder.get(holder) ?? []), d]);
  }
  const ofKind = (list: readonly Device[], kind: DeviceKind | null | undefined) =>
    kind ? list.filter((d) => d.kind === kind) : [...list];
  const reference = (id: string): EmployeeReference => ({ id });

  return buildSubgraphSchema({
    typeDefs: inventoryTypeDefs,
    resolvers: {
      Query: {
        devices: (_root: unknown, args: KindArgs) => ofKind(devices, args.kind),
        device: (_root: unknown, args: { serial: string }) => bySerial.get(args.serial) ?? null,
        deviceHolders: function deviceHolders(_root: unknown, args: KindArgs) {
          const held = ofKind(devices, args.kind).flatMap((d) => (d.holderId ? [d.holderId] : []));
          return [...new Set(held)].map(reference);
        },
      },
      Employee: {
        // Any hrgraph ID is a valid reference: someone without devices simply has none here.
        __resolveReference: (ref: EmployeeReference) => reference(ref.id),
        devices: (employee: EmployeeReference, args: KindArgs) =>
          ofKind(byHolder.get(holderOf(employee.id)) ?? [], args.kind).sort((a, b) =>
            b.assignedOn.localeCompare(a.assignedOn),
          ),
      },
      Device: {
        holder: (d: Device) => (d.holderId ? reference(d.holderId) : null),
      },
    },
  });
}
