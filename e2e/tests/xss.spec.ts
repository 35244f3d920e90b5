// XSS (issue 9): every text a member writes — item title and description, note title, body and
// tags, wanted requests, comments, chat messages, display name, bio, city, interest tags,
// place labels — is set through the API to a script payload; then every page that shows it
// is opened. Nothing may run: no dialog, no console error (a blocked inline handler is a CSP
// error), no element that could run script (on* attributes, javascript: URLs, inline
// scripts); and each payload reads as the text it is.
import type { Page } from '@playwright/test';
import { meViaApi, noteViaApi } from './community-helpers.ts';
import { expect, registerViaApi, test } from './helpers.ts';
import { listViaApi, photoPng, secondMember, sellerViaApi, uploadViaApi, watchErrors } from './sell-helpers.ts';

// The classic payloads; each field gets one with a word of its own after it, so the test
// sees that this very field shows as text (and lengths stay within each field's limit).
const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '<script>alert(1)</script>';
const SVG = '"><svg onload=alert(1)>';
const link = (text: string) => `<a href="javascript:alert(1)">${text}</a>`;
const iframe = (text: string) => `<iframe src="javascript:alert(1)"></iframe>${text}`;
const ALL = [IMG, SCRIPT, SVG, link('点我领红包'), iframe(''), 'javascript:alert(1)', '<style>*{display:none}</style>'];

const F = {
  sellerName: `${IMG}卖家`, // 30 characters, the limit
  sellerBio: `${SCRIPT}简介 ${link('我的店')}`,
  sellerCity: 'javascript:alert(1)//城市',
  interestTags: ['<svg/onload=alert()>', '<script>兴趣'],
  itemTitle: `${SVG}闲置标题`,
  itemDescription: `${ALL.join('\n')}\n描述完`,
  itemPlace: `${IMG}自提点`,
  noteTitle: `${SCRIPT}笔记标题`,
  noteBody: `${ALL.join('\n')}\n正文完 #<b>话题</b> #javascript:alert(1)`,
  noteTags: ['<svg/onload=alert()>', '<script>标签'],
  notePlace: iframe('笔记地点'),
  wantedTitle: link('求购笔记'),
  wantedBody: '<style>*{display:none}</style>求购正文',
  buyerName: `${SVG}买家`,
  buyerBio: iframe('买家简介'),
  comment: `${IMG}评论`,
  wantedComment: link('求购评论'),
  wantedCommentTitle: `${SCRIPT}求购`,
  reply: `${SVG}回复`,
  messages: [`${IMG}消息一`, `${SCRIPT}消息二`, link('消息三'), 'javascript:alert(1)//消息四'],
};

/** Records dialogs (alert, confirm, prompt) on a page and dismisses them. */
function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  return dialogs;
}

/** Everything in the document that could run script, described. */
async function scriptable(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const urlAttrs = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc']);
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const a of Array.from(el.attributes)) {
        const name = a.name.toLowerCase();
        if (name.startsWith('on')) found.push(`<${el.tagName.toLowerCase()} ${name}>`);
        if (urlAttrs.has(name) && /^\s*(javascript|vbscript|data:text\/html)/i.test(a.value))
          found.push(`<${el.tagName.toLowerCase()} ${name}="${a.value}">`);
      }
    }
    for (const s of Array.from(document.querySelectorAll('script'))) if (!s.src) found.push('inline <script>');
    for (const el of Array.from(document.querySelectorAll('iframe, object, embed, body style')))
      found.push(`<${el.tagName.toLowerCase()}>`);
    return found;
  });
}

/** Opens `path`, waits until each of `texts` shows as text, then checks nothing scriptable got in. */
async function visit(page: Page, dialogs: string[], path: string, texts: string[]) {
  await page.goto(path);
  for (const text of texts) await expect(page.getByText(text, { exact: false }).first(), `${path}: ${text}`).toBeVisible();
  expect(await scriptable(page), `scriptable elements on ${path}`).toEqual([]);
  expect(dialogs, `dialogs on ${path}`).toEqual([]);
}

test('script payloads in every member-written text render as text and run nothing', async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  const dialogs = watchDialogs(page);

  // The seller writes a profile, an item, a note with that item and a wanted note.
  await sellerViaApi(page.request, 'xss_s');
  const profile = await page.request.patch('/api/v1/me', {
    data: { displayName: F.sellerName, bio: F.sellerBio, city: F.sellerCity, interestTags: F.interestTags },
  });
  expect(profile.status(), await profile.text()).toBe(200);
  const seller = await meViaApi(page.request);
  const itemId = await listViaApi(page.request, {
    title: F.itemTitle,
    description: F.itemDescription,
    price: 2500,
    delivery: ['pickup'],
    category: 'other',
    condition: 'like_new',
    imageIds: [await uploadViaApi(page.request, await photoPng('#e06666'))],
    location: { label: F.itemPlace },
  });
  const noteId = await noteViaApi(page.request, {
    title: F.noteTitle,
    body: F.noteBody,
    tags: F.noteTags,
    itemIds: [itemId],
    location: { label: F.notePlace },
  });
  const wantedId = await noteViaApi(page.request, { kind: 'wanted', title: F.wantedTitle, body: F.wantedBody });

  // The buyer, in a browser of their own: a profile, comments (one a wanted request), messages.
  const buyer = await secondMember(browser, baseURL as string);
  const bp = buyer.page;
  const buyerErrors = watchErrors(bp);
  const buyerDialogs = watchDialogs(bp);
  await registerViaApi(bp.request, 'xss_b');
  const buyerProfile = await bp.request.patch('/api/v1/me', { data: { displayName: F.buyerName, bio: F.buyerBio } });
  expect(buyerProfile.status(), await buyerProfile.text()).toBe(200);
  const buyerMe = await meViaApi(bp.request);
  const comment = async (request: typeof bp.request, data: Record<string, unknown>) => {
    const r = await request.post(`/api/v1/notes/${noteId}/comments`, { data });
    expect(r.status(), await r.text()).toBe(201);
    return ((await r.json()) as { id: string }).id;
  };
  const first = await comment(bp.request, { body: F.comment });
  await comment(bp.request, { body: F.wantedComment, wanted: { title: F.wantedCommentTitle, maxPrice: 1000 } });
  await comment(page.request, { body: F.reply, parentId: first });

  const conv = await bp.request.post('/api/v1/conversations', { data: { peerId: seller.id, itemId } });
  expect(conv.status(), await conv.text()).toBeLessThan(300);
  const convId = ((await conv.json()) as { id: string }).id;
  const [m1, m2, m3, m4] = F.messages as [string, string, string, string];
  for (const [request, text] of [
    [bp.request, m1],
    [page.request, m2],
    [bp.request, m3],
    [bp.request, m4],
  ] as const) {
    const r = await request.post(`/api/v1/conversations/${convId}/messages`, { data: { text } });
    expect(r.status(), await r.text()).toBe(201);
  }

  // What the seller sees.
  await visit(page, dialogs, '/', [F.noteTitle, F.wantedTitle]);
  await visit(page, dialogs, `/notes/${noteId}`, [
    F.noteTitle,
    ...F.noteBody.split('\n'),
    ...F.noteTags,
    F.notePlace,
    F.itemTitle,
    F.sellerName,
    F.buyerName,
    F.comment,
    F.wantedComment,
    F.wantedCommentTitle,
    F.reply,
  ]);
  await visit(page, dialogs, `/notes/${wantedId}`, [F.wantedTitle, F.wantedBody]);
  await visit(page, dialogs, `/items/${itemId}`, [F.itemTitle, ...F.itemDescription.split('\n'), F.itemPlace, F.sellerName]);
  await visit(page, dialogs, `/u/${seller.id}`, [F.sellerName, F.sellerBio, F.sellerCity, ...F.interestTags, F.noteTitle]);
  await visit(page, dialogs, '/me', [F.sellerName, F.sellerBio]);
  await visit(page, dialogs, '/me/items', [F.itemTitle]);
  await visit(page, dialogs, '/messages', [F.buyerName, m4]);
  await visit(page, dialogs, `/messages/${convId}`, [...F.messages, F.buyerName, F.itemTitle]);

  // What the buyer sees.
  await visit(bp, buyerDialogs, `/u/${buyerMe.id}`, [F.buyerName, F.buyerBio]);
  await visit(bp, buyerDialogs, '/messages', [F.sellerName, m4]);
  await visit(bp, buyerDialogs, `/messages/${convId}`, [...F.messages, F.sellerName]);
  await visit(bp, buyerDialogs, `/checkout/${itemId}`, [F.itemTitle]);

  expect(buyerErrors, 'errors in the buyer’s console').toEqual([]);
  await buyer.ctx.close();
});

// The checks above can fail: markup injected the way a bug would inject it is caught by each.
test('the checks catch an injected payload', async ({ browser, baseURL }) => {
  const other = await secondMember(browser, baseURL as string);
  const errors = watchErrors(other.page);
  const dialogs = watchDialogs(other.page);
  await other.page.goto('/');
  await other.page.evaluate((html) => document.body.insertAdjacentHTML('beforeend', html), `${IMG}${link('x')}`);
  expect(await scriptable(other.page)).toEqual(['<img onerror>', '<a href="javascript:alert(1)">']);
  // The CSP refuses the inline handler, and says so in the console.
  await expect.poll(() => errors.join('\n')).toContain('Content Security Policy');
  await other.page.evaluate(() => window.alert('xss'));
  expect(dialogs).toEqual(['alert: xss']);
  await other.ctx.close();
});
