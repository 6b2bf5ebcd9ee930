-- Quizzes: an organisation's ordered lists of questions, the starting point of a game.
-- owner_organisation_id and created_by point at contest-server tables this module cannot see,
-- so they carry no foreign key here. A quiz owned by no organisation belongs to the administrators.

CREATE TABLE quiz (
  id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
  owner_organisation_id BIGINT NULL,
  title                 VARCHAR(200) NOT NULL,
  description           VARCHAR(2000) NULL,
  lang                  CHAR(2) NOT NULL,
  created_by            BIGINT NULL,
  created_at            TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at            TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  row_version           INT NOT NULL DEFAULT 0
) DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_quiz_owner ON quiz (owner_organisation_id);

-- No cascade from question: a question that a quiz uses cannot be deleted until the quiz lets go of it.
CREATE TABLE quiz_question (
  quiz_id     BIGINT NOT NULL,
  position    INT NOT NULL,
  question_id BIGINT NOT NULL,
  PRIMARY KEY (quiz_id, position),
  CONSTRAINT fk_quiz_question_quiz FOREIGN KEY (quiz_id) REFERENCES quiz (id) ON DELETE CASCADE,
  CONSTRAINT fk_quiz_question_question FOREIGN KEY (question_id) REFERENCES question (id)
) DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_quiz_question_question ON quiz_question (question_id);
