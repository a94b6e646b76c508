/** The slice of the OpenAPI 3.1 object model the conformance checks read. */
import type { AnySchemaObject } from 'ajv/dist/2020.js';

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'patch' | 'head' | 'options';

export interface HeaderObject {
  description?: string;
  required?: boolean;
  schema?: AnySchemaObject;
}

export interface MediaTypeObject {
  schema?: AnySchemaObject;
}

export interface ResponseObject {
  description?: string;
  headers?: Record<string, HeaderObject>;
  content?: Record<string, MediaTypeObject>;
}

export interface OperationObject {
  operationId?: string;
  responses?: Record<string, ResponseObject>;
}

export type PathItemObject = Partial<Record<HttpMethod, OperationObject>>;

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, PathItemObject>;
}
