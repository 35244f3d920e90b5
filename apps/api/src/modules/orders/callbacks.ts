// The gateway's notification endpoint. Real gateways sign; we verify the HMAC and the
// timestamp (5 minutes), refuse replays, and answer 2xx to a duplicate so the gateway stops
// retrying — its effect was booked once.
import { Hono } from 'hono';
import { AppError } from '../../lib/errors.ts';
import type { AppEnv } from '../../lib/http.ts';
import { type CallbackEvent, SIGNATURE_HEADER, verifyCallbackSignature } from './gateway.ts';
import { markFailed, markPaid } from './service/pay.ts';

export function paymentCallbacks() {
  const r = new Hono<AppEnv>();
  r.post('/payments/sandbox/callback', async (c) => {
    const deps = c.get('deps');
    const raw = await c.req.text();
    const check = verifyCallbackSignature(deps.secrets.signingKey, raw, c.req.header(SIGNATURE_HEADER), deps.clock.now().getTime());
    if (check === 'missing' || check === 'invalid') throw new AppError(401, 'invalid_signature', 'The callback signature does not verify.');
    if (check === 'stale') throw new AppError(400, 'stale_callback', 'The callback is older than 5 minutes: refused as a possible replay.');
    let e: CallbackEvent;
    try {
      e = JSON.parse(raw);
    } catch {
      throw new AppError(400, 'malformed_json', 'The callback body is not JSON.');
    }
    const fresh = await deps.db
      .insertInto('paymentCallbacks').values({ provider: 'sandbox', eventId: String(e.eventId) })
      .onConflict((oc) => oc.columns(['provider', 'eventId']).doNothing()).returning('eventId').executeTakeFirst();
    if (!fresh) return c.json({ received: true, duplicate: true });
    const payment = await deps.db.selectFrom('payments').select(['id', 'amount']).where('id', '=', String(e.paymentId)).executeTakeFirst();
    if (!payment || payment.amount !== e.amount) throw new AppError(422, 'unknown_payment', 'No payment matches this callback.');
    try {
      if (e.type === 'payment.succeeded') await markPaid(deps, payment.id, e.ref);
      else if (e.type === 'payment.failed') await markFailed(deps, payment.id, e.reason ?? 'declined');
    } catch (err) {
      // Not booked: forget the event so the gateway's retry is processed, not ignored.
      await deps.db.deleteFrom('paymentCallbacks').where('provider', '=', 'sandbox').where('eventId', '=', String(e.eventId)).execute();
      throw err;
    }
    return c.json({ received: true });
  });
  return r;
}
