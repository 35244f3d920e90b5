// The desktop layout starts where a phone column would leave most of the screen empty. CSS does
// the layout (layout.css, `@media (min-width: 960px)`); this hook is for the few places where
// desktop shows something more (the side navigation, the inbox beside a conversation).
import { useSyncExternalStore } from 'react';

export const DESKTOP_QUERY = '(min-width: 960px)';

function subscribe(onChange: () => void) {
  const mq = window.matchMedia(DESKTOP_QUERY);
  mq.addEventListener('change', onChange);
  return () => mq.removeEventListener('change', onChange);
}

const snapshot = () => window.matchMedia(DESKTOP_QUERY).matches;

export function useDesktop(): boolean {
  return useSyncExternalStore(subscribe, snapshot, () => false);
}
