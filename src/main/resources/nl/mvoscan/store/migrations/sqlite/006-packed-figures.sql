-- schema version 6 on SQLite: the question_score and lens_score rows packed into their response
-- (see ../006-packed-figures.sql), then views of the old names that unpack them.

UPDATE response SET
  question_figures = (SELECT json_group_array(json_array(q.question_id, q.status, q.points)
                                               ORDER BY q.position)
                      FROM question_score q WHERE q.response_id = response.id),
  lens_figures = (SELECT json_group_array(json_array(l.lens_key, l.lens_value, l.status, l.score,
                                                     l.coverage, l.reason, l.exact_score,
                                                     l.exact_coverage)
                                          ORDER BY l.position)
                  FROM lens_score l WHERE l.response_id = response.id);

DROP TABLE question_score;
DROP TABLE lens_score;

CREATE VIEW question_score AS
  SELECT r.id AS response_id, json_extract(q.value, '$[0]') AS question_id, q.key AS position,
         json_extract(q.value, '$[1]') AS status, json_extract(q.value, '$[2]') AS points
  FROM response r, json_each(r.question_figures) q;

CREATE VIEW lens_score AS
  SELECT r.id AS response_id, json_extract(l.value, '$[0]') AS lens_key,
         json_extract(l.value, '$[1]') AS lens_value, l.key AS position,
         json_extract(l.value, '$[2]') AS status, json_extract(l.value, '$[3]') AS score,
         json_extract(l.value, '$[4]') AS coverage, json_extract(l.value, '$[5]') AS reason,
         json_extract(l.value, '$[6]') AS exact_score, json_extract(l.value, '$[7]') AS exact_coverage
  FROM response r, json_each(r.lens_figures) l;
