-- schema version 4: classes that students fill in through `mvoscan serve`.
-- A finished web response is stored in response/answer like an imported one; these tables hold
-- only what the web app needs on top: the class, and each student's answers while they are busy.

CREATE TABLE IF NOT EXISTS web_class (
  id          INTEGER PRIMARY KEY,
  code        TEXT NOT NULL UNIQUE,       -- short class code students type, e.g. K7P3QX
  name        TEXT NOT NULL,              -- 3A
  scan_hash   TEXT NOT NULL REFERENCES scan(hash),
  school_year TEXT NOT NULL,
  open_until  TEXT,                       -- ISO date, the last day answers can be changed
  closed      INTEGER NOT NULL DEFAULT 0,
  created_at  TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS web_student (
  id             INTEGER PRIMARY KEY,
  class_id       INTEGER NOT NULL REFERENCES web_class(id) ON DELETE CASCADE,
  resume_code    TEXT NOT NULL UNIQUE,    -- short code shown to the student; works only with the class code
  name           TEXT NOT NULL,
  student_number TEXT,
  company        TEXT NOT NULL,
  kvk            TEXT,
  city           TEXT,
  language       TEXT NOT NULL,
  started_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  finished_at    TEXT,                    -- set when the student finished; the response is stored
  response_id    INTEGER REFERENCES response(id) ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS web_student_class ON web_student(class_id);

-- a student's personal links: sha256 of each capability token (resuming on another device adds one)
CREATE TABLE IF NOT EXISTS web_token (
  token_hash TEXT PRIMARY KEY,
  student_id INTEGER NOT NULL REFERENCES web_student(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL
);

-- every answer as it is given, so a closed tab loses at most the answer being typed
CREATE TABLE IF NOT EXISTS web_answer (
  student_id  INTEGER NOT NULL REFERENCES web_student(id) ON DELETE CASCADE,
  question_id TEXT NOT NULL,
  value       TEXT,                       -- JSON of the value, as in answer.value; NULL: only a note
  evidence    TEXT,
  note        TEXT,
  saved_at    TEXT NOT NULL,
  PRIMARY KEY (student_id, question_id)
);
