import { Type } from 'typebox';
import type { App } from '../../app';

export function registerOpenApiRoutes(app: App): void {
  app.get(
    '/api/v1/openapi.json',
    {
      config: { access: 'public' },
      schema: { hide: true, response: { 200: Type.Object({}, { additionalProperties: true }) } },
    },
    async () => app.swagger(),
  );
}
