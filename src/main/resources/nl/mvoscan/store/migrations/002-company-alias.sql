-- schema version 2: a merged company remembers the spellings it absorbed, so that a later
-- import of "AH Emmen Centrum" lands on the company it was merged into.
CREATE TABLE company_alias (
  company_key TEXT PRIMARY KEY,
  company_id  INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE
);
