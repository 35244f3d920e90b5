// Smart assistance (API.md "Smart assistance"): suggestions for the sell form as the seller
// types (POST /items/suggest), and the smart-hosting switch of an item (PATCH /items/:id).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from '../../lib/api.ts';
import { type Item, itemKey } from '../items/api.ts';

export type Suggestion = {
  category: string;
  categories: { category: string; p: number }[];
  tags: string[];
  title: string;
  condition: string | null;
  priceRange: { low: number; high: number; comparables: { price: number; title: string }[] } | null;
  priceNote: 'too_few_comparables' | 'no_words' | null;
  tips: 'add_photos'[];
};

export type SuggestInput = { title: string; description: string; photoCount: number };

/** The value after it has stopped changing for `ms`: one request per pause in typing. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export function useSuggestion(input: SuggestInput, enabled: boolean) {
  const settled = useSettled(
    { title: input.title.trim(), description: input.description.trim().slice(0, 500), photoCount: Math.min(input.photoCount, 9) },
    600,
  );
  return useQuery({
    queryKey: ['assist', 'suggest', settled.title, settled.description, settled.photoCount],
    enabled: enabled && [...settled.title].length >= 2,
    queryFn: () => api.post<Suggestion>('/items/suggest', settled),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    retry: false,
  });
}

/** Smart hosting on or off; the item everywhere in the cache follows. */
export function useSetHosting(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (hosting: boolean) => api.patch<Item>(`/items/${encodeURIComponent(id)}`, { hosting }),
    onSuccess: (item) => {
      qc.setQueryData([...itemKey(item.id), null, null], item);
      void qc.invalidateQueries({ queryKey: itemKey(item.id) });
    },
  });
}
