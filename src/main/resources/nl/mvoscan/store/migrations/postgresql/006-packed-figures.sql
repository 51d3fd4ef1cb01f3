-- schema version 6 on PostgreSQL: the question_score and lens_score rows packed into their
-- response (see ../006-packed-figures.sql), then views of the old names that unpack them.
--
-- * public.question_score and public.lens_score are views WITH (security_invoker): they read
--   public.response as the user who reads them, so its row-level security still shows a school its
--   own responses' figures only. The roles that could read the tables may read the views.
-- * network.response gains the two columns (figures are not personal); network.question_score and
--   network.lens_score are replaced in place (CREATE OR REPLACE keeps the network role's rights)
--   by views of the same columns that unpack them.

UPDATE response SET
  question_figures = coalesce(
    (SELECT CAST(json_agg(json_build_array(q.question_id, q.status, q.points)
                          ORDER BY q.position) AS TEXT)
     FROM question_score q WHERE q.response_id = response.id), '[]'),
  lens_figures = coalesce(
    (SELECT CAST(json_agg(json_build_array(l.lens_key, l.lens_value, l.status, l.score,
                                           l.coverage, l.reason, l.exact_score, l.exact_coverage)
                          ORDER BY l.position) AS TEXT)
     FROM lens_score l WHERE l.response_id = response.id), '[]');

CREATE OR REPLACE VIEW network.response AS
  SELECT id, scan_hash, respondent_id, company_id, CAST(NULL AS TEXT) AS class, school_year,
         CAST(NULL AS TEXT) AS date, language, CAST(NULL AS TEXT) AS source_file,
         CAST(NULL AS BIGINT) AS source_row, CAST(NULL AS TEXT) AS content_hash, imported_at,
         status, score, coverage, grade, level, exact_score, exact_coverage, exact_grade,
         school_id, CAST(NULL AS TEXT) AS origin, CAST(NULL AS TEXT) AS origin_version,
         question_figures, lens_figures
  FROM public.response;
CREATE OR REPLACE VIEW network.question_score AS
  SELECT r.id AS response_id, (q.e ->> 0) COLLATE "C" AS question_id, q.n - 1 AS position,
         (q.e ->> 1) COLLATE "C" AS status, (q.e ->> 2) COLLATE "C" AS points
  FROM public.response r
  CROSS JOIN LATERAL json_array_elements(CAST(r.question_figures AS json)) WITH ORDINALITY q(e, n);
CREATE OR REPLACE VIEW network.lens_score AS
  SELECT r.id AS response_id, (l.e ->> 0) COLLATE "C" AS lens_key,
         (l.e ->> 1) COLLATE "C" AS lens_value, l.n - 1 AS position,
         (l.e ->> 2) COLLATE "C" AS status, CAST(l.e ->> 3 AS DOUBLE PRECISION) AS score,
         CAST(l.e ->> 4 AS DOUBLE PRECISION) AS coverage, (l.e ->> 5) COLLATE "C" AS reason,
         (l.e ->> 6) COLLATE "C" AS exact_score, (l.e ->> 7) COLLATE "C" AS exact_coverage
  FROM public.response r
  CROSS JOIN LATERAL json_array_elements(CAST(r.lens_figures AS json)) WITH ORDINALITY l(e, n);

-- who could read the tables (the school roles) may read the views that replace them
CREATE TEMPORARY TABLE figure_readers ON COMMIT DROP AS
  SELECT DISTINCT grantee FROM information_schema.role_table_grants
  WHERE table_schema = 'public' AND table_name IN ('question_score', 'lens_score')
    AND privilege_type = 'SELECT' AND grantee <> current_user;

DROP TABLE question_score;
DROP TABLE lens_score;

CREATE VIEW question_score WITH (security_invoker = true) AS
  SELECT r.id AS response_id, (q.e ->> 0) COLLATE "C" AS question_id, q.n - 1 AS position,
         (q.e ->> 1) COLLATE "C" AS status, (q.e ->> 2) COLLATE "C" AS points
  FROM response r
  CROSS JOIN LATERAL json_array_elements(CAST(r.question_figures AS json)) WITH ORDINALITY q(e, n);
CREATE VIEW lens_score WITH (security_invoker = true) AS
  SELECT r.id AS response_id, (l.e ->> 0) COLLATE "C" AS lens_key,
         (l.e ->> 1) COLLATE "C" AS lens_value, l.n - 1 AS position,
         (l.e ->> 2) COLLATE "C" AS status, CAST(l.e ->> 3 AS DOUBLE PRECISION) AS score,
         CAST(l.e ->> 4 AS DOUBLE PRECISION) AS coverage, (l.e ->> 5) COLLATE "C" AS reason,
         (l.e ->> 6) COLLATE "C" AS exact_score, (l.e ->> 7) COLLATE "C" AS exact_coverage
  FROM response r
  CROSS JOIN LATERAL json_array_elements(CAST(r.lens_figures AS json)) WITH ORDINALITY l(e, n);

-- begin
DO $$
DECLARE
  reader RECORD;
BEGIN
  FOR reader IN SELECT grantee FROM figure_readers LOOP
    EXECUTE format('GRANT SELECT ON question_score, lens_score TO %I', reader.grantee);
  END LOOP;
END
$$;
-- end

-- a school role from now on: its rows of the tables, and the figures' views to read
-- begin
CREATE OR REPLACE FUNCTION mvoscan_grant_school(school_role NAME, school_name TEXT) RETURNS VOID
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO school AS s (name, role_name) VALUES (school_name, school_role)
    ON CONFLICT (name) DO UPDATE SET role_name = EXCLUDED.role_name;
  EXECUTE format('GRANT SELECT ON mvoscan_schema, school, scan, company, company_alias TO %I',
                 school_role);
  EXECUTE format('GRANT INSERT ON scan, company TO %I', school_role);
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON response, respondent, answer,'
                 ' theme_score TO %I', school_role);
  EXECUTE format('GRANT SELECT ON question_score, lens_score TO %I', school_role);
  EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', school_role);
END
$$;
-- end
