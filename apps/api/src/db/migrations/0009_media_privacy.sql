-- Private photos (issue 9, hole 3). A photo is public once it is published — attached by its
-- owner to a note or an item, or made their avatar — and stays public from then on (it has
-- been in public caches, and order snapshots keep the URL of an item's cover after the item
-- changes photos). Everything else (chat photos, case evidence, uploads not yet attached) is
-- private: served to the owner and to whoever a rule in modules/media/access.ts admits.
--
-- Publishing is done by triggers so that no writer (services, seeds, imports) has to
-- remember it, and only for the owner's own photo: attaching someone else's upload, even by
-- a bug upstream, never makes it public.
ALTER TABLE media ADD COLUMN published_at timestamptz;

-- Ids of new media are 64 random bits, not time-ordered: a URL cannot be guessed from
-- another one. (Same 16-hex shape as every other id, so validators elsewhere still apply.)
ALTER TABLE media ALTER COLUMN id SET DEFAULT left(md5(gen_random_uuid()::text), 16);

CREATE FUNCTION media_publish(media_id text, owner_id text) RETURNS void LANGUAGE sql AS $$
  UPDATE media SET published_at = now()
   WHERE id = media_id AND media.owner_id = media_publish.owner_id AND published_at IS NULL
$$;

CREATE FUNCTION media_publish_note_image() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM media_publish(NEW.media_id, (SELECT author_id FROM notes WHERE id = NEW.note_id));
  RETURN NULL;
END $$;
CREATE TRIGGER note_images_publish AFTER INSERT OR UPDATE OF media_id ON note_images
  FOR EACH ROW EXECUTE FUNCTION media_publish_note_image();

CREATE FUNCTION media_publish_item_image() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM media_publish(NEW.media_id, (SELECT seller_id FROM items WHERE id = NEW.item_id));
  RETURN NULL;
END $$;
CREATE TRIGGER item_images_publish AFTER INSERT OR UPDATE OF media_id ON item_images
  FOR EACH ROW EXECUTE FUNCTION media_publish_item_image();

CREATE FUNCTION media_publish_avatar() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM media_publish(NEW.avatar_id, NEW.id);
  RETURN NULL;
END $$;
CREATE TRIGGER users_avatar_publish AFTER INSERT OR UPDATE OF avatar_id ON users
  FOR EACH ROW WHEN (NEW.avatar_id IS NOT NULL) EXECUTE FUNCTION media_publish_avatar();

-- What was published before this migration.
UPDATE media m SET published_at = m.created_at
 WHERE EXISTS (SELECT 1 FROM note_images ni JOIN notes n ON n.id = ni.note_id
                WHERE ni.media_id = m.id AND n.author_id = m.owner_id)
    OR EXISTS (SELECT 1 FROM item_images ii JOIN items i ON i.id = ii.item_id
                WHERE ii.media_id = m.id AND i.seller_id = m.owner_id)
    OR EXISTS (SELECT 1 FROM users u WHERE u.avatar_id = m.id AND u.id = m.owner_id)
    OR m.id IN (SELECT substring(o.item_snapshot->>'coverUrl' FROM '^/media/([0-9a-f]{16})/') FROM orders o);

-- The chat rule looks a photo up by its messages.
CREATE INDEX messages_media ON messages (media_id) WHERE media_id IS NOT NULL;
