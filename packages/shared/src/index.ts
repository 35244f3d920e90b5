// What both apps import: the item vocabulary (categories, conditions, delivery, states),
// the shared validation rules, and money helpers. No I/O, no app code.
export * from './categories.ts';
export * from './items.ts';
export * from './money.ts';
export * from './schemas.ts';
export * from './statuses.ts';
