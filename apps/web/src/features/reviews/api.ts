// Reviews and the credit score (API.md: /orders/:id/review, /users/:id/reviews, /users/:id/credit).
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { creditKey } from '../accounts/api.ts';

export type ReviewTag =
  | 'as_described'
  | 'fast_shipping'
  | 'friendly'
  | 'punctual'
  | 'well_packed'
  | 'good_value'
  | 'quick_payment'
  | 'easy_going';

export type Review = {
  id: string;
  orderId: string;
  rating: number;
  text: string;
  tags: ReviewTag[];
  authorRole: 'buyer' | 'seller';
  author: { id: string; displayName: string; avatarUrl: string | null } | null;
  itemTitle: string | null;
  refunded: boolean;
  reply: string | null;
  repliedAt: string | null;
  createdAt: string;
};

export type OrderReviews = {
  mine: Review | null;
  theirs: Review | null;
  theirsSubmitted: boolean;
  canReview: boolean;
  windowEndsAt: string | null;
  tags: ReviewTag[];
};

export type ReviewSummary = { average: number | null; count: number; tags: { tag: ReviewTag; count: number }[] };
type ReviewPage = { items: Review[]; nextCursor: string | null; summary: ReviewSummary };

export type CreditFactor = { key: string; points: number; max: number; count: number; detail: string };
export type CreditWithHistory = { score: number; factors: CreditFactor[]; history: { score: number; at: string }[] };

const orderReviewsKey = (orderId: string) => ['orders', orderId, 'reviews'] as const;
const userReviewsKey = (userId: string) => ['users', userId, 'reviews'] as const;

export const useOrderReviews = (orderId: string, enabled = true) =>
  useQuery({ queryKey: orderReviewsKey(orderId), queryFn: () => api.get<OrderReviews>(`/orders/${orderId}/reviews`), enabled });

export function useWriteReview(orderId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { rating: number; text?: string; tags?: ReviewTag[] }) => api.post<Review>(`/orders/${orderId}/review`, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: orderReviewsKey(orderId) }),
  });
}

export function useReplyToReview(subjectId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { reviewId: string; text: string }) => api.post<Review>(`/reviews/${input.reviewId}/reply`, { text: input.text }),
    onSuccess: () => qc.invalidateQueries({ queryKey: userReviewsKey(subjectId) }),
  });
}

export const useUserReviews = (userId: string) =>
  useInfiniteQuery({
    queryKey: userReviewsKey(userId),
    queryFn: ({ pageParam }) =>
      api.get<ReviewPage>(`/users/${encodeURIComponent(userId)}/reviews?limit=10${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useCreditWithHistory = (userId: string) =>
  useQuery({
    queryKey: creditKey(userId),
    queryFn: () => api.get<CreditWithHistory>(`/users/${encodeURIComponent(userId)}/credit`),
  });
