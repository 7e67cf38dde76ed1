/**
 * Action plans (handleplaner) per municipality (issue 13, item 2). A plan keeps what the municipality
 * writes: its texts, the data years it answers, its actions, focus areas and evaluations. Its figures are
 * never stored: the follow-up is computed from the active dataset versions on every read, so it follows a
 * new year and a published revision by itself.
 * A focus area is one of three kinds; the CHECK keeps the columns of each kind filled and the others empty.
 */
export const sql = `
CREATE TABLE action_plan (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  municipality_code text NOT NULL CHECK (municipality_code ~ '^[0-9]{4}$'),
  title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 300),
  basis_decision text NOT NULL CHECK (length(basis_decision) <= 2000),
  data_years integer[] NOT NULL CHECK (cardinality(data_years) BETWEEN 1 AND 10),
  follow_up_from integer NOT NULL CHECK (follow_up_from BETWEEN 2016 AND 2100),
  goal text NOT NULL CHECK (length(btrim(goal)) BETWEEN 1 AND 4000),
  status text NOT NULL CHECK (status IN ('draft', 'published')),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  published_at timestamptz,
  CHECK ((status = 'published') = (published_at IS NOT NULL))
);
CREATE INDEX action_plan_municipality ON action_plan (municipality_code);

CREATE TABLE action_plan_action (
  plan_id bigint NOT NULL REFERENCES action_plan (id) ON DELETE CASCADE,
  position integer NOT NULL CHECK (position >= 0),
  body text NOT NULL CHECK (length(btrim(body)) BETWEEN 1 AND 4000),
  owner text NOT NULL CHECK (length(owner) <= 200),
  due_date date,
  status text NOT NULL CHECK (status IN ('planned', 'in-progress', 'done', 'dropped')),
  PRIMARY KEY (plan_id, position)
);

CREATE TABLE action_plan_focus_area (
  plan_id bigint NOT NULL REFERENCES action_plan (id) ON DELETE CASCADE,
  position integer NOT NULL CHECK (position >= 0),
  kind text NOT NULL CHECK (kind IN ('group', 'subject', 'map')),
  group_id text,
  subject text CHECK (length(subject) <= 300),
  law text,
  map_id text CHECK (map_id IN ('socialomraadet', 'boernehandicapomraadet', 'voksenhandicapomraadet')),
  area text CHECK (area IN ('total', 'children', 'adults')),
  CHECK ((kind = 'group') = (group_id IS NOT NULL)),
  CHECK ((kind = 'subject') = (subject IS NOT NULL AND law IS NOT NULL)),
  CHECK ((kind = 'map') = (map_id IS NOT NULL AND area IS NOT NULL)),
  PRIMARY KEY (plan_id, position)
);

CREATE TABLE action_plan_evaluation (
  plan_id bigint NOT NULL REFERENCES action_plan (id) ON DELETE CASCADE,
  year integer NOT NULL CHECK (year BETWEEN 2016 AND 2100),
  body text NOT NULL CHECK (length(btrim(body)) BETWEEN 1 AND 4000),
  PRIMARY KEY (plan_id, year)
);
`;
