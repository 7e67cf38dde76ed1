/**
 * An OpenID Connect sign-in between the redirect to the identity provider and its answer (issue 12): the
 * PKCE verifier and nonce, keyed by the SHA-256 of the state value. In the database rather than in the
 * server's memory so the answer may reach another instance than the one that sent the browser away.
 */
export const sql = `
CREATE TABLE oidc_login_state (
  state_sha256 text PRIMARY KEY CHECK (state_sha256 ~ '^[0-9a-f]{64}$'),
  code_verifier text NOT NULL,
  nonce text NOT NULL,
  return_to text NOT NULL CHECK (return_to LIKE '/%'),
  created_at timestamptz NOT NULL
);
CREATE INDEX oidc_login_state_created ON oidc_login_state (created_at);
`;
