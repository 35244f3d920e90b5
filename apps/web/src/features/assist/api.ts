// Smart assistance (API.md "Smart assistance"): suggestions for the sell form as the seller
// types (POST /items/suggest), and the smart-hosting switch of an item (PATCH /items/:id).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { type Schemas, call, client } from '../../lib/api.ts';
import { itemKey } from '../items/api.ts';

export type Suggestion = Schemas['Suggestion'];
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
    {
      title: input.title.trim(),
      description: input.description.trim().slice(0, 500),
      photoCount: Math.min(input.photoCount, 9),
    },
    600,
  );
  return useQuery({
    queryKey: ['assist', 'suggest', settled.title, settled.description, settled.photoCount],
    enabled: enabled && [...settled.title].length >= 2,
    queryFn: () => call(client.POST('/api/v1/items/suggest', { body: settled })),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    retry: false,
  });
}

/** Smart hosting on or off; the item everywhere in the cache follows. */
export function useSetHosting(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (hosting: boolean) =>
      call(client.PATCH('/api/v1/items/{id}', { params: { path: { id } }, body: { hosting } })),
    onSuccess: (item) => {
      qc.setQueryData([...itemKey(item.id), null, null], item);
      void qc.invalidateQueries({ queryKey: itemKey(item.id) });
    },
  });
}
