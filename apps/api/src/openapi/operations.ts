// What the OpenAPI document says about each operation beyond its route definition, keyed by
// "METHOD /path" (the /api/v1 prefix left out, as in safety/operations.ts). `id` becomes the
// operationId — client method names depend on it, so an id never changes once published.
// `summary` is used when the route declares none. `auth: 'optional'` marks public reads that
// answer a signed-in caller differently (their own hidden content, likes, blocks). `errors`
// adds problem statuses the route's own declaration leaves out; `example` is a request body.
// operations.unit.test.ts fails when a route has no entry here, so a new route adds one.
export type OperationMeta = {
  id: string;
  summary?: string;
  auth?: 'optional';
  errors?: number[];
  example?: Record<string, unknown>;
};

export const OPERATIONS: Record<string, OperationMeta> = {
  // accounts
  'POST /auth/register': { id: 'register', summary: 'Create an account and sign in', errors: [429], example: { username: 'lin_xiao', password: 'correct horse battery', displayName: '小林' } },
  'POST /auth/login': { id: 'login', summary: 'Sign in: a bearer token, and the session cookie for browsers', example: { username: 'lin_xiao', password: 'correct horse battery' } },
  'POST /auth/logout': { id: 'logout', summary: 'Sign out: the token or cookie stops working' },
  'GET /session': { id: 'getSession', summary: 'Who is signed in (null for a visitor, never 401)', auth: 'optional' },
  'GET /me': { id: 'getMe', summary: 'The signed-in member, with quick-sell eligibility' },
  'PATCH /me': { id: 'updateMe', summary: 'Edit your profile', example: { displayName: '小林', bio: '搬家出闲置', city: '杭州' } },
  'POST /me/verification': { id: 'verifyIdentity', summary: 'Verify your real name and ID number' },
  'GET /users/{id}': { id: 'getUser', summary: "A member's public profile, credit score and rating", auth: 'optional' },
  // privacy
  'GET /me/export': { id: 'exportMyData', summary: 'Everything stored about you, as one JSON download' },
  'DELETE /me': { id: 'deleteAccount', summary: 'Delete your account (trades and the ledger are kept)', example: { password: 'correct horse battery' } },
  // items
  'GET /items/categories': { id: 'listCategories', summary: 'Categories, conditions, delivery methods and limits' },
  // rules (the member-facing numbers of the operator settings)
  'GET /rules': { id: 'getRules' },
  'GET /items': { id: 'listItemsByIds', summary: 'Live item cards for the ids asked' },
  'POST /items': { id: 'createItem', summary: 'List an item for quick sale', example: { title: '宜家书桌 白色', description: '搬家出，九成新', price: 12000, quantity: 1, delivery: ['pickup'], category: 'furniture', condition: 'like_new' } },
  'GET /items/{id}': { id: 'getItem', summary: 'An item, with its distance when lat/lng are given', auth: 'optional' },
  'PATCH /items/{id}': { id: 'updateItem', summary: 'Edit your item, or turn smart hosting on or off', example: { price: 9900 } },
  'POST /items/{id}/withdraw': { id: 'withdrawItem', summary: 'Take your item off sale' },
  'POST /items/{id}/relist': { id: 'relistItem', summary: 'Put a withdrawn item back on sale' },
  'GET /users/{id}/items': { id: 'listUserItems', summary: "A member's items: on sale and sold out", auth: 'optional' },
  'GET /me/items': { id: 'listMyItems', summary: 'Your items in every state' },
  'POST /items/suggest': { id: 'suggestListing', summary: 'Smart publish: category, tags, title and a price range', example: { title: '九成新 Kindle Paperwhite', photoCount: 2 } },
  // offers
  'POST /items/{id}/offers': { id: 'makeOffer', summary: 'Offer a price for an item', example: { price: 8800 } },
  'GET /offers': { id: 'listOffers', summary: 'Offers you made or received' },
  'GET /offers/summary': { id: 'countOffersAwaitingMe' },
  'GET /offers/{id}': { id: 'getOffer', summary: 'An offer (its buyer and seller only)' },
  'POST /offers/{id}/accept': { id: 'acceptOffer', summary: 'Accept an offer' },
  'POST /offers/{id}/decline': { id: 'declineOffer', summary: 'Decline an offer' },
  'POST /offers/{id}/withdraw': { id: 'withdrawOffer', summary: 'Withdraw your offer' },
  'POST /offers/{id}/counter': { id: 'counterOffer', summary: 'Answer an offer with another price', example: { price: 9500 } },
  'PUT /items/{id}/floor-price': { id: 'setFloorPrice', summary: "Set your item's private floor price for smart hosting", example: { floorPrice: 8000 } },
  'GET /items/{id}/floor-price': { id: 'getFloorPrice', summary: "Your item's private floor price" },
  // orders
  'POST /orders': { id: 'placeOrder', summary: 'Place an order; stock is held for 15 minutes', example: { itemId: '0000a1b2c3d4e5f6', quantity: 1, delivery: 'pickup' } },
  'GET /orders': { id: 'listOrders', summary: 'Your orders as buyer or as seller' },
  'GET /orders/{id}': { id: 'getOrder', summary: 'An order (its buyer and seller only)' },
  'POST /orders/{id}/pay': { id: 'payOrder', summary: 'Pay an order (or its deposit) into escrow' },
  'POST /orders/{id}/ship': { id: 'shipOrder', example: { carrier: '顺丰', trackingNumber: 'SF1234567890' } },
  'POST /orders/{id}/deliver': { id: 'deliverOrder' },
  'POST /orders/{id}/confirm': { id: 'confirmOrder' },
  'POST /orders/{id}/handover': { id: 'handOverOrder', example: { pickupCode: '482913' } },
  'POST /orders/{id}/cancel': { id: 'cancelOrder', example: { reason: '买家不要了' } },
  'POST /orders/{id}/no-show': { id: 'reportNoShow' },
  'GET /orders/{id}/tracking': { id: 'trackOrder' },
  'GET /me/addresses': { id: 'listAddresses', summary: 'Your saved shipping addresses' },
  'POST /me/addresses': { id: 'saveAddress', summary: 'Save a shipping address', example: { name: '林晓', phone: '13800138000', line: '浙江省杭州市西湖区文三路 1 号' } },
  'DELETE /me/addresses/{id}': { id: 'deleteAddress', summary: 'Delete a saved address' },
  // wallet
  'GET /wallet': { id: 'getWallet', summary: 'Your balance: available, pending and withdrawn' },
  'GET /wallet/entries': { id: 'listWalletEntries', summary: 'Your ledger entries, newest first' },
  'POST /wallet/withdrawals': { id: 'requestWithdrawal', summary: 'Withdraw from your available balance', example: { amount: 5000 } },
  'GET /wallet/withdrawals': { id: 'listWithdrawals', summary: 'Your withdrawals and their state' },
  'GET /me/payout-methods': { id: 'listPayoutMethods', summary: 'Your payout methods (Alipay accounts, bank cards), masked' },
  'POST /me/payout-methods': { id: 'addPayoutMethod', summary: 'Add an Alipay account or a bank card to withdraw to' },
  'DELETE /me/payout-methods/{id}': { id: 'removePayoutMethod', summary: 'Remove a payout method' },
  // after-sale and jury
  'POST /orders/{id}/after-sale': { id: 'openAfterSale', example: { reason: 'not_as_described', description: '屏幕有划痕，描述里没有说', returnItem: true } },
  'GET /orders/{id}/after-sale': { id: 'getOrderAfterSale' },
  'GET /after-sales': { id: 'listAfterSales' },
  'GET /after-sales/{id}': { id: 'getAfterSale' },
  'POST /after-sales/{id}/accept': { id: 'acceptAfterSale' },
  'POST /after-sales/{id}/reject': { id: 'rejectAfterSale', example: { description: '发货前拍了视频，屏幕完好' } },
  'POST /after-sales/{id}/return': { id: 'returnAfterSaleItem', example: { carrier: '顺丰', trackingNumber: 'SF0987654321' } },
  'POST /after-sales/{id}/received': { id: 'receiveReturnedItem' },
  'POST /after-sales/{id}/escalate': { id: 'escalateAfterSale' },
  'POST /after-sales/{id}/withdraw': { id: 'withdrawAfterSale' },
  'GET /jury/cases': { id: 'listJuryCases' },
  'POST /jury/cases/{id}/vote': { id: 'voteOnCase', example: { verdict: 'refund', reason: '照片显示的划痕在描述里没有提到' } },
  'GET /jury/log': { id: 'listJuryLog' },
  // reviews and trust
  'POST /orders/{id}/review': { id: 'reviewOrder', example: { rating: 5, text: '东西很好，沟通顺畅', tags: ['as_described'] } },
  'GET /orders/{id}/reviews': { id: 'listOrderReviews' },
  'POST /reviews/{id}/reply': { id: 'replyToReview', example: { text: '谢谢！' } },
  'GET /users/{id}/reviews': { id: 'listUserReviews' },
  'GET /users/{id}/credit': { id: 'getUserCredit' },
  'GET /me/seller-status': { id: 'getSellerStatus' },
  'POST /me/seller-status/review': { id: 'requestSellerReview' },
  'PUT /users/{id}/block': { id: 'blockUser', summary: 'Block a member' },
  'DELETE /users/{id}/block': { id: 'unblockUser', summary: 'Unblock a member' },
  'GET /me/blocks': { id: 'listBlocks', summary: 'Members you have blocked' },
  'POST /reports': { id: 'reportContent', summary: 'Report a note, comment, item, member, message or conversation', example: { targetType: 'item', targetId: '0000a1b2c3d4e5f6', reason: 'scam', detail: '要求加微信私下转账' } },
  // chat
  'POST /conversations': { id: 'openConversation', summary: 'Open a conversation with a member (or get the existing one)', example: { peerId: '0000a1b2c3d4e5f6', itemId: '0000a1b2c3d4e5f7' } },
  'GET /conversations': { id: 'listConversations', summary: 'Your conversations with their unread counts' },
  'GET /conversations/{id}': { id: 'getConversation', summary: 'A conversation (its participants only)' },
  'POST /conversations/{id}/messages': { id: 'sendMessage', summary: 'Send a text, an item card, a photo or an offer', example: { text: '还在吗？' } },
  'GET /conversations/{id}/messages': { id: 'listMessages', summary: 'Messages, newest first (or after a given one)' },
  'POST /conversations/{id}/read': { id: 'markConversationRead', summary: 'Mark a conversation read' },
  // notifications
  'GET /notifications': { id: 'listNotifications', summary: 'Your notifications, with the unread count' },
  'GET /notifications/unread-count': { id: 'countUnreadNotifications', summary: 'How many notifications are unread' },
  'POST /notifications/read': { id: 'markNotificationsRead', summary: 'Mark notifications read (all when no ids)', example: { ids: ['0000a1b2c3d4e5f6'] } },
  // media
  'POST /media': { id: 'uploadPhoto', summary: 'Upload a photo (JPEG, PNG or WebP)' },
  // notes, comments, follows
  'POST /notes': { id: 'createNote', summary: 'Publish a note', example: { title: '周末跳蚤市场摆摊', body: '书和小家电，来看看', tags: ['跳蚤市场'] } },
  'GET /notes/{id}': { id: 'getNote', summary: 'A note with its live item cards and counts', auth: 'optional' },
  'PATCH /notes/{id}': { id: 'updateNote', summary: 'Edit your note', example: { title: '周末跳蚤市场摆摊（改到周日）' } },
  'DELETE /notes/{id}': { id: 'deleteNote', summary: 'Delete your note' },
  'PUT /notes/{id}/like': { id: 'likeNote', summary: 'Like a note' },
  'DELETE /notes/{id}/like': { id: 'unlikeNote', summary: 'Remove your like' },
  'PUT /notes/{id}/collect': { id: 'collectNote', summary: 'Collect (bookmark) a note' },
  'DELETE /notes/{id}/collect': { id: 'uncollectNote', summary: 'Remove your collect' },
  'GET /notes/{id}/items': { id: 'listStallItems' },
  'GET /notes/{id}/matches': { id: 'listWantedMatches', summary: "The wanted requests of a note, each with matching items" },
  'PUT /notes/{id}/stall/rules': { id: 'setStallRules' },
  'POST /notes/{id}/stall/close': { id: 'closeStall' },
  'POST /notes/{id}/stall/reopen': { id: 'reopenStall' },
  'PUT /comments/{id}/pin': { id: 'pinComment' },
  'DELETE /comments/{id}/pin': { id: 'unpinComment' },
  'POST /notes/{id}/comments': { id: 'commentOnNote', summary: 'Comment on a note, or reply to a comment', example: { body: '还有吗？想要' } },
  'GET /notes/{id}/comments': { id: 'listComments', summary: 'Top-level comments with their first replies', auth: 'optional' },
  'GET /comments/{id}/replies': { id: 'listReplies', summary: 'All replies of a top-level comment', auth: 'optional' },
  'DELETE /comments/{id}': { id: 'deleteComment', summary: 'Delete a comment (its author or the note’s author)' },
  'PUT /users/{id}/follow': { id: 'followUser', summary: 'Follow a member' },
  'DELETE /users/{id}/follow': { id: 'unfollowUser', summary: 'Unfollow a member' },
  'GET /users/{id}/followers': { id: 'listFollowers', summary: "A member's followers", auth: 'optional' },
  'GET /users/{id}/following': { id: 'listFollowing', summary: 'Members a member follows', auth: 'optional' },
  // feed and search
  'GET /feed': { id: 'getFeed', summary: 'Notes: latest, following, nearby or recommended', auth: 'optional' },
  'GET /users/{id}/notes': { id: 'listUserNotes', summary: "A member's notes", auth: 'optional' },
  'GET /users/{id}/collects': { id: 'listUserCollects', summary: 'Your collected notes (private)', auth: 'optional' },
  'GET /search': { id: 'search', summary: 'Search items on sale or notes, with filters and distance', auth: 'optional' },
  'GET /search/suggest': { id: 'suggestSearch', summary: 'Completions for what has been typed so far' },
  'POST /me/saved-searches': { id: 'saveSearch', summary: 'Save a search and be notified of new matches', example: { q: '自行车', maxPrice: 30000 } },
  'GET /me/saved-searches': { id: 'listSavedSearches', summary: 'Your saved searches' },
  'DELETE /me/saved-searches/{id}': { id: 'deleteSavedSearch', summary: 'Delete a saved search' },
  // operators
  'GET /admin/reports': { id: 'listReports' },
  'POST /admin/reports/{id}/resolve': { id: 'resolveReport', example: { action: 'hide', reason: '引导站外交易' } },
  'GET /admin/audit': { id: 'listAuditLog' },
  'GET /admin/users': { id: 'findUsers' },
  'PUT /admin/users/{id}/role': { id: 'setUserRole', example: { role: 'moderator', reason: '社区志愿者' } },
  'POST /admin/users/{id}/vouch': { id: 'vouchForUser' },
  'POST /admin/users/{id}/unvouch': { id: 'withdrawVouch' },
  'GET /admin/stats': { id: 'getMarketStats' },
  'GET /admin/settings': { id: 'getSettings' },
  'PATCH /admin/settings': { id: 'updateSettings', example: { reason: '春季活动', feeBps: 50 } },
  'GET /admin/after-sales': { id: 'listOperatorCases' },
  'POST /admin/after-sales/{id}/decide': { id: 'decideCase', example: { verdict: 'refund', reason: '卖家未能证明发货时完好' } },
  'GET /admin/withdrawals': { id: 'listAllWithdrawals' },
  'POST /admin/withdrawals/{id}/retry': { id: 'retryWithdrawal', example: { reason: '支付渠道恢复' } },
  // engagement (想要, seller stats, #话题 pages)
  'PUT /items/{id}/collect': { id: 'wantItem', summary: 'Press 想要 on an item' },
  'DELETE /items/{id}/collect': { id: 'unwantItem', summary: 'Take back your 想要 on an item' },
  'GET /users/{id}/seller-stats': { id: 'getSellerStats', summary: "A seller's items sold, response rate and median reply time" },
  'GET /tags/{tag}/notes': { id: 'listTagNotes', summary: 'Notes with a #话题, newest first', auth: 'optional' },
  'GET /tags/{tag}/items': { id: 'listTagItems', summary: 'Items on sale in notes with a #话题, newest first' },
};
