/**
 * The knowledge bank (issue 14): a municipality's notes on the decisions Ankestyrelsen changed or remitted.
 * - `knowledge_entry`: one row per decision and subject. No column may hold a CPR number; the use cases
 *   refuse one before any write (the database cannot tell a CPR number from other digits).
 * - `knowledge_reason`: the dated, editable reason taxonomy, starting with the defaults of
 *   src/domain/knowledge/reason-taxonomy.ts as they stood when this migration was written.
 * - `knowledge_department`: the municipality's own list of departments/areas.
 * - `knowledge_heading_mapping`: a spreadsheet heading the importer did not recognise, mapped once to a
 *   field and remembered per municipality.
 * - `knowledge_setting`: per municipality, whether its anonymised aggregate is published and after how
 *   many years entries are listed for deletion.
 */
export const sql = `
CREATE TABLE knowledge_entry (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  municipality_code text NOT NULL CHECK (municipality_code ~ '^[0-9]{4}$'),
  decision_date date NOT NULL,
  data_year integer NOT NULL CHECK (data_year BETWEEN 2013 AND 2100),
  outcome text NOT NULL CHECK (outcome IN ('changed', 'annulled', 'remitted', 'partly-reversed', 'upheld')),
  law text NOT NULL,
  subject text NOT NULL CHECK (length(btrim(subject)) > 0),
  provision text NOT NULL,
  department text NOT NULL,
  reason_codes jsonb NOT NULL,
  summary text NOT NULL,
  learning_point text NOT NULL,
  links jsonb NOT NULL,
  case_reference text NOT NULL,
  new_decision_result text CHECK (new_decision_result IN ('granted', 'refused-again', 'partly', 'pending')),
  new_decision_date date,
  status text NOT NULL CHECK (status IN ('draft', 'approved')),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (new_decision_date IS NULL OR new_decision_result IS NOT NULL)
);
CREATE INDEX knowledge_entry_municipality_year ON knowledge_entry (municipality_code, data_year);

CREATE TABLE knowledge_reason (
  code text PRIMARY KEY CHECK (code ~ '^[a-z0-9-]+$'),
  label_da text NOT NULL CHECK (length(btrim(label_da)) > 0),
  definition_da text NOT NULL,
  source text NOT NULL,
  valid_from integer NOT NULL,
  valid_to integer CHECK (valid_to IS NULL OR valid_to >= valid_from),
  position integer NOT NULL
);
INSERT INTO knowledge_reason (code, label_da, definition_da, source, valid_from, valid_to, position) VALUES
  ('sagsoplysning', 'Utilstrækkelig sagsoplysning', 'Afgørelsen bygger ikke på de oplysninger, der var nødvendige for at træffe den (officialprincippet): fx mangler lægelige oplysninger, en funktionsbeskrivelse eller borgerens egne oplysninger.', 'Retssikkerhedsloven § 10; Ankestyrelsen, handicapsagsbarometeret (de retlige mangler, det ser efter)', 2016, NULL, 1),
  ('begrundelse', 'Begrundelse', 'Afgørelsen er ikke begrundet, som loven kræver: den henviser ikke til reglerne, nævner ikke de hovedhensyn, skønnet bygger på, eller redegør ikke for de faktiske forhold.', 'Forvaltningsloven §§ 22–24; Ankestyrelsen, handicapsagsbarometeret (de retlige mangler, det ser efter)', 2016, NULL, 2),
  ('hjemmelsmangel', 'Hjemmelsmangel', 'Afgørelsen har ikke hjemmel i loven: kommunen har brugt en forkert bestemmelse, stillet krav, loven ikke giver grundlag for, eller sat et skøn under regel.', 'Legalitetsprincippet; Ankestyrelsen, handicapsagsbarometeret (de retlige mangler, det ser efter)', 2016, NULL, 3),
  ('vurdering', 'Vurdering', 'Kommunen har på et tilstrækkeligt oplyst grundlag vurderet sagen forkert: Ankestyrelsen når til et andet resultat efter de samme regler.', 'Ankestyrelsen, handicapsagsbarometeret (de retlige mangler, det ser efter)', 2016, NULL, 4),
  ('partshoering', 'Partshøring', 'Borgeren er ikke hørt over oplysninger, der er til ugunst for borgeren og af væsentlig betydning for afgørelsen, før den blev truffet.', 'Forvaltningsloven § 19; Ankestyrelsen, handicapsagsbarometeret (de retlige mangler, det ser efter)', 2016, NULL, 5),
  ('helhedsvurdering', 'Helhedsvurdering', 'Kommunen har ikke behandlet ansøgningen i forhold til alle de muligheder for hjælp, den sociale lovgivning giver, eller ikke set borgerens samlede situation under ét.', 'Retssikkerhedsloven § 5; Ankestyrelsen, handicapsagsbarometeret (de retlige mangler, det ser efter)', 2016, NULL, 6),
  ('klagevejledning', 'Klagevejledning', 'Afgørelsen mangler klagevejledning, eller vejledningen er forkert (klageinstans, frist, form).', 'Forvaltningsloven § 25; Ankestyrelsen, handicapsagsbarometeret (de retlige mangler, det ser efter)', 2016, NULL, 7),
  ('sagsbehandlingsfrist', 'Sagsbehandlingsfrist', 'Kommunen har ikke overholdt sine offentliggjorte frister for sagsbehandlingen eller ikke givet borgeren besked om, hvornår en afgørelse kan forventes.', 'Retssikkerhedsloven § 3, stk. 2; Ankestyrelsen, handicapsagsbarometeret (de retlige mangler, det ser efter)', 2016, NULL, 8),
  ('nye-oplysninger', 'Nye oplysninger', 'Der er kommet nye oplysninger i sagen efter kommunens afgørelse (fx nye lægelige oplysninger), som kommunen skal tage stilling til.', 'Seeds: kommunernes sager om danmarkskortet (domain.md §6)', 2016, NULL, 9),
  ('aendret-praksis', 'Ændret praksis', 'Ankestyrelsen har ændret praksis, fx med en ny principafgørelse, efter kommunens afgørelse.', 'Seeds: kommunernes sager om danmarkskortet (domain.md §6)', 2016, NULL, 10)
;

CREATE TABLE knowledge_department (
  municipality_code text NOT NULL CHECK (municipality_code ~ '^[0-9]{4}$'),
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  position integer NOT NULL,
  PRIMARY KEY (municipality_code, name)
);

CREATE TABLE knowledge_heading_mapping (
  municipality_code text NOT NULL CHECK (municipality_code ~ '^[0-9]{4}$'),
  heading text NOT NULL,
  field text NOT NULL,
  PRIMARY KEY (municipality_code, heading)
);

CREATE TABLE knowledge_setting (
  municipality_code text PRIMARY KEY CHECK (municipality_code ~ '^[0-9]{4}$'),
  publish_aggregate boolean NOT NULL,
  retention_years integer NOT NULL CHECK (retention_years BETWEEN 1 AND 50)
);
`;
