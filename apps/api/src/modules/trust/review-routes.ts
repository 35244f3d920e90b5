// Reviews and the credit score over HTTP (API.md: /orders/:id/review, /users/:id/reviews,
// /users/:id/credit).
import { createRoute, z } from '@hono/zod-openapi';
import { conflict, notFound } from '../../lib/errors.ts';
import { type Ctx, IdParam, jsonBody, jsonContent, newRouter, problemResponses, requireUser } from '../../lib/http.ts';
import { DEFAULT_LIMIT, MAX_LIMIT } from '../../lib/pagination.ts';
import { creditHistory, getCredit } from './credit-repo.ts';
import { requestSellerReview, sellerStatus } from './pro-seller.ts';
import { findMember } from './repo.ts';
import { ALL_REVIEW_TAGS, orderReviews, presentReview, replyToReview, userReviews, writeReview } from './reviews.ts';

const tags = ['reviews'];
const security = [{ Bearer: [] }];

/** A review tag (reviews.ts REVIEW_TAGS: what each side may say of the other). */
const ReviewTag = z.enum(ALL_REVIEW_TAGS);

const ReviewBody = z
  .object({
    rating: z.number().int().min(1).max(5),
    text: z.string().trim().max(500).optional(),
    tags: z.array(ReviewTag).max(6).optional(),
  })
  .openapi('ReviewBody');

const Review = z
  .object({
    id: z.string(),
    orderId: z.string(),
    rating: z.number().int(),
    text: z.string(),
    tags: z.array(ReviewTag),
    authorRole: z.enum(['buyer', 'seller']),
    author: z.object({ id: z.string(), displayName: z.string(), avatarUrl: z.string().nullable() }).nullable(),
    itemTitle: z.string().nullable(),
    refunded: z.boolean(),
    reply: z.string().nullable(),
    repliedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Review');

const ReviewSummary = z.object({
  average: z.number().nullable(),
  count: z.number().int(),
  tags: z.array(z.object({ tag: ReviewTag, count: z.number().int() })),
});

const CreditFactor = z.object({ key: z.string(), points: z.number(), max: z.number(), count: z.number(), detail: z.string() });
const Credit = z
  .object({
    score: z.number().int(),
    factors: z.array(CreditFactor),
    history: z.array(z.object({ score: z.number().int(), at: z.string() })),
  })
  .openapi('Credit');

async function existingUser(c: Ctx, id: string) {
  const u = await findMember(c.get('deps').db, id);
  if (!u || u.status === 'banned') throw notFound('user');
}

export function reviewRoutes() {
  const r = newRouter();

  r.openapi(
    createRoute({
      method: 'post', path: '/orders/{id}/review', tags, security, summary: 'Review the other side of a completed trade',
      description: `Once per side, within the review window. Hidden from everyone but its author until the other side has reviewed too or the window has closed.`,
      request: { params: IdParam, body: jsonBody(ReviewBody) },
      responses: { 201: jsonContent(Review, 'Written'), ...problemResponses(400, 401, 404, 409, 422) },
    }),
    async (c) => {
      const row = await writeReview(c.get('deps'), requireUser(c).id, c.req.valid('param').id, c.req.valid('json'));
      return c.json(presentReview(row), 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'get', path: '/orders/{id}/reviews', tags, security, summary: "The caller's review of a trade and, once visible, the other side's",
      request: { params: IdParam },
      responses: {
        200: jsonContent(
          z.object({
            mine: Review.nullable(),
            theirs: Review.nullable(),
            theirsSubmitted: z.boolean(),
            canReview: z.boolean(),
            windowEndsAt: z.string().nullable(),
            tags: z.array(ReviewTag),
          }),
        ),
        ...problemResponses(401, 404),
      },
    }),
    async (c) => c.json(await orderReviews(c.get('deps'), requireUser(c).id, c.req.valid('param').id), 200),
  );

  r.openapi(
    createRoute({
      method: 'post', path: '/reviews/{id}/reply', tags, security, summary: 'Reply once to a visible review about you',
      request: { params: IdParam, body: jsonBody(z.object({ text: z.string().trim().min(1).max(300) })) },
      responses: { 200: jsonContent(Review), ...problemResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const row = await replyToReview(c.get('deps'), requireUser(c).id, c.req.valid('param').id, c.req.valid('json').text);
      return c.json(presentReview(row), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get', path: '/users/{id}/reviews', tags, summary: "A member's visible reviews, with the average, count and tag cloud",
      request: {
        params: IdParam,
        query: z.object({
          role: z.enum(['buyer', 'seller']).optional().openapi({ description: 'Reviews of the member as a buyer or as a seller' }),
          cursor: z.string().max(200).optional(),
          limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT),
        }),
      },
      responses: {
        200: jsonContent(z.object({ items: z.array(Review), nextCursor: z.string().nullable(), summary: ReviewSummary })),
        ...problemResponses(400, 404),
      },
    }),
    async (c) => {
      const id = c.req.valid('param').id;
      await existingUser(c, id);
      return c.json(await userReviews(c.get('deps'), id, c.req.valid('query')), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get', path: '/users/{id}/credit', tags, summary: 'The credit score, every factor behind it, and its history',
      request: { params: IdParam },
      responses: { 200: jsonContent(Credit, 'The score and every factor behind it'), ...problemResponses(404) },
    }),
    async (c) => {
      const deps = c.get('deps');
      const id = c.req.valid('param').id;
      await existingUser(c, id);
      const credit = await getCredit(deps.db, id, deps.clock.now());
      if (!credit) throw notFound('user');
      const history = await creditHistory(deps.db, id);
      return c.json({ ...credit, history: history.map((h) => ({ score: h.score, at: h.at.toISOString() })) }, 200);
    },
  );

  const SellerStatus = z
    .object({
      status: z.enum(['ok', 'flagged', 'cleared']),
      signals: z.array(z.object({ key: z.string(), value: z.number(), threshold: z.number(), detail: z.string(), items: z.array(z.string()) })),
      flaggedAt: z.string().nullable(),
      reviewRequestedAt: z.string().nullable(),
      listingsPerDay: z.number().int().nullable(),
    })
    .openapi('SellerStatus');

  r.openapi(
    createRoute({
      method: 'get', path: '/me/seller-status', tags: ['trust'], security, summary: 'Whether the professional-seller guard limits you, and why',
      responses: { 200: jsonContent(SellerStatus), ...problemResponses(401) },
    }),
    async (c) => c.json(await sellerStatus(c.get('deps').db, requireUser(c).id, c.get('deps').config.proSellerListingsPerDay), 200),
  );

  r.openapi(
    createRoute({
      method: 'post', path: '/me/seller-status/review', tags: ['trust'], security, summary: 'Ask an operator to review a professional-seller flag',
      responses: { 200: jsonContent(SellerStatus), ...problemResponses(401, 409) },
    }),
    async (c) => {
      const deps = c.get('deps');
      const me = requireUser(c).id;
      if (!(await requestSellerReview(deps.db, me, deps.clock.now()))) throw conflict('not_flagged', 'Your account is not flagged.');
      return c.json(await sellerStatus(deps.db, me, deps.config.proSellerListingsPerDay), 200);
    },
  );

  return r;
}
