// What other modules may use of notes (feed, engagement, accounts import this file, never notes'
// internals): the batch hydration of note cards, the schemas a note card is made of, tags, and
// a member's follow counts.
export { type Author, type MediaSize, authorsByIds, mediaByIds, reactedNoteIds } from './hydrate.ts';
export { type ItemCardOut, itemCardsByNote } from './items-port.ts';
export { findActiveUser } from './reactions.ts';
export { presentUserCard } from './presenter.ts';
export { ItemCard, NoteKind, PageQuery, UserCard } from './schema.ts';
export { MAX_TAG_CHARS, charCount, normalizeTag } from './tags.ts';
export { profileStats } from './follows.ts';
