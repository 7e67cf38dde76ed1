/**
 * The council's treatment record (issue 13, point 1): the municipality's list of bodies, the meetings the
 * case went through with their attachments (stored in the database, PDF/DOCX/HTML, at most 10 MiB), the
 * action-plan decision where § 79 b stk. 2–3 applies, Ankestyrelsen's order (stk. 3), and an
 * administrator's edits to the dated legal rules. Each meeting copies its body's name and kind, so a body
 * renamed on the list later does not rewrite what the minutes said. The CHECKs repeat the domain's rules
 * for writers that bypass the store.
 */
export const sql = `
CREATE TABLE municipality_body (
  municipality_code text NOT NULL CHECK (municipality_code ~ '^[0-9]{4}$'),
  position integer NOT NULL CHECK (position >= 0),
  body_id text NOT NULL CHECK (body_id ~ '^[a-z0-9-]{1,60}$'),
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 120),
  kind text NOT NULL CHECK (kind IN ('committee', 'finance-committee', 'council', 'disability-council', 'senior-council', 'psychiatry-council', 'other')),
  PRIMARY KEY (municipality_code, body_id)
);

CREATE TABLE treatment_meeting (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_code text NOT NULL CHECK (municipality_code ~ '^[0-9]{4}$'),
  data_year integer NOT NULL CHECK (data_year BETWEEN 2000 AND 2100),
  body_id text NOT NULL CHECK (body_id ~ '^[a-z0-9-]{1,60}$'),
  body_name text NOT NULL CHECK (length(btrim(body_name)) BETWEEN 1 AND 120),
  body_kind text NOT NULL CHECK (body_kind IN ('committee', 'finance-committee', 'council', 'disability-council', 'senior-council', 'psychiatry-council', 'other')),
  meeting_date date NOT NULL,
  agenda_item_number text CHECK (length(agenda_item_number) BETWEEN 1 AND 20),
  agenda_item_title text NOT NULL CHECK (length(btrim(agenda_item_title)) BETWEEN 1 AND 300),
  role text NOT NULL CHECK (role IN ('decision', 'recommendation', 'consultation')),
  state text NOT NULL CHECK (state IN ('planned', 'held')),
  outcome text CHECK (outcome IN ('concluded', 'sent-back', 'postponed')),
  decision_text text CHECK (length(decision_text) BETWEEN 1 AND 4000),
  minutes_url text CHECK (minutes_url ~ '^https?://' AND length(minutes_url) <= 2000),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK ((state = 'held') = (outcome IS NOT NULL))
);
CREATE INDEX treatment_meeting_year ON treatment_meeting (municipality_code, data_year, meeting_date);

CREATE TABLE treatment_attachment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES treatment_meeting (id) ON DELETE CASCADE,
  file_name text NOT NULL CHECK (length(btrim(file_name)) BETWEEN 1 AND 200),
  media_type text NOT NULL CHECK (media_type IN ('application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'text/html')),
  size_bytes integer NOT NULL CHECK (size_bytes BETWEEN 1 AND 10485760),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content bytea NOT NULL,
  is_public boolean NOT NULL,
  uploaded_at timestamptz NOT NULL,
  CHECK (octet_length(content) = size_bytes)
);
CREATE INDEX treatment_attachment_meeting ON treatment_attachment (meeting_id);

CREATE TABLE treatment_plan_decision (
  municipality_code text NOT NULL CHECK (municipality_code ~ '^[0-9]{4}$'),
  data_year integer NOT NULL CHECK (data_year BETWEEN 2000 AND 2100),
  decision text NOT NULL CHECK (decision IN ('yes', 'no', 'not-relevant')),
  ankestyrelsen_notified_on date,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (municipality_code, data_year),
  CHECK (ankestyrelsen_notified_on IS NULL OR decision = 'no')
);

CREATE TABLE ankestyrelsen_order (
  municipality_code text NOT NULL CHECK (municipality_code ~ '^[0-9]{4}$'),
  data_year integer NOT NULL CHECK (data_year BETWEEN 2000 AND 2100),
  ordered_on date NOT NULL,
  deadline date NOT NULL,
  note text CHECK (length(note) BETWEEN 1 AND 2000),
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (municipality_code, data_year),
  CHECK (deadline >= ordered_on)
);

CREATE TABLE legal_rule_edit (
  rule_id text PRIMARY KEY CHECK (rule_id IN ('publication-deadline', 'council-treatment', 'action-plan-decision')),
  valid_from date NOT NULL,
  valid_to date,
  summary_da text NOT NULL CHECK (length(btrim(summary_da)) BETWEEN 1 AND 2000),
  source text NOT NULL CHECK (length(btrim(source)) BETWEEN 1 AND 500),
  edited_at timestamptz NOT NULL,
  edited_by text NOT NULL,
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
`;
