-- The sample host: a small ChMS schema, the shape a vendor's own tables would have.
CREATE TABLE IF NOT EXISTS person (
  id                BIGINT AUTO_INCREMENT PRIMARY KEY,
  first_name        VARCHAR(100),
  nick_name         VARCHAR(100),
  middle_name       VARCHAR(100),
  last_name         VARCHAR(100),
  email             VARCHAR(255),
  email_key         VARCHAR(255) GENERATED ALWAYS AS (LOWER(TRIM(email))),
  gender            VARCHAR(16),
  birthdate         DATE,
  anniversary       DATE,
  street1           VARCHAR(255),
  street2           VARCHAR(255),
  city              VARCHAR(100),
  state             VARCHAR(100),
  zip               VARCHAR(20),
  country           VARCHAR(2),
  home_phone        VARCHAR(40),
  work_phone        VARCHAR(40),
  mobile_phone      VARCHAR(40),
  photo_hash        VARCHAR(128),
  photo_type        VARCHAR(64),
  photo             BLOB,
  connection_status VARCHAR(50),
  modified_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX IF NOT EXISTS person_email ON person (email_key);
CREATE INDEX IF NOT EXISTS person_modified ON person (modified_at);

-- Stable identities (Rock's PersonAlias): survive merges, links point here.
CREATE TABLE IF NOT EXISTS person_alias (
  alias_id  VARCHAR(64) PRIMARY KEY,
  person_id BIGINT NOT NULL REFERENCES person (id)
);

CREATE TABLE IF NOT EXISTS host_group (
  id   BIGINT AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(200) NOT NULL
);

CREATE TABLE IF NOT EXISTS group_member (
  group_id  BIGINT NOT NULL REFERENCES host_group (id),
  person_id BIGINT NOT NULL REFERENCES person (id),
  active    BOOLEAN NOT NULL,
  PRIMARY KEY (group_id, person_id)
);

-- Which groups sync to which PCO account, at which level, carrying which tags.
CREATE TABLE IF NOT EXISTS group_sync (
  group_id         BIGINT NOT NULL REFERENCES host_group (id),
  account_id       VARCHAR(100) NOT NULL,
  permission_level VARCHAR(32),
  PRIMARY KEY (group_id, account_id)
);
CREATE TABLE IF NOT EXISTS group_sync_tag (
  group_id   BIGINT NOT NULL,
  account_id VARCHAR(100) NOT NULL,
  tag_id     VARCHAR(64) NOT NULL,
  PRIMARY KEY (group_id, account_id, tag_id)
);

-- The "PCO Tags" person attribute, and the tags PCO offers.
CREATE TABLE IF NOT EXISTS person_pco_tag (
  person_id  BIGINT NOT NULL REFERENCES person (id),
  account_id VARCHAR(100) NOT NULL,
  tag_id     VARCHAR(64) NOT NULL,
  PRIMARY KEY (person_id, account_id, tag_id)
);
CREATE TABLE IF NOT EXISTS available_pco_tag (
  account_id      VARCHAR(100) NOT NULL,
  tag_id          VARCHAR(64) NOT NULL,
  name            VARCHAR(200) NOT NULL,
  group_name      VARCHAR(200) NOT NULL,
  controlled_by   VARCHAR(1000) NOT NULL,
  PRIMARY KEY (account_id, tag_id)
);
