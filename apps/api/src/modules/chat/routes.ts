import { createRoute, z } from '@hono/zod-openapi';
import { type Ctx, IdParam, jsonBody, jsonContent, newRouter, problemResponses, requireUser } from '../../lib/http.ts';
import { DEFAULT_LIMIT, MAX_LIMIT, decodeCursor, toPage } from '../../lib/pagination.ts';
import { findItemCards } from '../items/cards.ts';
import { presentUserCard, usersByIds } from '../accounts/index.ts';
import { presentMessages } from './presenter.ts';
import {
  blockState, blocksInvolving, conversationsByIds, findMembership, listMemberships, listMessages, messagesByIds, peerReadMarks, unreadTotal,
} from './repo.ts';
import { ConversationJson, CreateConversationBody, MessageJson, SendMessageBody } from './schema.ts';
import { loadMembership, markRead, openConversation, sendMessage } from './service.ts';

const tags = ['chat'];
const security = [{ Bearer: [] }];
const Page = z.object({
  cursor: z.string().max(200).optional(),
  after: z.string().regex(/^[0-9a-f]{16}$/).optional().openapi({ description: 'Messages newer than this id, oldest first (catch-up after a reconnect)' }),
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT),
});

async function presentConversations(c: Ctx, rows: { conversationId: string; unreadCount: number; peerId: string }[]) {
  const deps = c.get('deps');
  const me = requireUser(c).id;
  if (!rows.length) return [];
  const ids = rows.map((r) => r.conversationId);
  const convs = await conversationsByIds(deps.db, ids);
  const peerById = await usersByIds(deps.db, rows.map((r) => r.peerId));
  const lasts = await messagesByIds(deps.db, convs.map((x) => x.lastMessageId).filter((v): v is string => !!v));
  const presented = new Map((await presentMessages(deps.db, lasts, me, deps.clock.now())).map((m) => [m.id, m]));
  const cards = await findItemCards(deps.db, convs.map((x) => x.itemId).filter((v): v is string => !!v));
  const peerRead = await peerReadMarks(deps.db, ids, me);
  const blocks = await blocksInvolving(deps.db, me);
  const convById = new Map(convs.map((x) => [x.id, x]));
  return rows.map((r) => {
    const conv = convById.get(r.conversationId);
    const peer = peerById.get(r.peerId);
    return {
      id: r.conversationId,
      peer: presentUserCard({ id: r.peerId, displayName: peer?.displayName ?? '', avatarId: peer?.avatarId ?? null }),
      item: conv?.itemId ? (cards.get(conv.itemId) ?? null) : null,
      unreadCount: r.unreadCount,
      // Read receipts: the newest message the peer has seen.
      peerLastReadMessageId: peerRead.get(r.conversationId) ?? null,
      riskScore: conv?.riskScore ?? 0,
      lastMessage: conv?.lastMessageId ? (presented.get(conv.lastMessageId) ?? null) : null,
      blocked: {
        byMe: blocks.some((b) => b.blockerId === me && b.blockedId === r.peerId),
        byPeer: blocks.some((b) => b.blockerId === r.peerId && b.blockedId === me),
      },
      createdAt: conv?.createdAt.toISOString() ?? '',
    };
  });
}

export function chatRoutes() {
  const r = newRouter();

  r.openapi(
    createRoute({
      method: 'post', path: '/conversations', tags, security, request: { body: jsonBody(CreateConversationBody) },
      responses: { 200: jsonContent(ConversationJson, 'The existing conversation'), 201: jsonContent(ConversationJson, 'A new conversation'), ...problemResponses(400, 401, 404, 422) },
    }),
    async (c) => {
      const me = requireUser(c).id;
      const body = c.req.valid('json');
      const { conversation, created } = await openConversation(c.get('deps'), me, body.peerId, body.itemId);
      const member = await findMembership(c.get('deps').db, conversation.id, me);
      const [out] = await presentConversations(c, [member]);
      return c.json(out as z.infer<typeof ConversationJson>, created ? 201 : 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get', path: '/conversations', tags, security, request: { query: Page },
      responses: { 200: jsonContent(z.object({ items: z.array(ConversationJson), nextCursor: z.string().nullable(), unreadTotal: z.number().int() })), ...problemResponses(401) },
    }),
    async (c) => {
      const deps = c.get('deps');
      const me = requireUser(c).id;
      const q = c.req.valid('query');
      const after = decodeCursor(q.cursor, 1)?.[0] as string | undefined;
      const rows = await listMemberships(deps.db, me, after, q.limit);
      const items = await presentConversations(c, rows.slice(0, q.limit));
      const total = await unreadTotal(deps.db, me);
      return c.json({ items, nextCursor: toPage(rows, q.limit, (x) => [x.sortKey], (x) => x).nextCursor, unreadTotal: total }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get', path: '/conversations/{id}', tags, security, request: { params: IdParam },
      responses: { 200: jsonContent(ConversationJson), ...problemResponses(401, 404) },
    }),
    async (c) => {
      const me = requireUser(c).id;
      await loadMembership(c.get('deps'), me, c.req.valid('param').id);
      const member = await findMembership(c.get('deps').db, c.req.valid('param').id, me);
      return c.json((await presentConversations(c, [member]))[0] as z.infer<typeof ConversationJson>, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post', path: '/conversations/{id}/messages', tags, security, request: { params: IdParam, body: jsonBody(SendMessageBody) },
      responses: { 201: jsonContent(MessageJson), ...problemResponses(400, 401, 403, 404, 422, 429) },
    }),
    async (c) => {
      const m = await sendMessage(c.get('deps'), requireUser(c).id, c.req.valid('param').id, c.req.valid('json'));
      return c.json(m as z.infer<typeof MessageJson>, 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'get', path: '/conversations/{id}/messages', tags, security, request: { params: IdParam, query: Page },
      responses: { 200: jsonContent(z.object({ items: z.array(MessageJson), nextCursor: z.string().nullable() })), ...problemResponses(400, 401, 404) },
    }),
    async (c) => {
      const deps = c.get('deps');
      const me = requireUser(c).id;
      const id = c.req.valid('param').id;
      await loadMembership(deps, me, id);
      const q = c.req.valid('query');
      if (q.after) {
        const rows = await listMessages(deps.db, id, me, { newerThan: q.after, limit: q.limit });
        const items = await presentMessages(deps.db, rows.slice(0, q.limit), me, deps.clock.now());
        return c.json({ items, nextCursor: null }, 200);
      }
      const before = decodeCursor(q.cursor, 1)?.[0] as string | undefined;
      const rows = await listMessages(deps.db, id, me, { before, limit: q.limit });
      const items = await presentMessages(deps.db, rows.slice(0, q.limit), me, deps.clock.now());
      return c.json({ items, nextCursor: toPage(rows, q.limit, (m) => [m.id], (m) => m).nextCursor }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post', path: '/conversations/{id}/read', tags, security, request: { params: IdParam },
      responses: { 204: { description: 'Marked read' }, ...problemResponses(401, 404) },
    }),
    async (c) => {
      await markRead(c.get('deps'), requireUser(c).id, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  return r;
}

export { blockState };
