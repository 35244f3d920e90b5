// The stall host's writes (电子地摊帖): rules, closing and reopening, pins. Each answer is the
// note (or nothing, for pins); the note and its comments are read again.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { commentsKey, noteKey } from './api.ts';
import type { Note, StallRules } from './types.ts';

const notePath = (id: string) => `/notes/${encodeURIComponent(id)}`;

export function useSetStallRules(noteId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (rules: StallRules) => api.put<Note>(`${notePath(noteId)}/stall/rules`, rules),
    onSuccess: (note) => qc.setQueryData(noteKey(noteId), note),
  });
}

export function useStallOpen(noteId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (open: boolean) => api.post<Note>(`${notePath(noteId)}/stall/${open ? 'reopen' : 'close'}`),
    onSuccess: (note) => qc.setQueryData(noteKey(noteId), note),
  });
}

export function usePinComment(noteId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ commentId, pinned }: { commentId: string; pinned: boolean }) =>
      pinned ? api.put<void>(`/comments/${encodeURIComponent(commentId)}/pin`) : api.del<void>(`/comments/${encodeURIComponent(commentId)}/pin`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: commentsKey(noteId) }),
  });
}
