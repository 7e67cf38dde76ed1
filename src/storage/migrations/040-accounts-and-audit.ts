/**
 * Accounts, sessions, API tokens, sign-in failures and the audit trail (issue 12).
 * - Passwords are stored only as argon2id hashes: the CHECK refuses anything else, whoever writes.
 * - Session and token secrets are never stored: only their SHA-256 (a leaked table signs nobody in).
 * - The audit trail is append-only: triggers refuse UPDATE, DELETE and TRUNCATE. It names its actor by
 *   copy (email, role, municipality), not by foreign key, so the trail outlives a removed user.
 */
export const sql = `
CREATE TABLE app_user (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL CHECK (email = lower(btrim(email)) AND email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
  role text NOT NULL CHECK (role IN ('admin', 'tilsyn', 'redaktoer', 'laeser')),
  municipality_code text CHECK (municipality_code ~ '^[0-9]{4}$'),
  password_hash text CHECK (password_hash LIKE '$argon2id$%'),
  oidc_issuer text,
  oidc_subject text,
  created_at timestamptz NOT NULL,
  disabled_at timestamptz,
  CHECK ((role IN ('redaktoer', 'laeser')) = (municipality_code IS NOT NULL)),
  CHECK ((oidc_issuer IS NULL) = (oidc_subject IS NULL)),
  UNIQUE (email),
  UNIQUE (oidc_issuer, oidc_subject)
);

CREATE TABLE user_session (
  token_sha256 text PRIMARY KEY CHECK (token_sha256 ~ '^[0-9a-f]{64}$'),
  user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  auth_method text NOT NULL CHECK (auth_method IN ('password', 'oidc')),
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL CHECK (expires_at > created_at)
);
CREATE INDEX user_session_user ON user_session (user_id);

CREATE TABLE api_token (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
  token_sha256 text NOT NULL UNIQUE CHECK (token_sha256 ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL CHECK (expires_at > created_at),
  revoked_at timestamptz,
  last_used_at timestamptz
);
CREATE INDEX api_token_user ON api_token (user_id);

CREATE TABLE sign_in_failure (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  scope text NOT NULL CHECK (scope IN ('account', 'address')),
  key text NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX sign_in_failure_key ON sign_in_failure (scope, key, at);

CREATE TABLE audit_event (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL,
  actor_user_id uuid,
  actor_label text NOT NULL,
  actor_role text NOT NULL CHECK (actor_role IN ('admin', 'tilsyn', 'redaktoer', 'laeser', 'operator')),
  actor_municipality_code text CHECK (actor_municipality_code ~ '^[0-9]{4}$'),
  channel text NOT NULL CHECK (channel IN ('web', 'api', 'cli')),
  action text NOT NULL CHECK (action ~ '^[a-z]+(\\.[a-z-]+)+$'),
  municipality_code text CHECK (municipality_code ~ '^[0-9]{4}$'),
  subject text NOT NULL,
  before jsonb,
  after jsonb
);
CREATE INDEX audit_event_municipality ON audit_event (municipality_code, at);
CREATE INDEX audit_event_actor ON audit_event (actor_user_id, at);

CREATE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'Revisionssporet kan kun udvides; % er ikke tilladt.', TG_OP;
END
$$;
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change();
`;
