// What other modules may use of search: the distance SQL (nearby feeds, recommendations) and the
// item query behind wanted-post matches.
export { distanceSql, nearSql, searchItemRows } from './repo.ts';
