// The assistant behind smart publish and smart hosting is pluggable (SPEC C9): the built-in
// one is local, deterministic and tested; a model-backed one can be registered under another
// name and chosen with ASSIST_PROVIDER. Whatever answers, the hosting service checks the
// answer before it is sent (hosting-guard.ts): no floor price, no contact details, offers
// accepted only at or above the floor. Providers see data, never the database.
import type { CategoryKey, ItemCondition } from '@jishi/shared';
import type { Deps } from '../../lib/http.ts';
import type { CategoryModel } from './classifier.ts';
import type { RoutineIntent } from './intents.ts';
import type { PriceRange, Trade } from './price-range.ts';

export type SuggestInput = { title: string; description?: string; photoCount?: number };

export type Suggestion = {
  category: CategoryKey;
  /** The best three categories with their probabilities, best first. */
  categories: { category: CategoryKey; p: number }[];
  tags: string[];
  title: string;
  /** The condition the words state (九成新 → like_new), if they state one. */
  condition: ItemCondition | null;
  priceRange: PriceRange | null;
  /** Why there is no range: too few similar completed trades, or no words to compare. */
  priceNote: 'too_few_comparables' | 'no_words' | null;
  /** Hints for the form: more photos sell better. */
  tips: 'add_photos'[];
};

/** What the market knows, fetched by the service on the provider's request. */
export type Market = {
  categoryModel(): Promise<CategoryModel>;
  /** Completed trades of a category, newest first. */
  comparableTrades(category: CategoryKey): Promise<Trade[]>;
};

/** The item as hosting may use it. The floor is here to decide with, never to be said. */
export type HostedItem = {
  title: string;
  description: string;
  price: number;
  floorPrice: number | null;
  status: 'on_sale' | 'sold_out' | 'withdrawn';
  available: number;
  delivery: string[];
  shippingFee: number;
  condition: string | null;
  locationLabel: string;
};

export type HostingQuestion = {
  /** The buyer's words; null for an offer card. */
  text: string | null;
  item: HostedItem;
  /** The offer the message carries, as it stands now. */
  offer: { price: number; status: string; declinedByFloor: boolean } | null;
};

export type HostingAnswer =
  | { kind: 'reply'; intents: RoutineIntent[]; text: string; acceptOffer?: boolean }
  | { kind: 'handover'; intents: RoutineIntent[]; reason: string }
  /** Nothing to say and nothing to tell the seller (an offer the seller is already notified of). */
  | { kind: 'none'; intents: RoutineIntent[]; reason: string };

export interface AssistProvider {
  readonly name: string;
  suggest(input: SuggestInput, market: Market): Promise<Suggestion>;
  answer(question: HostingQuestion): Promise<HostingAnswer>;
}

const registry = new Map<string, () => AssistProvider>();

/** Makes a provider choosable by name (ASSIST_PROVIDER). The built-in one registers as "builtin". */
export function registerAssistProvider(name: string, make: () => AssistProvider): void {
  registry.set(name, make);
}

const chosen = new WeakMap<Deps, AssistProvider>();

/** The provider the configuration names; one instance per app. */
export function assistProvider(deps: Deps): AssistProvider {
  let p = chosen.get(deps);
  if (!p) {
    const make = registry.get(deps.config.assistProvider);
    if (!make) throw new Error(`ASSIST_PROVIDER "${deps.config.assistProvider}" is not a registered assistant (known: ${[...registry.keys()].join(', ')})`);
    p = make();
    chosen.set(deps, p);
  }
  return p;
}
