// The OpenAPI document built in-process from the route definitions: no server, no database.
// Used by `npm run api:client` (cli/api-client.ts) and the tests that keep the client fresh.
import { OpenAPIHono } from '@hono/zod-openapi';
import { API_PREFIX, modules } from '../app.ts';
import type { AppEnv } from '../lib/http.ts';
import { type Document, openApiDocument } from './document.ts';

/** Every module's routes under /api/v1, as buildApp mounts them (without middleware). */
export function mountedRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  for (const routes of modules) app.route(API_PREFIX, routes());
  return app;
}

export function generateDocument(): Document {
  return openApiDocument(mountedRoutes(), API_PREFIX);
}
