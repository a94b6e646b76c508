/** Answers a resource with the `fields` partial-response selection applied. */
import type { Context } from 'hono';
import { type ShapeName, shapeOf } from './field-shapes.js';
import { applyFields, parseFields } from './fields-mask.js';
import { googleJson, invalidParameter } from './respond.js';

export function respondResource(c: Context, shape: ShapeName, body: unknown): Response {
  const fields = c.req.query('fields');
  if (fields === undefined || fields.trim() === '') return googleJson(c, 200, body);
  const selection = parseFields(fields, shapeOf(shape));
  if ('error' in selection) {
    return invalidParameter(c, 'fields', `Invalid field selection ${selection.error}`);
  }
  return googleJson(c, 200, applyFields(body, selection as Map<string, never>));
}
