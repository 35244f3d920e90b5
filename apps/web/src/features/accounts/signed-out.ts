// 退出登录 ends the session on the server first. From that moment any member request still in
// flight (an unread count, the offer badge, a socket reconnect) may answer 401, and main.tsx
// forgets the member on a 401 — while 我 is still on screen. RequireMember then sent the page to
// /login?next=/me instead of home (issue 15). A sign-out the member asked for lands on home:
// for a few seconds after it starts, a guarded page that finds no member goes to `/`.
const WINDOW_MS = 5_000;
let since = 0;

export const markSigningOut = () => {
  since = Date.now();
};
export const cancelSigningOut = () => {
  since = 0;
};
export const isSigningOut = () => Date.now() - since < WINDOW_MS;
