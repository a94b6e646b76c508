/** Every Directory API method the sandbox serves. */
import { Hono } from 'hono';
import type { GoogleEnv } from '../env.js';
import { groupRoutes } from './groups.js';
import { tenantRoutes } from './tenant.js';
import { type UserRoutesDeps, userRoutes } from './users.js';

export type DirectoryRoutesDeps = UserRoutesDeps;

export function directoryRoutes(deps: DirectoryRoutesDeps): Hono<GoogleEnv> {
  const app = new Hono<GoogleEnv>();
  app.route('/', userRoutes(deps));
  app.route('/', groupRoutes(deps));
  app.route('/', tenantRoutes(deps));
  return app;
}
