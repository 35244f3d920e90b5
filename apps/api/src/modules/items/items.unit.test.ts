import { describe, expect, it } from 'vitest';
import { availableAfterQuantityEdit, createTermsErrors, patchedShippingFee, patchTermsErrors, takenUnits } from './terms.ts';

describe('quantity edits', () => {
  it('keeps taken units taken', () => {
    expect(takenUnits({ quantity: 5, available: 2 })).toBe(3);
    expect(availableAfterQuantityEdit({ quantity: 5, available: 2 }, 8)).toBe(5);
    expect(availableAfterQuantityEdit({ quantity: 5, available: 2 }, 3)).toBe(0);
    expect(availableAfterQuantityEdit({ quantity: 5, available: 2 }, 2)).toBeNull();
    expect(availableAfterQuantityEdit({ quantity: 1, available: 1 }, 999)).toBe(999);
  });
});

describe('create terms', () => {
  const cap = 1_000_000;
  it('checks the cap and the shipping fee rule', () => {
    expect(createTermsErrors({ price: cap, delivery: ['pickup'] }, cap)).toEqual([]);
    expect(createTermsErrors({ price: cap + 1, delivery: ['pickup'] }, cap).map((e) => e.path)).toEqual(['price']);
    expect(createTermsErrors({ price: 0, delivery: ['shipping'] }, cap).map((e) => e.path)).toEqual(['shippingFee']);
    expect(createTermsErrors({ price: 0, delivery: ['shipping'], shippingFee: 0 }, cap)).toEqual([]);
    expect(createTermsErrors({ price: 0, delivery: ['online'], shippingFee: 0 }, cap)).toEqual([]);
    expect(createTermsErrors({ price: 0, delivery: ['online'], shippingFee: null }, cap)).toEqual([]);
    expect(createTermsErrors({ price: 0, delivery: ['online'], shippingFee: 1 }, cap).map((e) => e.path)).toEqual(['shippingFee']);
  });
});

describe('patch terms', () => {
  const ships = { delivery: ['pickup', 'shipping'], shippingFee: 800 };
  const pickup = { delivery: ['pickup'], shippingFee: 0 };
  it('resolves the fee an edit leaves', () => {
    expect(patchedShippingFee(ships, {})).toBe(800);
    expect(patchedShippingFee(ships, { shippingFee: 0 })).toBe(0);
    expect(patchedShippingFee(ships, { delivery: ['shipping'] })).toBe(800);
    expect(patchedShippingFee(ships, { delivery: ['pickup'] })).toBe(0);
    expect(patchedShippingFee(ships, { shippingFee: null })).toBeUndefined();
    expect(patchedShippingFee(pickup, { delivery: ['shipping'] })).toBeUndefined();
    expect(patchedShippingFee(pickup, { delivery: ['shipping'], shippingFee: 500 })).toBe(500);
    expect(patchedShippingFee(pickup, { shippingFee: null })).toBe(0);
  });
  it('judges the merged terms, and the cap only when the price changes', () => {
    expect(patchTermsErrors(pickup, { delivery: ['shipping'] }, 100).map((e) => e.path)).toEqual(['shippingFee']);
    expect(patchTermsErrors(pickup, { shippingFee: 300 }, 100).map((e) => e.path)).toEqual(['shippingFee']);
    expect(patchTermsErrors(ships, { shippingFee: null }, 100).map((e) => e.path)).toEqual(['shippingFee']);
    expect(patchTermsErrors(ships, { delivery: ['online'] }, 100)).toEqual([]);
    expect(patchTermsErrors(ships, { title: 'x' } as object, 100)).toEqual([]);
    expect(patchTermsErrors(ships, { price: 101 }, 100).map((e) => e.path)).toEqual(['price']);
  });
});
