-- schema version 5: every response belongs to a school. In a school's own SQLite file the school
-- columns stay empty (the whole file is the school's); in a regional database on PostgreSQL,
-- mvoscan push fills them, and row-level security lets each school see its own rows only
-- (migrations/postgresql/005-schools.sql, docs/regional.md).

CREATE TABLE school (
  id        INTEGER PRIMARY KEY,
  name      TEXT NOT NULL UNIQUE,
  role_name TEXT UNIQUE                   -- the PostgreSQL role whose members are this school
);

-- (on PostgreSQL also a foreign key; SQLite cannot drop or change a column that is one)
ALTER TABLE response ADD COLUMN school_id INTEGER;
ALTER TABLE respondent ADD COLUMN school_id INTEGER;
-- a pushed response: the school's keyed pseudonym of it, and a digest of what was pushed, so that
-- pushing again adds nothing and a changed response is replaced
ALTER TABLE response ADD COLUMN origin TEXT;
ALTER TABLE response ADD COLUMN origin_version TEXT;

CREATE UNIQUE INDEX response_origin ON response(school_id, origin);
CREATE INDEX response_school ON response(school_id, school_year);
CREATE INDEX response_respondent ON response(respondent_id);
