// The stall host's keeping (电子地摊帖): rules for item comments, closing and reopening the
// stall, pinning comments. Only the note's author, only on a stall note. Each change takes the
// note's comment lock (lockNoteForComments' order), so a rule or a closing and an item comment
// arriving together are serialised: the comment sees the rules as they are when it commits.
import { type Executor, type Tx, withTx } from '../../db/index.ts';
import { conflict, forbidden, notFound, unprocessable } from '../../lib/errors.ts';
import type { Deps } from '../../lib/http.ts';
import { findComment } from './comments-repo.ts';
import { brokenRule, hasRules, type ItemForRules, MAX_PINNED, readRules, ruleText, type StallRulesIn } from './stall-rules.ts';

type HostDeps = Pick<Deps, 'db' | 'clock'>;

/** The note, locked, when the caller hosts it and it is a stall. */
async function hostedStall(tx: Tx, userId: string, noteId: string) {
  const note = await tx.selectFrom('notes').select(['id', 'authorId', 'kind', 'stallRules', 'stallClosedAt', 'hiddenAt']).where('id', '=', noteId).forNoKeyUpdate().executeTakeFirst();
  if (!note || (note.hiddenAt && note.authorId !== userId)) throw notFound('note');
  if (note.authorId !== userId) throw forbidden('not_author', 'Only the stall host (the note’s author) may do this.');
  if (note.kind !== 'stall') throw unprocessable('not_a_stall', 'Only a stall note (kind "stall") has a host’s rules, pins and closing.');
  return note;
}

export async function setStallRules(deps: HostDeps, userId: string, noteId: string, rules: StallRulesIn) {
  await withTx(deps.db, async (tx) => {
    await hostedStall(tx, userId, noteId);
    await tx
      .updateTable('notes')
      .set({ stallRules: hasRules(rules) ? JSON.stringify(rules) : null })
      .where('id', '=', noteId)
      .execute();
  });
}

export async function setStallClosed(deps: HostDeps, userId: string, noteId: string, closed: boolean) {
  await withTx(deps.db, async (tx) => {
    const note = await hostedStall(tx, userId, noteId);
    if (closed === (note.stallClosedAt !== null)) return; // closing twice changes nothing
    await tx.updateTable('notes').set({ stallClosedAt: closed ? deps.clock.now() : null }).where('id', '=', noteId).execute();
  });
}

/** Pins (or unpins) a top-level comment of the host's stall; at most MAX_PINNED at once. */
export async function setPinned(deps: HostDeps, userId: string, commentId: string, pinned: boolean) {
  await withTx(deps.db, async (tx) => {
    const c = await findComment(tx, commentId);
    if (!c || (c.hiddenAt && c.authorId !== userId)) throw notFound('comment');
    await hostedStall(tx, userId, c.noteId);
    if (!pinned) {
      await tx.updateTable('comments').set({ pinnedAt: null }).where('id', '=', commentId).execute();
      return;
    }
    if (c.pinnedAt) return;
    if (c.parentId) throw unprocessable('not_top_level', 'Only a top-level comment can be pinned.');
    if (c.deletedAt) throw unprocessable('comment_deleted', 'That comment was deleted.');
    const { n } = await tx
      .selectFrom('comments')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('noteId', '=', c.noteId)
      .where('pinnedAt', 'is not', null)
      .where('deletedAt', 'is', null)
      .executeTakeFirstOrThrow();
    if (Number(n) >= MAX_PINNED) throw conflict('too_many_pinned', `At most ${MAX_PINNED} pinned comments; unpin one first.`);
    await tx.updateTable('comments').set({ pinnedAt: deps.clock.now() }).where('id', '=', commentId).execute();
  });
}

/**
 * An item comment on a stall, checked in the comment's transaction after the note's lock:
 * a closed stall takes none (409 stall_closed); an item breaking a rule is 422
 * stall_rule_broken naming the rule (`rule`, `ruleText` in zh-CN and en).
 */
export async function checkStallItem(tx: Tx, noteId: string, itemId: string) {
  const note = await tx.selectFrom('notes').select(['kind', 'stallRules', 'stallClosedAt']).where('id', '=', noteId).executeTakeFirst();
  if (note?.kind !== 'stall') return;
  if (note.stallClosedAt) throw conflict('stall_closed', 'The host has closed this stall: it takes no new items (comments without items are still welcome).');
  const rules = readRules(note.stallRules);
  if (!rules) return;
  const item = await tx.selectFrom('items').select(['delivery', 'category', 'price', 'lat', 'lng']).where('id', '=', itemId).executeTakeFirst();
  if (!item) return; // checkAttachableItems answers for a missing item
  const broken = brokenRule(rules, { ...item, price: Number(item.price) } as ItemForRules);
  if (!broken) return;
  const text = ruleText(broken, rules);
  throw unprocessable('stall_rule_broken', `This stall's rule: ${text.en}.`, {
    rule: broken,
    reason: broken, // the field clients read for a code's detail (as invalid_id_number's)
    ruleText: text,
    errors: [{ path: 'itemId', message: text.en }],
  });
}

/** Pinned top-level comments of a note, pinned order (the first page of comments opens with them). */
export const pinnedComments = (db: Executor, noteId: string) =>
  db
    .selectFrom('comments')
    .selectAll()
    .where('noteId', '=', noteId)
    .where('parentId', 'is', null)
    .where('pinnedAt', 'is not', null)
    .where('deletedAt', 'is', null)
    .orderBy('pinnedAt', 'asc')
    .limit(MAX_PINNED)
    .execute();

/** What a note says about its stall: rules in words and the closing. Null for other kinds. */
export function presentStall(n: { kind: string; stallRules: unknown; stallClosedAt: Date | null }) {
  if (n.kind !== 'stall') return null;
  const rules = readRules(n.stallRules);
  const keys = rules
    ? (['pickup_only', 'area', 'category', 'price_cap'] as const).filter((k) =>
        k === 'pickup_only' ? rules.pickupOnly : k === 'area' ? rules.area : k === 'category' ? rules.categories : rules.maxPrice !== null,
      )
    : [];
  return {
    rules: rules ?? { pickupOnly: false, area: null, categories: null, maxPrice: null },
    ruleTexts: rules ? keys.map((k) => ({ rule: k, ...ruleText(k, rules) })) : [],
    closedAt: n.stallClosedAt ? n.stallClosedAt.toISOString() : null,
  };
}
