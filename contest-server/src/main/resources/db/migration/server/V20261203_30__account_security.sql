-- Sessions follow the account: every change that must end the account's other sessions (disable,
-- role change, password change or reset) increments security_stamp; a session made before it ends.
ALTER TABLE app_user ADD COLUMN security_stamp BIGINT NOT NULL DEFAULT 0;

-- Hashes now carry an encoder id ({pbkdf2@SpringSecurity_v5_8}...: about 130 characters); old BCrypt
-- hashes without one still verify and are replaced at the next successful login.
ALTER TABLE app_user MODIFY COLUMN password_hash VARCHAR(255) NOT NULL;

-- Failed logins and password changes, counted per username (known or not, so both answer alike) and
-- per client address. Kept in the database so every node of a cluster sees the same counts.
CREATE TABLE login_failure (
  failure_key  VARCHAR(200) NOT NULL PRIMARY KEY,
  failures     INT NOT NULL,
  last_failure TIMESTAMP(3) NOT NULL
) DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_login_failure_last ON login_failure (last_failure);
