-- Question images, keyed by the SHA-256 of their bytes (lowercase hex): the same file uploaded twice is
-- stored once. LONGBLOB is MySQL's and MariaDB's large binary type; H2 (MySQL mode) reads it as BLOB.

CREATE TABLE question_image (
  id              CHAR(64) PRIMARY KEY,
  content_type    VARCHAR(20) NOT NULL,
  byte_count      INT NOT NULL,
  width           INT NULL,
  height          INT NULL,
  data            LONGBLOB NOT NULL,
  organisation_id BIGINT NULL,
  uploaded_by     BIGINT NULL,
  created_at      TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  CONSTRAINT fk_question_image_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
  CONSTRAINT fk_question_image_uploader FOREIGN KEY (uploaded_by) REFERENCES app_user (id)
) DEFAULT CHARSET = utf8mb4;
