/**
 * The municipality's comment gets a draft and a published state (issue 12, point 3): editors write a
 * draft on the web, and only a published comment reaches the profile, the API and the agenda item.
 * Comments stored before this migration were public already, so they become published.
 */
export const sql = `
ALTER TABLE municipality_comment ADD COLUMN status text NOT NULL DEFAULT 'published' CHECK (status IN ('draft', 'published'));
ALTER TABLE municipality_comment ADD COLUMN published_at timestamptz;
UPDATE municipality_comment SET published_at = updated_at;
ALTER TABLE municipality_comment ALTER COLUMN status DROP DEFAULT;
ALTER TABLE municipality_comment ADD CONSTRAINT municipality_comment_published_at CHECK ((status = 'published') = (published_at IS NOT NULL));
`;
