-- SPDX-License-Identifier: GPL-3.0-or-later
-- reports.sql - the province's six reports (issue 20): functions that make
-- a county's summary rows from its freshly loaded tables (called by
-- zhenxing-rollup load before the swap), the report views over the summary
-- rows (instant whatever the number of counties), and drill-down views
-- over the raw tables (filter them by county: the planner then reads that
-- county's partitions only).
--
-- Definitions (the same as tests/cli/t26-rollup.sh computes from each
-- county's own database):
--  monitored   households with a case in a monitoring state (monitored or
--              on the way to elimination), by category; their members
--  monthly     cases identified and eliminated, by month
--  devrule     monitored households with a member able to work (labour
--              codes tagged "labour") and, of them, those with a
--              development measure (measure categories tagged "development")
--  income      income records by year: how many, how many below the line
--              they were judged against (per_capita < line_fen)
--  funds       allocations of 衔接资金 (fund types tagged "xianjie") by the
--              receipt's year, and the part to industry projects (project
--              types tagged "industry")
--  overdue     open cases (not rejected or eliminated) whose step deadline
--              is before the snapshot's day, by state

CREATE FUNCTION rollup_monitored_states() RETURNS text[] LANGUAGE sql IMMUTABLE AS
$$ SELECT ARRAY['monitored', 'elim_verified', 'elim_appraised', 'elim_publicizing',
                'elim_township_reviewed'] $$;

CREATE FUNCTION rollup_s_monitored(c text, sfx text, as_of text)
RETURNS SETOF s_monitored LANGUAGE plpgsql AS $$
BEGIN
  RETURN QUERY EXECUTE format(
    'SELECT %L::text, m.category, count(*), sum((SELECT count(*) FROM %I p
       WHERE p.household_id = m.household_id AND p.in_household = 1))::bigint
     FROM (SELECT DISTINCT household_id, category FROM %I
           WHERE state = ANY (rollup_monitored_states())) m
     GROUP BY m.category', c, 'person' || sfx, 'monitor_case' || sfx);
END $$;

CREATE FUNCTION rollup_s_monthly(c text, sfx text, as_of text)
RETURNS SETOF s_monthly LANGUAGE plpgsql AS $$
BEGIN
  RETURN QUERY EXECUTE format(
    'SELECT %L::text, m, sum(i)::bigint, sum(e)::bigint FROM (
       SELECT substr(identified_on, 1, 7) m, 1 i, 0 e FROM %I WHERE identified_on IS NOT NULL
       UNION ALL
       SELECT substr(eliminated_on, 1, 7), 0, 1 FROM %I WHERE eliminated_on IS NOT NULL) x
     GROUP BY m', c, 'monitor_case' || sfx, 'monitor_case' || sfx);
END $$;

CREATE FUNCTION rollup_s_devrule(c text, sfx text, as_of text)
RETURNS SETOF s_devrule LANGUAGE plpgsql AS $$
BEGIN
  RETURN QUERY EXECUTE format(
    'WITH h AS (SELECT DISTINCT household_id FROM %I mc
                WHERE state = ANY (rollup_monitored_states())
                  AND EXISTS (SELECT 1 FROM %I p WHERE p.household_id = mc.household_id
                              AND p.in_household = 1 AND p.labour IN
                              (SELECT code FROM rollup_code WHERE kind = ''labour'' AND tag = ''labour'')))
     SELECT %L::text, count(*), count(*) FILTER (WHERE EXISTS (
              SELECT 1 FROM %I m WHERE m.household_id = h.household_id AND m.category IN
              (SELECT code FROM rollup_code WHERE kind = ''measure_category''
               AND tag = ''development'')))
     FROM h', 'monitor_case' || sfx, 'person' || sfx, c, 'measure' || sfx);
END $$;

CREATE FUNCTION rollup_s_income(c text, sfx text, as_of text)
RETURNS SETOF s_income LANGUAGE plpgsql AS $$
BEGIN
  RETURN QUERY EXECUTE format(
    'SELECT %L::text, year, count(*), count(*) FILTER (WHERE per_capita < line_fen),
            coalesce(sum(per_capita), 0)::bigint
     FROM %I GROUP BY year', c, 'income' || sfx);
END $$;

CREATE FUNCTION rollup_s_funds(c text, sfx text, as_of text)
RETURNS SETOF s_funds LANGUAGE plpgsql AS $$
BEGIN
  RETURN QUERY EXECUTE format(
    'SELECT %L::text, f.year, sum(a.amount)::bigint,
            coalesce(sum(a.amount) FILTER (WHERE p.ptype IN (SELECT code FROM rollup_code
              WHERE kind = ''project_type'' AND tag = ''industry'')), 0)::bigint
     FROM %I a JOIN %I f ON f.id = a.fund_id LEFT JOIN %I p ON p.id = a.project_id
     WHERE f.fund_type IN (SELECT code FROM rollup_code WHERE kind = ''fund_type''
                           AND tag = ''xianjie'')
     GROUP BY f.year', c, 'allocation' || sfx, 'fund' || sfx, 'project' || sfx);
END $$;

CREATE FUNCTION rollup_s_overdue(c text, sfx text, as_of text)
RETURNS SETOF s_overdue LANGUAGE plpgsql AS $$
BEGIN
  RETURN QUERY EXECUTE format(
    'SELECT %L::text, state, count(*) FROM %I
     WHERE deadline IS NOT NULL AND deadline < %L AND state NOT IN (''rejected'', ''eliminated'')
     GROUP BY state', c, 'monitor_case' || sfx, substr(as_of, 1, 10));
END $$;

-- ---- the reports: summary rows, county by county --------------------------------

CREATE VIEW r_monitored AS
  SELECT s.county, k.name, s.category, s.households, s.persons
  FROM s_monitored s JOIN rollup_county k USING (county);

CREATE VIEW r_monthly AS
  SELECT s.county, k.name, s.month, s.identified, s.eliminated
  FROM s_monthly s JOIN rollup_county k USING (county);

CREATE VIEW r_devrule AS
  SELECT s.county, k.name, s.with_labour, s.with_development,
         s.with_labour - s.with_development AS without_development,
         round(100.0 * s.with_development / nullif(s.with_labour, 0), 1) AS pct
  FROM s_devrule s JOIN rollup_county k USING (county);

CREATE VIEW r_income AS
  SELECT s.county, k.name, s.year, s.households, s.below_line, s.per_capita_sum,
         round(100.0 * s.below_line / nullif(s.households, 0), 1) AS pct_below,
         round(s.per_capita_sum / nullif(s.households, 0) / 100.0, 2) AS per_capita_yuan
  FROM s_income s JOIN rollup_county k USING (county);

CREATE VIEW r_funds AS
  SELECT s.county, k.name, s.year, s.xianjie, s.industry,
         round(100.0 * s.industry / nullif(s.xianjie, 0), 1) AS industry_pct
  FROM s_funds s JOIN rollup_county k USING (county);

CREATE VIEW r_overdue AS
  SELECT s.county, k.name, k.as_of, s.state, s.overdue
  FROM s_overdue s JOIN rollup_county k USING (county);

-- ---- drill-down: the rows behind a figure (WHERE county = '...') ---------------

CREATE VIEW d_monitored AS
  SELECT c.county, h.hh_no, c.category, c.state, c.identified_on
  FROM monitor_case c JOIN household h ON h.county = c.county AND h.id = c.household_id
  WHERE c.state = ANY (rollup_monitored_states());

CREATE VIEW d_monthly AS
  SELECT c.county, h.hh_no, c.state, substr(c.identified_on, 1, 7) AS identified,
         substr(c.eliminated_on, 1, 7) AS eliminated
  FROM monitor_case c JOIN household h ON h.county = c.county AND h.id = c.household_id
  WHERE c.identified_on IS NOT NULL OR c.eliminated_on IS NOT NULL;

-- The households the rule misses: able to work, no development measure.
CREATE VIEW d_devrule AS
  SELECT DISTINCT c.county, h.hh_no, c.category
  FROM monitor_case c JOIN household h ON h.county = c.county AND h.id = c.household_id
  WHERE c.state = ANY (rollup_monitored_states())
    AND EXISTS (SELECT 1 FROM person p WHERE p.county = c.county
                AND p.household_id = c.household_id AND p.in_household = 1
                AND p.labour IN (SELECT code FROM rollup_code WHERE kind = 'labour' AND tag = 'labour'))
    AND NOT EXISTS (SELECT 1 FROM measure m WHERE m.county = c.county
                    AND m.household_id = c.household_id AND m.category IN
                    (SELECT code FROM rollup_code WHERE kind = 'measure_category'
                     AND tag = 'development'));

CREATE VIEW d_income AS
  SELECT i.county, h.hh_no, i.year, i.per_capita, i.line_fen, i.per_capita < i.line_fen AS below
  FROM income i JOIN household h ON h.county = i.county AND h.id = i.household_id;

CREATE VIEW d_funds AS
  SELECT a.county, f.year, f.doc_no, p.proj_no, p.ptype, a.amount,
         p.ptype IN (SELECT code FROM rollup_code WHERE kind = 'project_type'
                     AND tag = 'industry') AS industry
  FROM allocation a JOIN fund f ON f.county = a.county AND f.id = a.fund_id
  LEFT JOIN project p ON p.county = a.county AND p.id = a.project_id
  WHERE f.fund_type IN (SELECT code FROM rollup_code WHERE kind = 'fund_type' AND tag = 'xianjie');

CREATE VIEW d_overdue AS
  SELECT c.county, h.hh_no, c.state, c.deadline
  FROM monitor_case c JOIN household h ON h.county = c.county AND h.id = c.household_id
  JOIN rollup_county k ON k.county = c.county
  WHERE c.deadline IS NOT NULL AND c.deadline < substr(k.as_of, 1, 10)
    AND c.state NOT IN ('rejected', 'eliminated');
