-- Question banks and questions. Runs unchanged on MySQL 8, MariaDB 10.11+ and H2 (MySQL mode).
-- Version numbers: question-bank uses V<date>_10.._49, contest-server V<date>_50.._99.

CREATE TABLE question_bank (
  id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
  name                  VARCHAR(200) NOT NULL,
  owner_organisation_id BIGINT NULL,
  shared                BOOLEAN NOT NULL DEFAULT FALSE,
  created_at            TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
) DEFAULT CHARSET = utf8mb4;

-- One row per language version; versions of the same question share translation_group.
CREATE TABLE question (
  id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
  bank_id            BIGINT NOT NULL,
  translation_group  CHAR(36) NOT NULL,
  lang               CHAR(2) NOT NULL,
  question_type      VARCHAR(20) NOT NULL,
  question_text      VARCHAR(1000) NOT NULL,
  normalized_text    VARCHAR(1000) NOT NULL,
  options_json       TEXT NOT NULL,
  answer_json        TEXT NOT NULL,
  explanation        VARCHAR(2000) NULL,
  time_limit_seconds INT NOT NULL,
  points             VARCHAR(10) NOT NULL,
  difficulty         SMALLINT NOT NULL,
  topic              VARCHAR(40) NOT NULL,
  image_url          VARCHAR(500) NULL,
  source             VARCHAR(500) NULL,
  status             VARCHAR(12) NOT NULL,
  author             VARCHAR(100) NULL,
  external_key       VARCHAR(64) NULL,
  created_at         TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at         TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  row_version        INT NOT NULL DEFAULT 0,
  CONSTRAINT fk_question_bank FOREIGN KEY (bank_id) REFERENCES question_bank (id),
  CONSTRAINT uq_question_translation UNIQUE (translation_group, lang)
) DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_question_bank_topic ON question (bank_id, topic, difficulty);
CREATE INDEX ix_question_status ON question (status, lang);

CREATE TABLE question_tag (
  question_id BIGINT NOT NULL,
  tag         VARCHAR(40) NOT NULL,
  PRIMARY KEY (question_id, tag),
  CONSTRAINT fk_tag_question FOREIGN KEY (question_id) REFERENCES question (id) ON DELETE CASCADE
) DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_question_tag_tag ON question_tag (tag);
