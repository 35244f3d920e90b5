// `npm run api:client`: regenerates packages/client (openapi.json, src/schema.d.ts) from the
// route definitions, in-process — no server or database needed.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLIENT_DIR, renderClientFiles } from '../openapi/client.ts';

for (const [file, text] of Object.entries(await renderClientFiles())) {
  writeFileSync(join(CLIENT_DIR, file), text);
  console.log(`wrote packages/client/${file}`);
}
