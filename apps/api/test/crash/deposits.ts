// Reservation deposits (定金托管) in the crash test: a pickup order reserved with a deposit,
// then by turns the rest paid and handed over, cancelled by the seller (deposit refunded),
// cancelled by the buyer, or claimed a no-show by the seller and contested by the buyer as an
// after-sale case (the deposit held) which the seller accepts (refunded from escrow). Every
// money step carries an Idempotency-Key, and a kill -9 may land between any two of them.
type Call = (
  method: string,
  path: string,
  token?: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<{ status: number; json: { id?: string; pickupCode?: string; status?: string } | null }>;

export async function depositFlow(call: Call, seller: string, buyer: string, itemId: string, i: number): Promise<void> {
  const placed = await call('POST', '/orders', buyer, { itemId, delivery: 'pickup', deposit: 1 + (i % 50) }, { 'idempotency-key': `d-${buyer.slice(-6)}-${i}-${Math.random()}` });
  const id = placed.json?.id;
  if (placed.status !== 201 || !id) return;
  const reserved = await call('POST', `/orders/${id}/pay`, buyer, undefined, { 'idempotency-key': `dep-${id}` });
  if (reserved.json?.status !== 'reserved') return;
  switch (i % 4) {
    case 0: {
      await call('POST', `/orders/${id}/pay`, buyer, undefined, { 'idempotency-key': `rest-${id}` });
      await call('POST', `/orders/${id}/handover`, seller, { pickupCode: placed.json?.pickupCode });
      return;
    }
    case 1:
      await call('POST', `/orders/${id}/cancel`, seller, { reason: 'crash' }, { 'idempotency-key': `dc-${id}` });
      return;
    case 2:
      await call('POST', `/orders/${id}/cancel`, buyer, {}, { 'idempotency-key': `dc-${id}` });
      return;
    default: {
      await call('POST', `/orders/${id}/no-show`, seller, undefined, { 'idempotency-key': `ns-${id}` });
      const c = await call('POST', `/orders/${id}/after-sale`, buyer, { reason: 'not_received', description: '我按时到了' }, { 'idempotency-key': `ds-${id}` });
      if (c.json?.id) await call('POST', `/after-sales/${c.json.id}/accept`, seller, undefined, { 'idempotency-key': `da-${c.json.id}` });
    }
  }
}
