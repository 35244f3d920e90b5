// Notes and comments: one note, its comments and replies, publish/edit/delete, comment and
// delete a comment. Reads are public; writes need a member. Likes, collects and follows are in
// reactions.ts; the masonry lists in features/feed.
import {
  type InfiniteData,
  type QueryClient,
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { call, client, type paths } from '../../lib/api.ts';
import type { CommentInput, NoteInput, NotePatch, Page } from './types.ts';

export const noteKey = (id: string) => ['notes', id] as const;
export const commentsKey = (noteId: string) => ['notes', noteId, 'comments'] as const;
export const repliesKey = (noteId: string, commentId: string) => ['notes', noteId, 'replies', commentId] as const;
export const stallKey = (noteId: string) => ['notes', noteId, 'stall'] as const;
/** Every masonry list (feeds, a profile's notes and collects) lives under this prefix. */
export const cardsRoot = ['cards'] as const;

const byId = (id: string) => ({ params: { path: { id } } });

export const useNote = (id: string) =>
  useQuery({ queryKey: noteKey(id), queryFn: () => call(client.GET('/api/v1/notes/{id}', byId(id))) });

export const useComments = (noteId: string) =>
  useInfiniteQuery({
    queryKey: commentsKey(noteId),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      call(
        client.GET('/api/v1/notes/{id}/comments', {
          params: { path: { id: noteId }, query: { limit: 20, cursor: pageParam ?? undefined } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor,
  });

/** All replies of a thread, oldest first — fetched once the reader asks for more than the preview. */
export const useReplies = (noteId: string, commentId: string, enabled: boolean) =>
  useInfiniteQuery({
    queryKey: repliesKey(noteId, commentId),
    enabled,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      call(
        client.GET('/api/v1/comments/{id}/replies', {
          params: { path: { id: commentId }, query: { limit: 50, cursor: pageParam ?? undefined } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor,
  });

type StallItemsQuery = NonNullable<paths['/api/v1/notes/{id}/items']['get']['parameters']['query']>;
export type StallSort = NonNullable<StallItemsQuery['sort']>;

/** A stall thread's grid: every item offered in its comments (GET /notes/:id/items), live. */
export const useStallItems = (noteId: string, sort: StallSort) =>
  useInfiniteQuery({
    queryKey: [...stallKey(noteId), sort],
    placeholderData: keepPreviousData, // the grid stays on screen while another sort loads
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      call(
        client.GET('/api/v1/notes/{id}/items', {
          params: { path: { id: noteId }, query: { sort, limit: 30, cursor: pageParam ?? undefined } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor,
  });

export function useCreateNote() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: NoteInput) => call(client.POST('/api/v1/notes', { body: input })),
    onSuccess: (note) => {
      qc.setQueryData(noteKey(note.id), note);
      void qc.invalidateQueries({ queryKey: cardsRoot });
    },
  });
}

export function useEditNote(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: NotePatch) => call(client.PATCH('/api/v1/notes/{id}', { ...byId(id), body: patch })),
    onSuccess: (note) => {
      qc.setQueryData(noteKey(id), note);
      void qc.invalidateQueries({ queryKey: cardsRoot });
    },
  });
}

export function useDeleteNote(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => call(client.DELETE('/api/v1/notes/{id}', byId(id))),
    onSuccess: () => {
      // The note's own cache entry is dropped by the page once it has left (removeNote).
      dropCard(qc, id);
      void qc.invalidateQueries({ queryKey: cardsRoot });
    },
  });
}

export const removeNote = (qc: QueryClient, id: string) => qc.removeQueries({ queryKey: noteKey(id) });

/** Removes a deleted note from every masonry list at once, before the lists refetch. */
function dropCard(qc: QueryClient, id: string) {
  qc.setQueriesData<InfiniteData<Page<{ id: string }>>>({ queryKey: cardsRoot }, (data) =>
    data ? { ...data, pages: data.pages.map((p) => ({ ...p, items: p.items.filter((c) => c.id !== id) })) } : data,
  );
}

function refreshThread(qc: QueryClient, noteId: string) {
  void qc.invalidateQueries({ queryKey: commentsKey(noteId) });
  void qc.invalidateQueries({ queryKey: ['notes', noteId, 'replies'] });
  void qc.invalidateQueries({ queryKey: stallKey(noteId) });
  void qc.invalidateQueries({ queryKey: noteKey(noteId), exact: true });
}

export function useCreateComment(noteId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CommentInput) =>
      call(client.POST('/api/v1/notes/{id}/comments', { ...byId(noteId), body: input })),
    onSuccess: () => refreshThread(qc, noteId),
  });
}

export function useDeleteComment(noteId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (commentId: string) => call(client.DELETE('/api/v1/comments/{id}', byId(commentId))),
    onSuccess: () => refreshThread(qc, noteId),
  });
}
