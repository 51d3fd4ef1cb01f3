-- mvoscan results database, schema version 1.
-- Only what reports need is stored: a student's name, number and class, never more.

CREATE TABLE scan (
  hash        TEXT PRIMARY KEY,           -- sha256:... of the canonical scan
  scan_id     TEXT NOT NULL,
  version     TEXT NOT NULL,
  definition  TEXT NOT NULL,              -- the whole scan JSON, so old results stay explainable
  added_at    TEXT NOT NULL
);

CREATE TABLE company (
  id          INTEGER PRIMARY KEY,
  company_key TEXT NOT NULL UNIQUE,       -- 'kvk:12345678' or 'name:<normalised name>'
  name        TEXT NOT NULL,
  kvk         TEXT,
  city        TEXT,
  sector      TEXT
);

CREATE TABLE respondent (
  id             INTEGER PRIMARY KEY,
  respondent_key TEXT NOT NULL UNIQUE,    -- 'id:<student number>' or 'name:<class>/<name>'
  name           TEXT NOT NULL,
  student_number TEXT
);

CREATE TABLE response (
  id            INTEGER PRIMARY KEY,
  scan_hash     TEXT NOT NULL REFERENCES scan(hash),
  respondent_id INTEGER REFERENCES respondent(id) ON DELETE CASCADE,
  company_id    INTEGER REFERENCES company(id),
  class         TEXT,
  school_year   TEXT NOT NULL,            -- 2026-2027: the year turns on 1 August
  date          TEXT,                     -- ISO date of the answers, if given
  language      TEXT,
  source_file   TEXT,
  source_row    INTEGER,
  content_hash  TEXT NOT NULL UNIQUE,     -- of the normalised response: importing twice adds nothing
  imported_at   TEXT NOT NULL,
  status        TEXT NOT NULL,
  score         REAL,
  coverage      REAL,
  grade         REAL,
  level         TEXT
);
CREATE INDEX response_class ON response(class, school_year);
CREATE INDEX response_company ON response(company_id);

CREATE TABLE answer (
  response_id INTEGER NOT NULL REFERENCES response(id) ON DELETE CASCADE,
  question_id TEXT NOT NULL,
  value       TEXT NOT NULL,              -- JSON of the value: "ja", 12, ["led","zon"]
  evidence    TEXT,
  note        TEXT,
  status      TEXT,                       -- answered, na, unknown, hidden... for scored questions
  points      REAL,
  PRIMARY KEY (response_id, question_id)
);

CREATE TABLE theme_score (
  response_id INTEGER NOT NULL REFERENCES response(id) ON DELETE CASCADE,
  theme_id    TEXT NOT NULL,
  position    INTEGER NOT NULL,
  status      TEXT NOT NULL,
  score       REAL,
  coverage    REAL,
  PRIMARY KEY (response_id, theme_id)
);

CREATE TABLE lens_score (
  response_id INTEGER NOT NULL REFERENCES response(id) ON DELETE CASCADE,
  lens_key    TEXT NOT NULL,
  lens_value  TEXT NOT NULL,
  position    INTEGER NOT NULL,
  status      TEXT NOT NULL,
  score       REAL,
  coverage    REAL,
  PRIMARY KEY (response_id, lens_key, lens_value)
);
