// The market's rules a member meets (GET /rules): the fee, the deposit cap, the minimum
// withdrawal, the timings. Operators change them in the console, so the pages read them here
// instead of writing the defaults into the text. Until the answer is in, `useRules().data` is
// undefined and a page leaves the number out (the server checks every rule anyway).
import { useQuery } from '@tanstack/react-query';
import { call, client, type Schemas } from './api.ts';

export type Rules = Schemas['Rules'];

export const rulesKey = ['rules'] as const;

export const fetchRules = () => call(client.GET('/api/v1/rules'));

/** The live rules; kept a minute (the server lets caches keep them 30 s). */
export const useRules = () => useQuery({ queryKey: rulesKey, queryFn: fetchRules, staleTime: 60_000 });

/** 60 basis points → "0.6%". */
export const percentOfBps = (bps: number) => `${Number((bps / 100).toFixed(2))}%`;
