// Saved searches: the /search parameters of a search a member wants to hear about again.
import { categoryLabel } from '@jishi/shared';
import { validationFailed, unprocessable, notFound } from '../../lib/errors.ts';
import type { Deps } from '../../lib/http.ts';
import { fieldErrors } from '../../lib/http.ts';
import { parseQuery } from '../search/query.ts';
import { SearchQuery } from '../search/schema.ts';
import { countSaved, deleteSaved, insertSaved, liveHitCounts, type SavedRow, savedOf } from './saved-repo.ts';

export const MAX_SAVED = 50;
// What a saved search keeps: the filters of /search for items (not the page or the order).
const KEPT = ['q', 'minPrice', 'maxPrice', 'category', 'delivery', 'condition', 'free', 'lat', 'lng', 'radiusKm'] as const;

type Raw = Record<string, string | number | boolean | string[] | undefined>;

/** Validates the parameters exactly as GET /search does and keeps them as strings, in a fixed order. */
export function normalizeParams(raw: Raw): Record<string, string> {
  const asStrings: Record<string, string> = {};
  for (const k of KEPT) {
    const v = raw[k];
    if (v === undefined || v === null || v === '') continue;
    asStrings[k] = Array.isArray(v) ? v.join(',') : String(v);
  }
  const parsed = SearchQuery.safeParse({ ...asStrings, type: 'items' });
  if (!parsed.success) throw validationFailed(fieldErrors(parsed.error));
  const p = parsed.data;
  const out: Record<string, string> = {};
  if (p.q) out.q = p.q;
  if (p.minPrice !== undefined) out.minPrice = String(p.minPrice);
  if (p.maxPrice !== undefined) out.maxPrice = String(p.maxPrice);
  if (p.category) out.category = p.category;
  if (p.delivery) out.delivery = [...p.delivery].sort().join(',');
  if (p.condition) out.condition = [...p.condition].sort().join(',');
  if (p.free) out.free = 'true';
  if (p.lat !== undefined && p.lng !== undefined) Object.assign(out, { lat: String(p.lat), lng: String(p.lng) });
  if (p.radiusKm !== undefined) out.radiusKm = String(p.radiusKm);
  return out;
}

function labelOf(p: Record<string, string>): string {
  const parts = [p.q, p.category && categoryLabel(p.category, 'zh-CN')].filter(Boolean);
  return (parts.join(' · ') || '全部在售').slice(0, 100);
}

/** `newCount`: items met since the last alert and still on sale (told with the next alert). */
export function presentSaved(s: SavedRow, newCount = 0) {
  return {
    id: s.id,
    label: s.label,
    params: s.params as Record<string, string>,
    newCount,
    lastAlertAt: s.lastAlertAt ? new Date(s.lastAlertAt).toISOString() : null,
    createdAt: new Date(s.createdAt).toISOString(),
  };
}

export async function saveSearch(deps: Pick<Deps, 'db'>, userId: string, raw: Raw) {
  const params = normalizeParams(raw);
  if ((await countSaved(deps.db, userId)) >= MAX_SAVED) {
    throw unprocessable('too_many_saved_searches', `At most ${MAX_SAVED} saved searches; delete one first.`);
  }
  const q = parseQuery(params.q);
  const row = await insertSaved(deps.db, {
    userId,
    params,
    label: labelOf(params),
    query: q?.strict || null,
    minPrice: params.minPrice !== undefined ? Number(params.minPrice) : params.free ? 0 : null,
    maxPrice: params.maxPrice !== undefined ? Number(params.maxPrice) : params.free ? 0 : null,
    category: params.category ?? null,
  });
  return presentSaved(row);
}

export async function listSaved(deps: Pick<Deps, 'db'>, userId: string) {
  const rows = await savedOf(deps.db, userId);
  const counts = await liveHitCounts(
    deps.db,
    rows.map((s) => s.id),
  );
  return { items: rows.map((s) => presentSaved(s, counts.get(s.id) ?? 0)), nextCursor: null };
}

export async function removeSaved(deps: Pick<Deps, 'db'>, userId: string, id: string) {
  if (!(await deleteSaved(deps.db, userId, id))) throw notFound('saved search');
}
