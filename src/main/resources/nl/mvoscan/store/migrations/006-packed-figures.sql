-- schema version 6: a response's question and lens figures are packed into one column each of the
-- response, instead of some 176 question_score and 59 lens_score rows per response that made up
-- most of what import wrote and aggregate read (issue #14). Each is a JSON array with one array
-- per question or lens, in the scan's document order (store/PackedFigures):
--   question_figures: [["q-id", "answered", "2"], ...]          question_id, status, points
--   lens_figures:     [["sector", "bouw", "sufficient", 62.5, 0.8, null, "125/2", "4/5"], ...]
--                     lens_key, lens_value, status, score, coverage, reason, exact_score,
--                     exact_coverage
-- Points and exact figures stay text, exactly as before. The rows of each response move into
-- the new columns, the tables go, and views of the old names and columns unpack the columns again
-- for anyone who reads the database with other tools: position is the place in the array, from 0.
-- The filling, the views and the dropping are each dialect's own (sqlite/006-packed-figures.sql,
-- postgresql/006-packed-figures.sql): SQLite and PostgreSQL spell JSON differently.

ALTER TABLE response ADD COLUMN question_figures TEXT;
ALTER TABLE response ADD COLUMN lens_figures TEXT;
