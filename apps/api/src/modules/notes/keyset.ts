// Moved to lib/pagination.ts (issue 10: lib never imports a module, modules share lib). This
// re-export keeps importers that were being edited elsewhere compiling; it goes once they move.
export { type Keyset, cursorOf, cutPage, decodeKeyset } from '../../lib/pagination.ts';
