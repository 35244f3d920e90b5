// The after-sale steps that appear on an order's timeline and in the chat's order cards
// (the API mirrors each case event on the order as after_sale_<type>).
const ORDER_EVENTS = [
  'after_sale_opened',
  'after_sale_accepted',
  'after_sale_rejected',
  'after_sale_return_shipped',
  'after_sale_received',
  'after_sale_escalated',
  'after_sale_referred',
  'after_sale_decided',
  'after_sale_withdrawn',
  'after_sale_lapsed',
  'after_sale_released',
  'after_sale_jurors_replaced',
] as const;
export type AfterSaleOrderEvent = (typeof ORDER_EVENTS)[number];

export const isAfterSaleEvent = (s: string): s is AfterSaleOrderEvent => (ORDER_EVENTS as readonly string[]).includes(s);
