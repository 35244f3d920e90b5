// Reviews and the credit score (API.md: /orders/:id/review, /users/:id/reviews, /users/:id/credit).
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Schemas, call, client } from '../../lib/api.ts';
import { creditKey } from '../accounts/api.ts';

export type Review = Schemas['Review'];
export type ReviewTag = Review['tags'][number];
export type OrderReviews = Awaited<ReturnType<typeof fetchOrderReviews>>;
export type CreditWithHistory = Schemas['Credit'];
export type CreditFactor = CreditWithHistory['factors'][number];

const fetchOrderReviews = (id: string) => call(client.GET('/api/v1/orders/{id}/reviews', { params: { path: { id } } }));

const orderReviewsKey = (orderId: string) => ['orders', orderId, 'reviews'] as const;
const userReviewsKey = (userId: string) => ['users', userId, 'reviews'] as const;

export const useOrderReviews = (orderId: string, enabled = true) =>
  useQuery({ queryKey: orderReviewsKey(orderId), queryFn: () => fetchOrderReviews(orderId), enabled });

export function useWriteReview(orderId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: Schemas['ReviewBody']) =>
      call(client.POST('/api/v1/orders/{id}/review', { params: { path: { id: orderId } }, body: input })),
    onSuccess: () => qc.invalidateQueries({ queryKey: orderReviewsKey(orderId) }),
  });
}

export function useReplyToReview(subjectId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { reviewId: string; text: string }) =>
      call(client.POST('/api/v1/reviews/{id}/reply', { params: { path: { id: input.reviewId } }, body: { text: input.text } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: userReviewsKey(subjectId) }),
  });
}

export const useUserReviews = (userId: string) =>
  useInfiniteQuery({
    queryKey: userReviewsKey(userId),
    queryFn: ({ pageParam }) =>
      call(
        client.GET('/api/v1/users/{id}/reviews', {
          params: { path: { id: userId }, query: { limit: 10, cursor: pageParam || undefined } },
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useCreditWithHistory = (userId: string) =>
  useQuery({
    queryKey: creditKey(userId),
    queryFn: () => call(client.GET('/api/v1/users/{id}/credit', { params: { path: { id: userId } } })),
  });
