// A title with the matched words marked: React elements built from the API's [start, end)
// spans, never HTML, so a title cannot inject markup.
import type { Marks } from '../api.ts';

export function MarkedText({ text, marks }: { text: string; marks: Marks }) {
  const parts: { s: string; hit: boolean }[] = [];
  let at = 0;
  for (const [start = 0, end = 0] of marks) {
    if (start < at || end > text.length || start >= end) continue;
    if (start > at) parts.push({ s: text.slice(at, start), hit: false });
    parts.push({ s: text.slice(start, end), hit: true });
    at = end;
  }
  if (at < text.length) parts.push({ s: text.slice(at), hit: false });
  return (
    <>
      {parts.map((p, i) =>
        p.hit ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts never reorder
          <mark key={i} className="search-mark">
            {p.s}
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts never reorder
          <span key={i}>{p.s}</span>
        ),
      )}
    </>
  );
}
