// A local S3-compatible server for the suite: s3rver (pure JS, npm) in this process, on a free
// port, with its objects in a temp directory. The API talks to it through @aws-sdk/client-s3
// exactly as it would to AWS S3 or MinIO (path-style URLs, signed requests).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
// @ts-expect-error s3rver ships no type declarations
import S3rver from 's3rver';

export type LocalS3 = {
  endpoint: string;
  bucket: string;
  /** The env a process needs to keep its photos in this server's bucket. */
  env: Record<string, string>;
  /** Keys in the bucket (optionally under a prefix), read directly from the server. */
  keys(prefix?: string): Promise<string[]>;
  close(): Promise<void>;
};

export async function startLocalS3(bucket = 'jishi-media'): Promise<LocalS3> {
  const directory = mkdtempSync(join(tmpdir(), 'jishi-s3-'));
  const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = (await server.run()) as { port: number };
  const endpoint = `http://127.0.0.1:${port}`;
  const env = {
    STORAGE: 's3',
    S3_ENDPOINT: endpoint,
    S3_BUCKET: bucket,
    S3_REGION: 'us-east-1',
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
    S3_FORCE_PATH_STYLE: 'true',
  };
  const client = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  let closed = false;
  return {
    endpoint,
    bucket,
    env,
    async keys(prefix) {
      const out: string[] = [];
      let token: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
        for (const o of page.Contents ?? []) if (o.Key) out.push(o.Key);
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return out.sort();
    },
    async close() {
      if (closed) return;
      closed = true;
      client.destroy();
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
