// The stall host's writes (电子地摊帖): rules, closing and reopening, pins. Each answer is the
// note (or nothing, for pins); the note and its comments are read again.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call, client } from '../../lib/api.ts';
import { commentsKey, noteKey } from './api.ts';
import type { StallRules } from './types.ts';

const byId = (id: string) => ({ params: { path: { id } } });

export function useSetStallRules(noteId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (rules: StallRules) => call(client.PUT('/api/v1/notes/{id}/stall/rules', { ...byId(noteId), body: rules })),
    onSuccess: (note) => qc.setQueryData(noteKey(noteId), note),
  });
}

export function useStallOpen(noteId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (open: boolean) => call(client.POST(`/api/v1/notes/{id}/stall/${open ? 'reopen' : 'close'}`, byId(noteId))),
    onSuccess: (note) => qc.setQueryData(noteKey(noteId), note),
  });
}

export function usePinComment(noteId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ commentId, pinned }: { commentId: string; pinned: boolean }) =>
      call(pinned ? client.PUT('/api/v1/comments/{id}/pin', byId(commentId)) : client.DELETE('/api/v1/comments/{id}/pin', byId(commentId))),
    onSuccess: () => void qc.invalidateQueries({ queryKey: commentsKey(noteId) }),
  });
}
