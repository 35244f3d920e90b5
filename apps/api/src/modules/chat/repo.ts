import { type Selectable, sql } from 'kysely';
import type { Messages } from '../../db/types.ts';
import type { Executor, } from '../../db/index.ts';

export const pairOf = (x: string, y: string) => (x < y ? { userA: x, userB: y } : { userA: y, userB: x });

/** The one conversation of a pair, made if missing. Races resolve on the unique pair index. */
export async function findOrCreateConversation(db: Executor, me: string, peer: string, itemId: string | null) {
  const pair = pairOf(me, peer);
  const existing = await db.selectFrom('conversations').selectAll().where('userA', '=', pair.userA).where('userB', '=', pair.userB).executeTakeFirst();
  if (existing) {
    if (itemId && existing.itemId !== itemId) {
      // A new question about another item: the conversation is now about that item.
      return { conversation: await db.updateTable('conversations').set({ itemId }).where('id', '=', existing.id).returningAll().executeTakeFirstOrThrow(), created: false };
    }
    return { conversation: existing, created: false };
  }
  const inserted = await db
    .insertInto('conversations').values({ ...pair, itemId })
    .onConflict((oc) => oc.columns(['userA', 'userB']).doNothing())
    .returningAll().executeTakeFirst();
  if (!inserted) return findOrCreateConversation(db, me, peer, itemId);
  await db
    .insertInto('conversationMembers')
    .values([
      { conversationId: inserted.id, userId: me, peerId: peer, sortKey: inserted.id },
      { conversationId: inserted.id, userId: peer, peerId: me, sortKey: inserted.id },
    ])
    .onConflict((oc) => oc.doNothing())
    .execute();
  return { conversation: inserted, created: true };
}

export type NewMessage = {
  conversationId: string;
  senderId: string | null;
  /** A system card's actor: whose step it tells (not unread for them). A sender is their own actor. */
  actorId?: string | null;
  kind: 'text' | 'photo' | 'item' | 'offer' | 'order';
  text?: string | null;
  mediaId?: string | null;
  itemId?: string | null;
  offerId?: string | null;
  orderId?: string | null;
  orderStatus?: string | null;
  warnings?: string[];
  riskScore?: number;
  autoReply?: boolean;
};

/** What moves with a new message `m` (a CTE of the statement): the conversation's last message, inbox order, the peer's unread count. */
const MOVE_CONVERSATION = sql`c AS (
      UPDATE conversations SET last_message_id = m.id, last_message_at = m.created_at, risk_score = conversations.risk_score + m.risk_score
      FROM m WHERE conversations.id = m.conversation_id
    ), mem AS (
      UPDATE conversation_members SET sort_key = m.id,
        unread_count = unread_count + CASE WHEN m.sender_id IS DISTINCT FROM conversation_members.user_id
          AND m.actor_id IS DISTINCT FROM conversation_members.user_id THEN 1 ELSE 0 END
      FROM m WHERE conversation_members.conversation_id = m.conversation_id
    )`;

const MESSAGE_COLUMNS = sql`m.id, m.conversation_id AS "conversationId", m.sender_id AS "senderId", m.actor_id AS "actorId", m.kind, m.text,
           m.media_id AS "mediaId", m.item_id AS "itemId", m.offer_id AS "offerId", m.order_id AS "orderId", m.order_status AS "orderStatus",
           m.warnings, m.risk_score AS "riskScore", m.auto_reply AS "autoReply", m.created_at AS "createdAt"`;

/**
 * Inserts a message and moves the conversation — last message, inbox order, the peer's unread
 * count — in one statement, so it is atomic without a transaction and costs one round trip.
 * Unread is only what someone else (or the system) did: never my message, never a card of my step.
 */
export async function insertMessage(db: Executor, m: NewMessage) {
  const r = await sql<Selectable<Messages>>`/*prepared:chat_insert_message*/
    WITH m AS (
      INSERT INTO messages (conversation_id, sender_id, actor_id, kind, text, media_id, item_id, offer_id, order_id, order_status, warnings, risk_score, auto_reply)
      VALUES (${m.conversationId}, ${m.senderId}, ${m.actorId ?? null}, ${m.kind}, ${m.text ?? null}, ${m.mediaId ?? null}, ${m.itemId ?? null}, ${m.offerId ?? null},
              ${m.orderId ?? null}, ${m.orderStatus ?? null}, ${m.warnings ?? []}::text[], ${m.riskScore ?? 0}, ${m.autoReply ?? false})
      RETURNING *
    ), ${MOVE_CONVERSATION}
    SELECT ${MESSAGE_COLUMNS} FROM m`.execute(db);
  return r.rows[0] as Selectable<Messages>;
}

export type GateArgs = { me: string; conversationId: string; sentItem: string | null; now: Date; cold: number };
export type Gate = {
  peer: string; itemId: string | null; blockedByPeer: boolean; blockedByMe: boolean; open: boolean; sentItemExists: boolean; restricted: boolean; hosted: boolean;
};

/**
 * Everything a send must know, in one query: membership (no row for a stranger), blocks either
 * way, a moderator's limit on messaging, whether smart hosting answers, and whether the
 * conversation is open — a reply, a follow-back, a trade between the two, a question about an
 * item the peer has on sale (the conversation's or the card sent), or fewer than `cold`
 * (the setting coldMessages) sent so far.
 */
type GateTerms = { me: unknown; conversationId: unknown; sentItem: unknown; now: unknown; cold: unknown };
const gateQuery = (a: GateArgs | GateTerms) => sql`
    SELECT p.peer, c.item_id AS "itemId",
      EXISTS (SELECT 1 FROM member_limits WHERE user_id = ${a.me} AND kind = 'messaging' AND lifted_at IS NULL AND until > ${a.now}) AS restricted,
      -- A text about the conversation's item, which the peer hosts: queue it (assist/hosting-repo.ts, queueHosting).
      EXISTS (SELECT 1 FROM items i WHERE i.id = c.item_id AND i.hosting AND i.seller_id = p.peer) AS hosted,
      EXISTS (SELECT 1 FROM blocks WHERE blocker_id = p.peer AND blocked_id = ${a.me}) AS "blockedByPeer",
      EXISTS (SELECT 1 FROM blocks WHERE blocker_id = ${a.me} AND blocked_id = p.peer) AS "blockedByMe",
      (${a.sentItem}::text IS NULL OR EXISTS (SELECT 1 FROM items WHERE id = ${a.sentItem})) AS "sentItemExists",
      (EXISTS (SELECT 1 FROM items WHERE id IN (c.item_id, ${a.sentItem}) AND seller_id = p.peer AND status = 'on_sale')
       OR EXISTS (SELECT 1 FROM messages WHERE conversation_id = c.id AND sender_id = p.peer)
       OR EXISTS (SELECT 1 FROM follows WHERE follower_id = p.peer AND followee_id = ${a.me})
       OR EXISTS (SELECT 1 FROM orders WHERE (buyer_id = ${a.me} AND seller_id = p.peer) OR (buyer_id = p.peer AND seller_id = ${a.me}))
       OR EXISTS (SELECT 1 FROM offers WHERE (buyer_id = ${a.me} AND seller_id = p.peer) OR (buyer_id = p.peer AND seller_id = ${a.me}))
       OR (SELECT count(*) FROM (SELECT 1 FROM messages WHERE conversation_id = c.id AND sender_id = ${a.me} LIMIT ${a.cold}) x) < ${a.cold}
      ) AS open
    FROM conversations c CROSS JOIN LATERAL (SELECT CASE WHEN c.user_a = ${a.me} THEN c.user_b ELSE c.user_a END AS peer) p
    WHERE c.id = ${a.conversationId} AND (c.user_a = ${a.me} OR c.user_b = ${a.me})`;

/** The gate of a send (undefined for a stranger). A named statement: planned once per connection. */
export async function sendGate(db: Executor, a: GateArgs) {
  const r = await sql<Gate>`/*prepared:chat_send_gate*/ ${gateQuery(a)}`.execute(db);
  return r.rows[0];
}

/**
 * The gate and, in the same statement, a plain text (no card, photo or warning) — stored only
 * when the gate lets it through with nothing more to do: open, no block either way, no
 * moderator's limit, no smart hosting (that needs its task in the same transaction). `message`
 * is null when nothing was stored; the gate then says why. Undefined for a stranger.
 */
export async function sendTextIfOpen(db: Executor, a: GateArgs, t: { text: string; riskScore: number }) {
  const row = (await sendTextStatement(a, t).execute(db)).rows[0];
  return row ? splitSent(row) : undefined;
}

/** The statement of sendTextIfOpen (bench/chat-bare.ts sends the same). */
export function sendTextStatement(a: GateArgs, t: { text: string; riskScore: number }) {
  return sql<SentRow>`/*prepared:chat_send_text*/
    WITH g AS MATERIALIZED (${gateQuery(a)}), m AS (
      INSERT INTO messages (conversation_id, sender_id, kind, text, warnings, risk_score)
      SELECT ${a.conversationId}::text, ${a.me}::text, 'text', ${t.text}::text, '{}'::text[], ${t.riskScore}::int
      FROM g WHERE g.open AND NOT g.restricted AND NOT g.hosted AND NOT g."blockedByPeer" AND NOT g."blockedByMe"
      RETURNING *
    ), ${MOVE_CONVERSATION}
    SELECT g.peer, g."itemId" AS "gateItemId", g.restricted, g.hosted, g."blockedByPeer", g."blockedByMe", g.open, g."sentItemExists",
           ${MESSAGE_COLUMNS}
    FROM g LEFT JOIN m ON true`;
}

/** A plain text of the group commit (group-send.ts): its sender's gate, its text and risk. */
export type TextSend = { me: string; conversationId: string; text: string; riskScore: number };

/**
 * Several plain texts, each with its own gate, in ONE statement (group commit): every row is
 * gated as `sendTextIfOpen` gates one, and stored (in the given order, so ids follow it) only
 * when its gate lets it through. At most one send per conversation (the caller's rule), so each
 * conversation and member row moves once and every gate reads what the sends before it left.
 * One result per send, in order: undefined for a stranger, else the gate and the stored message or null.
 */
export async function sendTextsIfOpen(db: Executor, sends: TextSend[], now: Date, cold: number) {
  const r = await sendTextsStatement(sends, now, cold).execute(db);
  const out: (SentText | undefined)[] = sends.map(() => undefined);
  for (const { ord, ...row } of r.rows) out[Number(ord) - 1] = splitSent(row);
  return out;
}

/** The statement of sendTextsIfOpen (bench/chat-bare.ts sends the same). */
export function sendTextsStatement(sends: TextSend[], now: Date, cold: number) {
  const gate = gateQuery({ me: sql`inp.me`, conversationId: sql`inp.conversation_id`, sentItem: sql`NULL`, now, cold });
  return sql<SentRow & { ord: string }>`/*prepared:chat_send_texts*/
    WITH inp AS (
      SELECT * FROM unnest(${sends.map((x) => x.conversationId)}::text[], ${sends.map((x) => x.me)}::text[], ${sends.map((x) => x.text)}::text[],
                           ${sends.map((x) => x.riskScore)}::int[]) WITH ORDINALITY AS t(conversation_id, me, text, risk_score, ord)
    ), g AS MATERIALIZED (
      SELECT inp.ord, inp.conversation_id, inp.me, inp.text AS body, inp.risk_score AS risk, gate.* FROM inp CROSS JOIN LATERAL (${gate}) gate
    ), m AS (
      INSERT INTO messages (conversation_id, sender_id, kind, text, warnings, risk_score)
      SELECT g.conversation_id, g.me, 'text', g.body, '{}'::text[], g.risk
      FROM g WHERE g.open AND NOT g.restricted AND NOT g.hosted AND NOT g."blockedByPeer" AND NOT g."blockedByMe"
      ORDER BY g.ord
      RETURNING *
    ), ${MOVE_CONVERSATION}
    SELECT g.ord, g.peer, g."itemId" AS "gateItemId", g.restricted, g.hosted, g."blockedByPeer", g."blockedByMe", g.open, g."sentItemExists",
           ${MESSAGE_COLUMNS}
    FROM g LEFT JOIN m ON m.conversation_id = g.conversation_id`;
}

type SentRow = Omit<Gate, 'itemId'> & { gateItemId: string | null } & { [K in keyof Selectable<Messages>]: Selectable<Messages>[K] | null };
export type SentText = { gate: Gate; message: Selectable<Messages> | null };

function splitSent(row: SentRow): SentText {
  const { peer, gateItemId, restricted, hosted, blockedByPeer, blockedByMe, open, sentItemExists, ...m } = row;
  const gate: Gate = { peer, itemId: gateItemId, restricted, hosted, blockedByPeer, blockedByMe, open, sentItemExists };
  return { gate, message: m.id === null ? null : (m as Selectable<Messages>) };
}

export async function blockState(db: Executor, me: string, peer: string) {
  const rows = await db
    .selectFrom('blocks').select(['blockerId'])
    .where((eb) => eb.or([eb.and([eb('blockerId', '=', me), eb('blockedId', '=', peer)]), eb.and([eb('blockerId', '=', peer), eb('blockedId', '=', me)])]))
    .execute();
  return { byMe: rows.some((r) => r.blockerId === me), byPeer: rows.some((r) => r.blockerId === peer) };
}

// Reads for the inbox and the message list (routes and their presenter).

export const conversationsByIds = (db: Executor, ids: string[]) =>
  ids.length ? db.selectFrom('conversations').selectAll().where('id', 'in', ids).execute() : Promise.resolve([]);

export const messagesByIds = (db: Executor, ids: string[]) =>
  ids.length ? db.selectFrom('messages').selectAll().where('id', 'in', ids).execute() : Promise.resolve([]);

/** The member's side of a conversation (unread count, peer); throws when they are not in it. */
export const findMembership = (db: Executor, conversationId: string, me: string) =>
  db.selectFrom('conversationMembers').select(['conversationId', 'unreadCount', 'peerId'])
    .where('conversationId', '=', conversationId).where('userId', '=', me).executeTakeFirstOrThrow();

/** One page of the member's inbox, most recently active first (keyset on sort_key). */
export function listMemberships(db: Executor, me: string, after: string | undefined, limit: number) {
  let query = db.selectFrom('conversationMembers').select(['conversationId', 'unreadCount', 'peerId', 'sortKey']).where('userId', '=', me);
  if (after) query = query.where('sortKey', '<', after);
  return query.orderBy('sortKey', 'desc').limit(limit + 1).execute();
}

export async function unreadTotal(db: Executor, me: string) {
  const total = await db.selectFrom('conversationMembers').select(sql<number>`coalesce(sum(unread_count), 0)`.as('n')).where('userId', '=', me).executeTakeFirstOrThrow();
  return Number(total.n);
}

/** Read receipts: the newest message each peer has seen, by conversation. */
export async function peerReadMarks(db: Executor, conversationIds: string[], me: string) {
  const rows = await db
    .selectFrom('conversationMembers').select(['conversationId', 'lastReadMessageId'])
    .where('conversationId', 'in', conversationIds).where('userId', '<>', me).execute();
  return new Map(rows.map((p) => [p.conversationId, p.lastReadMessageId]));
}

/** Every block the member made or is under. */
export const blocksInvolving = (db: Executor, me: string) =>
  db.selectFrom('blocks').selectAll().where((eb) => eb.or([eb('blockerId', '=', me), eb('blockedId', '=', me)])).execute();

/**
 * One page of a conversation's messages for a member (a message a moderator hid stays only with
 * its sender): with `newerThan`, the messages after it, oldest first; else newest first before `before`.
 */
export function listMessages(db: Executor, conversationId: string, me: string, q: { newerThan?: string; before?: string; limit: number }) {
  let query = db
    .selectFrom('messages').selectAll().where('conversationId', '=', conversationId)
    .where((eb) => eb.or([eb('hiddenAt', 'is', null), eb('senderId', '=', me)]));
  if (q.newerThan) return query.where('id', '>', q.newerThan).orderBy('id', 'asc').limit(q.limit + 1).execute();
  if (q.before) query = query.where('id', '<', q.before);
  return query.orderBy('id', 'desc').limit(q.limit + 1).execute();
}
