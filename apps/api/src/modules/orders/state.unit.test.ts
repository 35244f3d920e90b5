import { describe, expect, it } from 'vitest';
import { type Action, type Delivery, type OrderStatus, type Role, availableActions, transition } from './state.ts';

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
});
