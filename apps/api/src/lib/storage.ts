// Where photo bytes live. Local disk by default (`DATA_DIR/media`); with STORAGE=s3 an
// S3-compatible store (AWS S3, MinIO, Ceph RGW, R2, OSS, COS …) implements the same three calls.
// Keys are relative paths such as `<mediaId>/card.webp`; who may read a photo is decided above
// the store (modules/media/access.ts), never by knowing its key — so the bucket stays private and
// the API streams the bytes: the media URLs, their access rules and their Cache-Control headers
// are the same on either store, and a CDN or nginx caches the public ones in front of the API.
//
// A store that cannot be reached (or answers 5xx, or refuses our credentials) is
// `503 storage_unavailable` with Retry-After, never a 500; a key that is not there is null.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, normalize } from 'node:path';
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { Config, S3Settings } from '../config.ts';
import { AppError } from './errors.ts';

export type MediaStore = {
  put(key: string, bytes: Buffer): Promise<void>;
  get(key: string): Promise<Buffer | null>;
  removePrefix(prefix: string): Promise<void>;
};

type Warn = (fields: Record<string, unknown>, msg: string) => void;

export const storageUnavailable = () =>
  new AppError(
    503,
    'storage_unavailable',
    'Photo storage cannot be reached right now. Nothing was saved; try again in a moment.',
    { retryAfter: 30 },
    { 'Retry-After': '30' },
  );

/** The store the configuration names: local disk under DATA_DIR/media, or the S3 bucket. */
export function openMediaStore(config: Pick<Config, 'dataDir' | 'storage'>, warn?: Warn): MediaStore {
  return config.storage.kind === 's3'
    ? s3Store(config.storage, warn)
    : localDiskStore(join(config.dataDir, 'media'), warn);
}

/** Start-up check for S3: a bucket that does not exist stops the process; an unreachable store only warns. */
export async function checkMediaStore(config: Pick<Config, 'storage'>, warn: Warn): Promise<void> {
  if (config.storage.kind !== 's3') return;
  const s = config.storage;
  try {
    await clientOf(s).send(new HeadBucketCommand({ Bucket: s.bucket }));
  } catch (err) {
    const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 404) throw new Error(`S3_BUCKET=${JSON.stringify(s.bucket)} does not exist at ${s.endpoint ?? 'AWS S3'}`);
    warn({ err, endpoint: s.endpoint, bucket: s.bucket }, 'photo storage not reachable at start-up; photos answer 503 until it is');
  }
}

export function localDiskStore(root: string, warn?: Warn): MediaStore {
  const pathOf = (key: string) => {
    const p = normalize(join(root, key));
    if (!p.startsWith(root)) throw new Error(`bad media key ${key}`);
    return p;
  };
  // A full or read-only disk is the local store being unavailable, not a bug.
  const unavailable = (err: unknown, op: string): never => {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC' || code === 'EROFS' || code === 'EACCES' || code === 'EIO' || code === 'EDQUOT') {
      warn?.({ err, op }, 'local photo storage failed');
      throw storageUnavailable();
    }
    throw err;
  };
  return {
    async put(key, bytes) {
      const p = pathOf(key);
      try {
        await mkdir(dirname(p), { recursive: true });
        // Write then rename: a reader never sees half a file.
        const tmp = `${p}.${process.pid}.tmp`;
        await writeFile(tmp, bytes);
        await rename(tmp, p);
      } catch (err) {
        unavailable(err, 'put');
      }
    },
    async get(key) {
      try {
        return await readFile(pathOf(key));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        return unavailable(e, 'get');
      }
    },
    async removePrefix(prefix) {
      await rm(pathOf(prefix), { recursive: true, force: true }).catch((err) => unavailable(err, 'remove'));
    },
  };
}

const clients = new WeakMap<S3Settings, S3Client>();
function clientOf(s: S3Settings): S3Client {
  let c = clients.get(s);
  if (!c) {
    c = new S3Client({
      region: s.region,
      ...(s.endpoint ? { endpoint: s.endpoint } : {}),
      forcePathStyle: s.forcePathStyle,
      ...(s.accessKeyId && s.secretAccessKey
        ? { credentials: { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey } }
        : {}), // neither: the SDK's default chain (instance role, AWS_* variables, profile)
      // A dead store must answer the member within seconds, not hang the upload.
      requestHandler: { connectionTimeout: 3000, requestTimeout: 15000 },
      maxAttempts: 2,
    });
    clients.set(s, c);
  }
  return c;
}

/** S3-compatible object store; keys live under the optional S3_PREFIX in S3_BUCKET. */
export function s3Store(s: S3Settings, warn?: Warn): MediaStore {
  const client = clientOf(s);
  const Bucket = s.bucket;
  const full = (key: string) => {
    if (key.includes('..') || key.startsWith('/')) throw new Error(`bad media key ${key}`);
    return `${s.prefix}${key}`;
  };
  const unavailable = (err: unknown, op: string): never => {
    warn?.({ err, op, bucket: Bucket }, 'S3 photo storage failed');
    throw storageUnavailable();
  };
  return {
    async put(key, bytes) {
      await client
        .send(new PutObjectCommand({ Bucket, Key: full(key), Body: bytes, ContentType: key.endsWith('.webp') ? 'image/webp' : 'application/octet-stream' }))
        .catch((err) => unavailable(err, 'put'));
    },
    async get(key) {
      try {
        const r = await client.send(new GetObjectCommand({ Bucket, Key: full(key) }));
        if (!r.Body) return null;
        return Buffer.from(await r.Body.transformToByteArray());
      } catch (err) {
        const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
        if (e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404) return null;
        return unavailable(err, 'get');
      }
    },
    async removePrefix(prefix) {
      // `<id>/`: the trailing slash keeps one photo's prefix from matching another's.
      const Prefix = full(prefix.endsWith('/') ? prefix : `${prefix}/`);
      try {
        let ContinuationToken: string | undefined;
        do {
          const page = await client.send(new ListObjectsV2Command({ Bucket, Prefix, ContinuationToken }));
          const keys = (page.Contents ?? []).flatMap((o) => (o.Key ? [{ Key: o.Key }] : []));
          if (keys.length) {
            const d = await client.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects: keys, Quiet: true } }));
            if (d.Errors?.length) throw new Error(`S3 refused to delete ${d.Errors.length} of ${keys.length} objects under ${Prefix}`);
          }
          ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
        } while (ContinuationToken);
      } catch (err) {
        unavailable(err, 'remove');
      }
    },
  };
}
