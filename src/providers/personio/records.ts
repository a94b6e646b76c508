/**
 * A v1 employee as the loaders store it: each attribute's `value` under its key (a reference,
 * such as `department` or `supervisor`, as Personio sent it), the salary attributes together
 * under `compensation`, and every key the read was asked for present (null where Personio sent
 * none), so a page asked for an attribute nobody filled in never sends the loaders back for it.
 */
import type { ProviderKey, RawReply } from '../../core/contract/index.js';
import { COMPENSATION_KEY, compensationAttributes } from './fields.js';
import { isRecord, type Json } from './shapes.js';

/** An attribute's value; an attribute that is not `{value}` is kept whole for normalize to judge. */
const attributeValue = (attribute: unknown) =>
  isRecord(attribute) && 'value' in attribute ? attribute.value : attribute;

/** The id an employee object names itself by: `attributes.id.value`. */
export const employeeIdOf = (employee: Json): unknown =>
  isRecord(employee.attributes) ? attributeValue(employee.attributes.id) : undefined;

/** Personio's employee id as hrgraph spells remote ids: a positive integer's digits. */
export function idText(id: unknown): unknown {
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? String(id) : id;
}

export function toReply(employee: Json, keys: readonly ProviderKey[]): RawReply {
  const attributes = isRecord(employee.attributes) ? employee.attributes : {};
  const values = new Map<ProviderKey, unknown>();
  for (const key in attributes) {
    if (key === 'id') continue;
    values.set(key, attributeValue(attributes[key]));
  }
  if (compensationAttributes.some((name) => name in attributes)) {
    const pay: Json = {};
    for (const name of compensationAttributes) if (name in attributes) pay[name] = attributes[name];
    values.set(COMPENSATION_KEY, pay);
  }
  for (const key of keys) if (!values.has(key)) values.set(key, null);
  return { id: idText(employeeIdOf(employee)), values };
}
