-- Organisations (province, commune or ward, school, ...) and organiser accounts.

CREATE TABLE organisation (
  id         BIGINT AUTO_INCREMENT PRIMARY KEY,
  name       VARCHAR(200) NOT NULL,
  kind       VARCHAR(20) NOT NULL,
  parent_id  BIGINT NULL,
  created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  CONSTRAINT fk_organisation_parent FOREIGN KEY (parent_id) REFERENCES organisation (id)
) DEFAULT CHARSET = utf8mb4;

-- Usernames are stored in lower case, so uniqueness ignores case on every database.
CREATE TABLE app_user (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  username        VARCHAR(64) NOT NULL,
  display_name    VARCHAR(100) NOT NULL,
  password_hash   VARCHAR(100) NOT NULL,
  role            VARCHAR(16) NOT NULL,
  organisation_id BIGINT NULL,
  enabled         BOOLEAN NOT NULL DEFAULT TRUE,
  failed_logins   INT NOT NULL DEFAULT 0,
  locked_until    TIMESTAMP(3) NULL,
  created_at      TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at      TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  CONSTRAINT uq_app_user_username UNIQUE (username),
  CONSTRAINT fk_app_user_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id)
) DEFAULT CHARSET = utf8mb4;

-- Question banks belong to organisations (the question-bank module cannot see this table).
ALTER TABLE question_bank
  ADD CONSTRAINT fk_question_bank_owner FOREIGN KEY (owner_organisation_id) REFERENCES organisation (id);
