import { describe, expect, it } from 'vitest';
import { type Action, type Delivery, type OrderStatus, type Role, availableActions, maxDeposit, transition } from './state.ts';

describe('order state machine', () => {
  const allowed: [OrderStatus, Delivery, Action, Role, OrderStatus][] = [
    ['pending_payment', 'shipping', 'pay', 'buyer', 'paid'],
    ['paid', 'shipping', 'ship', 'seller', 'shipped'],
    ['shipped', 'shipping', 'confirm', 'buyer', 'completed'],
    ['paid', 'online', 'deliver', 'seller', 'delivered'],
    ['delivered', 'online', 'confirm', 'buyer', 'completed'],
    ['paid', 'pickup', 'handover', 'seller', 'completed'],
    ['pending_payment', 'pickup', 'cancel', 'buyer', 'cancelled'],
    ['paid', 'shipping', 'cancel', 'seller', 'cancelled'],
    ['pending_payment', 'shipping', 'expire', 'system', 'cancelled'],
    ['shipped', 'shipping', 'auto_confirm', 'system', 'completed'],
    ['delivered', 'online', 'auto_confirm', 'system', 'completed'],
  ];
  it.each(allowed)('%s (%s): %s by %s → %s', (status, delivery, action, role, to) => {
    expect(transition({ status, delivery }, action, role)).toEqual({ ok: true, to });
  });

  const refused: [OrderStatus, Delivery, Action, Role, string][] = [
    ['pending_payment', 'shipping', 'ship', 'seller', 'wrong_state'],
    ['paid', 'shipping', 'ship', 'buyer', 'wrong_role'],
    ['paid', 'pickup', 'ship', 'seller', 'wrong_delivery'],
    ['shipped', 'shipping', 'cancel', 'buyer', 'wrong_state'],
    ['completed', 'shipping', 'cancel', 'seller', 'wrong_state'],
    ['paid', 'shipping', 'confirm', 'buyer', 'wrong_state'],
    ['paid', 'pickup', 'handover', 'buyer', 'wrong_role'],
    ['completed', 'pickup', 'handover', 'seller', 'wrong_state'],
    ['paid', 'shipping', 'pay', 'buyer', 'wrong_state'],
    ['cancelled', 'shipping', 'pay', 'buyer', 'wrong_state'],
    ['paid', 'shipping', 'expire', 'system', 'wrong_state'],
    ['shipped', 'shipping', 'confirm', 'seller', 'wrong_role'],
  ];
  it.each(refused)('%s (%s): %s by %s is refused (%s)', (status, delivery, action, role, reason) => {
    expect(transition({ status, delivery }, action, role)).toEqual({ ok: false, reason });
  });

  it('lists the actions of each side', () => {
    expect(availableActions({ status: 'pending_payment', delivery: 'shipping' }, 'buyer')).toEqual(['pay', 'cancel']);
    expect(availableActions({ status: 'paid', delivery: 'shipping' }, 'seller')).toEqual(['ship', 'cancel']);
    expect(availableActions({ status: 'paid', delivery: 'pickup' }, 'seller')).toEqual(['handover', 'cancel']);
    expect(availableActions({ status: 'completed', delivery: 'pickup' }, 'buyer')).toEqual([]);
  });

  describe('reservation deposit', () => {
    const dep = (status: OrderStatus, noShow = false) => ({ status, delivery: 'pickup' as Delivery, deposit: true, noShow });
    it('the deposit reserves, the rest pays', () => {
      expect(transition(dep('pending_payment'), 'pay', 'buyer')).toEqual({ ok: true, to: 'reserved' });
      expect(transition(dep('reserved'), 'pay', 'buyer')).toEqual({ ok: true, to: 'paid' });
      expect(transition({ status: 'pending_payment', delivery: 'pickup' }, 'pay', 'buyer')).toEqual({ ok: true, to: 'paid' });
      expect(transition(dep('paid'), 'handover', 'seller')).toEqual({ ok: true, to: 'completed' });
      expect(transition(dep('reserved'), 'handover', 'seller')).toEqual({ ok: false, reason: 'wrong_state' });
    });
    it('either side cancels a reservation; after a no-show claim only the seller', () => {
      expect(transition(dep('reserved'), 'cancel', 'buyer')).toEqual({ ok: true, to: 'cancelled' });
      expect(transition(dep('reserved'), 'cancel', 'seller')).toEqual({ ok: true, to: 'cancelled' });
      expect(transition(dep('reserved', true), 'cancel', 'seller')).toEqual({ ok: true, to: 'cancelled' });
      expect(transition(dep('reserved', true), 'cancel', 'buyer')).toEqual({ ok: false, reason: 'wrong_state' });
      expect(transition(dep('reserved', true), 'pay', 'buyer')).toEqual({ ok: false, reason: 'wrong_state' });
    });
    it('the no-show claim: the seller, once, while reserved', () => {
      expect(transition(dep('reserved'), 'no_show', 'seller')).toEqual({ ok: true, to: 'reserved' });
      expect(transition(dep('reserved'), 'no_show', 'buyer')).toEqual({ ok: false, reason: 'wrong_role' });
      expect(transition(dep('reserved', true), 'no_show', 'seller')).toEqual({ ok: false, reason: 'wrong_state' });
      expect(transition(dep('paid'), 'no_show', 'seller')).toEqual({ ok: false, reason: 'wrong_state' });
      expect(transition(dep('pending_payment'), 'no_show', 'seller')).toEqual({ ok: false, reason: 'wrong_state' });
    });
    it('the system: the hold runs out without a claim, a claim settles', () => {
      expect(transition(dep('reserved'), 'expire_reservation', 'system')).toEqual({ ok: true, to: 'cancelled' });
      expect(transition(dep('reserved', true), 'expire_reservation', 'system')).toEqual({ ok: false, reason: 'wrong_state' });
      expect(transition(dep('reserved', true), 'settle_deposit', 'system')).toEqual({ ok: true, to: 'cancelled' });
      expect(transition(dep('reserved'), 'settle_deposit', 'system')).toEqual({ ok: false, reason: 'wrong_state' });
      expect(transition(dep('reserved', true), 'settle_deposit', 'seller')).toEqual({ ok: false, reason: 'wrong_role' });
      expect(transition(dep('refunding', true), 'settle_deposit', 'system')).toEqual({ ok: false, reason: 'wrong_state' });
    });
    it('lists the actions of each side', () => {
      expect(availableActions(dep('reserved'), 'buyer')).toEqual(['pay', 'cancel']);
      expect(availableActions(dep('reserved'), 'seller')).toEqual(['cancel', 'no_show']);
      expect(availableActions(dep('reserved', true), 'buyer')).toEqual([]);
      expect(availableActions(dep('reserved', true), 'seller')).toEqual(['cancel']);
    });
    it('a deposit is at most 30% of the total, rounded down', () => {
      expect(maxDeposit(3000)).toBe(900);
      expect(maxDeposit(3333)).toBe(999);
      expect(maxDeposit(3)).toBe(0);
    });
  });
});
