-- schema version 5 on PostgreSQL: access with the server's own means (docs/regional.md).
--
-- * A school is a role (usually a group role, with one login per teacher or per script as its
--   members). Row-level security shows and lets change only the rows of the schools whose role the
--   current user is a member of: responses and students by their school, answers and figures by
--   their response.
-- * The network role reads the schema "network": views of the same names and columns as the
--   tables, without names, student numbers, notes, evidence, classes, dates or source files, over
--   every school. It has no rights on the tables with personal data at all.
-- * The owner of the tables (who runs the migrations) is not subject to row-level security.
-- A later migration that adds columns to these tables must recreate the views.

-- the schools the current user acts for; roles that no longer exist are passed over, not an error
-- begin
CREATE FUNCTION mvoscan_school_ids() RETURNS SETOF BIGINT LANGUAGE sql STABLE AS $$
  SELECT s.id FROM school s JOIN pg_roles r ON r.rolname = s.role_name
  WHERE pg_has_role(current_user, r.oid, 'MEMBER')
$$;
-- end

ALTER TABLE response ADD FOREIGN KEY (school_id) REFERENCES school(id);
ALTER TABLE respondent ADD FOREIGN KEY (school_id) REFERENCES school(id);

ALTER TABLE response ENABLE ROW LEVEL SECURITY;
ALTER TABLE respondent ENABLE ROW LEVEL SECURITY;
ALTER TABLE answer ENABLE ROW LEVEL SECURITY;
ALTER TABLE theme_score ENABLE ROW LEVEL SECURITY;
ALTER TABLE lens_score ENABLE ROW LEVEL SECURITY;
ALTER TABLE question_score ENABLE ROW LEVEL SECURITY;

CREATE POLICY school_rows ON response
  USING (school_id IN (SELECT mvoscan_school_ids()))
  WITH CHECK (school_id IN (SELECT mvoscan_school_ids()));
CREATE POLICY school_rows ON respondent
  USING (school_id IN (SELECT mvoscan_school_ids()))
  WITH CHECK (school_id IN (SELECT mvoscan_school_ids()));
-- the response's own policy applies inside: a response the user cannot see does not exist here
CREATE POLICY school_rows ON answer
  USING (EXISTS (SELECT 1 FROM response r WHERE r.id = answer.response_id));
CREATE POLICY school_rows ON theme_score
  USING (EXISTS (SELECT 1 FROM response r WHERE r.id = theme_score.response_id));
CREATE POLICY school_rows ON lens_score
  USING (EXISTS (SELECT 1 FROM response r WHERE r.id = lens_score.response_id));
CREATE POLICY school_rows ON question_score
  USING (EXISTS (SELECT 1 FROM response r WHERE r.id = question_score.response_id));

CREATE SCHEMA network;

CREATE VIEW network.response AS
  SELECT id, scan_hash, respondent_id, company_id, CAST(NULL AS TEXT) AS class, school_year,
         CAST(NULL AS TEXT) AS date, language, CAST(NULL AS TEXT) AS source_file,
         CAST(NULL AS BIGINT) AS source_row, CAST(NULL AS TEXT) AS content_hash, imported_at,
         status, score, coverage, grade, level, exact_score, exact_coverage, exact_grade,
         school_id, CAST(NULL AS TEXT) AS origin, CAST(NULL AS TEXT) AS origin_version
  FROM public.response;
CREATE VIEW network.respondent AS
  SELECT id, CAST(NULL AS TEXT) AS respondent_key, '#' || id AS name,
         CAST(NULL AS TEXT) AS student_number, school_id
  FROM public.respondent;
CREATE VIEW network.answer AS
  SELECT response_id, question_id, value, CAST(NULL AS TEXT) AS evidence,
         CAST(NULL AS TEXT) AS note, status, points, hidden
  FROM public.answer;
CREATE VIEW network.theme_score AS
  SELECT response_id, theme_id, position, status, score, coverage, reason, exact_score,
         exact_coverage
  FROM public.theme_score;
CREATE VIEW network.lens_score AS
  SELECT response_id, lens_key, lens_value, position, status, score, coverage, reason,
         exact_score, exact_coverage
  FROM public.lens_score;
CREATE VIEW network.question_score AS
  SELECT response_id, question_id, position, status, points FROM public.question_score;

-- what a school role may do: its own rows (the policies above), and add scans and companies,
-- which all schools share
-- begin
CREATE FUNCTION mvoscan_grant_school(school_role NAME, school_name TEXT) RETURNS VOID
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO school AS s (name, role_name) VALUES (school_name, school_role)
    ON CONFLICT (name) DO UPDATE SET role_name = EXCLUDED.role_name;
  EXECUTE format('GRANT SELECT ON mvoscan_schema, school, scan, company, company_alias TO %I',
                 school_role);
  EXECUTE format('GRANT INSERT ON scan, company TO %I', school_role);
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON response, respondent, answer,'
                 ' theme_score, lens_score, question_score TO %I', school_role);
  EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', school_role);
END
$$;
-- end

-- what the network role may do: read the views of the schema network, and what is not personal
-- begin
CREATE FUNCTION mvoscan_grant_network(network_role NAME) RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('GRANT USAGE ON SCHEMA network TO %I', network_role);
  EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA network TO %I', network_role);
  EXECUTE format('GRANT SELECT ON mvoscan_schema, school, scan, company, company_alias TO %I',
                 network_role);
  EXECUTE format('ALTER ROLE %I IN DATABASE %I SET search_path = network, public', network_role,
                 current_database());
END
$$;
-- end
