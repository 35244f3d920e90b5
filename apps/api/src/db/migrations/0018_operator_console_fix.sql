-- 0017 first created items_created_at for the dashboard; the planner then took it for a
-- seller's item list (an incremental sort instead of items_seller_created). Gone again for a
-- database that applied that first version.
DROP INDEX IF EXISTS items_created_at;
