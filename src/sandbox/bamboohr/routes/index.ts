/**
 * Every route module of the BambooHR sandbox, in one place. Specific paths register before the
 * employee-by-id route so `/v1/employees/directory` is never read as an id.
 */
import type { Hono } from 'hono';
import type { SandboxEnv } from '../env.js';
import { registerChangedRoutes } from './changed.js';
import { registerCompanyRoutes } from './company.js';
import { registerDatasetsRoutes } from './datasets.js';
import { registerDirectoryRoutes } from './directory.js';
import { registerEmployeeRoutes } from './employees.js';
import { registerMetaRoutes } from './meta.js';
import { registerReportsRoutes } from './reports.js';
import { registerTablesRoutes } from './tables.js';
import { registerTimeOffRoutes } from './time-off.js';
import { registerWebhooksRoutes } from './webhooks.js';

export function registerRoutes(api: Hono<SandboxEnv>): void {
  registerChangedRoutes(api);
  registerDirectoryRoutes(api);
  registerTablesRoutes(api);
  registerTimeOffRoutes(api);
  registerReportsRoutes(api);
  registerDatasetsRoutes(api);
  registerCompanyRoutes(api);
  registerWebhooksRoutes(api);
  registerMetaRoutes(api);
  registerEmployeeRoutes(api);
}
