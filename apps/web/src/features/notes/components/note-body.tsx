// A note's text with its #话题 highlighted, then the tags the body does not already show.
// A topic runs from # to a space, a second # or punctuation — as the server reads it (tags.ts).
import { Fragment } from 'react';
import { Link } from 'react-router';

const TOPIC = /#([^\s#,.!?;:'"()[\]{}<>，。！？、；：“”‘’（）【】《》…~～|/\\@]+)#?/gu;

const norm = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/[#\s]+/gu, '')
    .toLowerCase();

export function NoteBody({ body, tags }: { body: string; tags: string[] }) {
  const parts: { text: string; tag: boolean; at: number }[] = [];
  const inBody = new Set<string>();
  let at = 0;
  for (const m of body.matchAll(TOPIC)) {
    const start = m.index ?? 0;
    if (start > at) parts.push({ text: body.slice(at, start), tag: false, at });
    parts.push({ text: m[0], tag: true, at: start });
    inBody.add(norm(m[1] ?? ''));
    at = start + m[0].length;
  }
  if (at < body.length) parts.push({ text: body.slice(at), tag: false, at });
  const extra = tags.filter((t) => !inBody.has(norm(t)));
  return (
    <>
      {body && (
        <p className="note-text" data-testid="note-body">
          {parts.map((p) =>
            p.tag ? (
              <Link key={p.at} className="note-tag" to={`/tags/${encodeURIComponent(norm(p.text))}`}>
                {p.text}
              </Link>
            ) : (
              <Fragment key={p.at}>{p.text}</Fragment>
            ),
          )}
        </p>
      )}
      {extra.length > 0 && (
        <p className="note-tags">
          {extra.map((tag) => (
            <Link key={tag} className="note-tag" to={`/tags/${encodeURIComponent(norm(tag))}`}>
              #{tag}
            </Link>
          ))}
        </p>
      )}
    </>
  );
}
