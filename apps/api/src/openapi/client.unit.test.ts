// The committed client is what the routes generate today: change a route, run
// `npm run api:client`, commit packages/client with it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLIENT_DIR, renderClientFiles } from './client.ts';

describe('packages/client', () => {
  it('is up to date with the routes (else run `npm run api:client`)', async () => {
    const files = await renderClientFiles();
    expect(Object.keys(files).sort()).toEqual(['openapi.json', 'src/schema.d.ts']);
    for (const [file, text] of Object.entries(files)) {
      const committed = readFileSync(join(CLIENT_DIR, file), 'utf8');
      expect(committed === text, `packages/client/${file} is out of date: run npm run api:client`).toBe(true);
    }
  }, 60_000);

  it('types every operation under its operationId', async () => {
    const schema = (await renderClientFiles())['src/schema.d.ts'] ?? '';
    for (const id of ['payOrder', 'placeOrder', 'login', 'listItemsByIds', 'getFeed']) expect(schema).toContain(`    ${id}: {`);
    expect(schema).toContain('"/api/v1/orders/{id}/pay": {');
  }, 60_000);
});
