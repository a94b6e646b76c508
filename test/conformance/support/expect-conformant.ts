/**
 * `expectConformant(response, { method, pathTemplate })`: fails the test unless the response is
 * one the spec describes for that operation — a declared status, its declared headers, a declared
 * content type, and a body that validates against the declared schema.
 */
import type { AnySchemaObject, ErrorObject } from 'ajv/dist/2020.js';
import { assert } from 'vitest';
import { checkHeaders } from './check-headers.js';
import {
  type DecodedBody,
  decodeBody,
  isJsonMediaType,
  isXmlMediaType,
  matchMediaType,
  mediaTypeOf,
} from './decode-body.js';
import { formatAjvErrors, snippet } from './format-errors.js';
import type { HttpMethod, OpenApiSpec, ResponseObject } from './openapi.js';
import { pointerSegment } from './openapi.js';

export interface ConformanceOptions {
  method: HttpMethod | Uppercase<HttpMethod>;
  pathTemplate: string;
  /**
   * Accept a status the spec does not declare for this operation. The reason is mandatory and
   * should cite the reference line that justifies the status; a declared status with this set
   * fails, so stale allowances do not linger.
   */
  undocumented?: { reason: string };
  /**
   * Validate the body against a locally patched schema instead of the spec's. Only for points
   * where the spec is silent or contradicts itself and the reference page decides.
   */
  patch?: { reason: string; schema(specSchema: AnySchemaObject | undefined): AnySchemaObject };
  /** The root element an XML body must have, where the spec's schema (`xml.name`) names none. */
  xmlRoot?: string;
}

export interface ConformantResponse extends DecodedBody {
  readonly status: number;
  readonly headers: Headers;
  /** Which response object of the spec matched: `200`, `4XX`, `default`; null if undocumented. */
  readonly responseKey: string | null;
}

export type ExpectConformant = (
  response: Response,
  options: ConformanceOptions,
) => Promise<ConformantResponse>;

export function createExpectConformant(spec: OpenApiSpec): ExpectConformant {
  return async function expectConformant(response, options) {
    const method = options.method.toLowerCase() as HttpMethod;
    const where = `${method.toUpperCase()} ${options.pathTemplate} → ${response.status}`;
    const operation = spec.operation(method, options.pathTemplate);
    if (!operation)
      assert.fail(`The spec has no operation ${method.toUpperCase()} ${options.pathTemplate}`);
    const text = await response.text();
    const mediaType = mediaTypeOf(response.headers.get('content-type'));
    const found = spec.response(operation, response.status);
    const declaredKeys = Object.keys(operation.responses ?? {}).join(', ');

    if (!found) {
      if (!options.undocumented) {
        assert.fail(
          `${where}: status ${response.status} is not documented for ${operation.operationId}; the spec declares ${declaredKeys}.\nbody: ${snippet(text)}`,
        );
      }
      const decoded = decodeBody(where, mediaType, text);
      return { ...decoded, status: response.status, headers: response.headers, responseKey: null };
    }
    if (options.undocumented) {
      assert.fail(
        `${where} is documented (responses.${found.key}); remove the "undocumented" allowance`,
      );
    }
    checkHeaders(where, found.response, response.headers);
    const decoded = checkBody(where, found, method, options, mediaType, text);
    return {
      ...decoded,
      status: response.status,
      headers: response.headers,
      responseKey: found.key,
    };
  };

  function checkBody(
    where: string,
    found: { key: string; response: ResponseObject },
    method: HttpMethod,
    options: ConformanceOptions,
    mediaType: string | null,
    text: string,
  ): DecodedBody {
    const content = found.response.content ?? {};
    const declared = Object.keys(content);
    // A response object without `content` describes no body; there is nothing to validate.
    if (declared.length === 0) return decodeBody(where, mediaType, text);
    const describesBody = declared.some((key) => content[key]?.schema !== undefined);
    if (text === '' && !describesBody) return decodeBody(where, mediaType, text);
    if (!mediaType)
      assert.fail(`${where}: no Content-Type; the spec declares ${declared.join(', ')}`);
    const key = matchMediaType(declared, mediaType);
    if (!key) {
      // Still decode the body, so a malformed document is reported along with the media type.
      const xmlKey = declared.find((candidate) => isXmlMediaType(candidate));
      const xmlRoot = options.xmlRoot ?? xmlNameOf(xmlKey ? content[xmlKey]?.schema : undefined);
      let bodyProblem = '';
      try {
        decodeBody(where, mediaType, text, xmlRoot);
      } catch (error) {
        bodyProblem = `\nand ${(error as Error).message}`;
      }
      assert.fail(
        `${where}: Content-Type ${mediaType} is not declared; the spec declares ${declared.join(', ')}${bodyProblem}`,
      );
    }
    const schema = content[key]?.schema;
    const xmlRoot = options.xmlRoot ?? xmlNameOf(schema);
    const decoded = decodeBody(where, mediaType, text, xmlRoot);
    if (!schema || !isJsonMediaType(mediaType)) return decoded;
    const pointer = [
      'paths',
      options.pathTemplate,
      method,
      'responses',
      found.key,
      'content',
      key,
      'schema',
    ]
      .map(pointerSegment)
      .join('/');
    const validate = options.patch
      ? spec.compile(options.patch.schema(structuredClone(schema)))
      : spec.validatorAt(`/${pointer}`);
    if (!validate(decoded.body)) {
      const patched = options.patch ? ` (locally patched: ${options.patch.reason})` : '';
      assert.fail(
        `${where} (${mediaType}) does not conform to responses.${found.key}${patched}:\n${formatAjvErrors(validate.errors as ErrorObject[], decoded.body)}\nbody: ${snippet(text)}`,
      );
    }
    return decoded;
  }
}

/** The root element name an OpenAPI schema gives its XML form (`xml: { name }`). */
function xmlNameOf(schema: AnySchemaObject | undefined): string | undefined {
  return (schema?.xml as { name?: string } | undefined)?.name;
}
