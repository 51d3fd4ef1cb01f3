-- schema version 3: the exact figures of every response, as scoring computed them at import, so
-- that every report reads them instead of scoring the stored answers again. Exact values are
-- fractions as text ("175/3", "50", "1/2"); the REAL columns stay, rounded to one decimal, for
-- anyone who reads the database with other tools. Responses stored before get their exact figures
-- from their own stored answers and scan while this migration runs (ExactFigures.backfill).

ALTER TABLE response ADD COLUMN exact_score TEXT;
ALTER TABLE response ADD COLUMN exact_coverage TEXT;
ALTER TABLE response ADD COLUMN exact_grade TEXT;

ALTER TABLE theme_score ADD COLUMN reason TEXT;          -- coverage, na: why insufficient (1.1)
ALTER TABLE theme_score ADD COLUMN exact_score TEXT;
ALTER TABLE theme_score ADD COLUMN exact_coverage TEXT;

ALTER TABLE lens_score ADD COLUMN reason TEXT;
ALTER TABLE lens_score ADD COLUMN exact_score TEXT;
ALTER TABLE lens_score ADD COLUMN exact_coverage TEXT;

-- every scored question of a response, also the missing and hidden ones that have no answer row
CREATE TABLE question_score (
  response_id INTEGER NOT NULL REFERENCES response(id) ON DELETE CASCADE,
  question_id TEXT NOT NULL,
  position    INTEGER NOT NULL,           -- document order among the scan's scored questions
  status      TEXT NOT NULL,              -- answered, na, unknown, missing, hidden
  points      TEXT,                       -- earned points, exact as the scan writes them: 2, 0.3
  PRIMARY KEY (response_id, question_id)
);

-- 1 when the answer was given to a question that its condition hid: kept, never scored
ALTER TABLE answer ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0;
