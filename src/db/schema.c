/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * schema.c - the migrations.  To change the schema, append a migration;
 * never edit one that has shipped.  Money is integer fen, dates are ISO
 * 8601 text checked with date(x, "+0 days") = x, codes are text validated against
 * share/policy/codes.conf by core, and closed enumerations (states,
 * actions, roles) are CHECK constraints.  Every editable table has a
 * version column for optimistic concurrency.
 */
#include "config.h"
#include "db/schema.h"

#include <stdio.h>

#include "db/db_priv.h"
#include "util/array.h"
#include "util/err.h"
#include "util/i18n.h"

/* date(x) alone accepts 2023-02-30; adding zero days normalizes it. */
#define ISO_DATE(c) \
    "(" c " IS NULL OR (" c " GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' " \
    "AND date(" c ", '+0 days') = " c "))"
#define FLAG(c) c " INTEGER NOT NULL DEFAULT 0 CHECK (" c " IN (0, 1))"
#define FEN(c) c " INTEGER NOT NULL DEFAULT 0 CHECK (" c " >= 0)"
#define STAMPS \
    "created_at TEXT NOT NULL, updated_at TEXT NOT NULL, " \
    "version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)"
#define STATES \
    "'clue','verified','appraised','publicizing','township_reviewed'," \
    "'monitored','elim_verified','elim_appraised','elim_publicizing'," \
    "'elim_township_reviewed','eliminated','rejected'"
#define IDENTIFIED_STATES \
    "'monitored','elim_verified','elim_appraised','elim_publicizing'," \
    "'elim_township_reviewed','eliminated'"
#define ACTIONS \
    "'clue','verify','appraise','publicize','township_review'," \
    "'county_approve','reject','elim_verify','elim_appraise'," \
    "'elim_publicize','elim_township_review','elim_approve','elim_reject'," \
    "'rollback','reidentify'"

/* The history of a case's steps; ACTIONS_ the steps it may hold. */
#define CASE_STEP_COLUMNS(actions_) \
    "  id INTEGER PRIMARY KEY,\n" \
    "  case_id INTEGER NOT NULL REFERENCES monitor_case(id) ON DELETE CASCADE,\n" \
    "  action TEXT NOT NULL CHECK (action IN (" actions_ ")),\n" \
    "  from_state TEXT NOT NULL CHECK (from_state IN ('none'," STATES ")),\n" \
    "  to_state TEXT NOT NULL CHECK (to_state IN (" STATES ")),\n" \
    "  actor TEXT NOT NULL,\n" \
    "  at TEXT NOT NULL,\n" \
    "  step_date TEXT NOT NULL CHECK " ISO_DATE("step_date") ",\n" \
    "  deadline TEXT CHECK " ISO_DATE("deadline") ",\n" \
    "  pub_start TEXT CHECK " ISO_DATE("pub_start") ",\n" \
    "  pub_end TEXT CHECK " ISO_DATE("pub_end") ",\n" \
    "  objections INTEGER NOT NULL DEFAULT 0 CHECK (objections >= 0),\n" \
    "  " FLAG("authorized") ",\n" \
    "  note TEXT CHECK (length(note) <= 4000),\n" \
    "  CHECK (pub_end IS NULL OR pub_end >= pub_start)\n"
#define CASE_STEP_NO_UPDATE \
    "CREATE TRIGGER case_step_no_update BEFORE UPDATE ON case_step\n" \
    "BEGIN SELECT RAISE(ABORT, 'case history cannot be changed'); END;\n"

/* The audit log (since m008): its columns but the operation, its index,
 * and its triggers: history is append-only. */
#define AUDIT_ID_AT_ACTOR \
    "  id INTEGER PRIMARY KEY,\n" \
    "  at TEXT NOT NULL,\n" \
    "  actor TEXT NOT NULL,\n"
#define AUDIT_WHAT \
    "  tbl TEXT NOT NULL,\n" \
    "  row_id INTEGER,\n" \
    "  field TEXT,\n" \
    "  old TEXT,\n" \
    "  new TEXT,\n" \
    "  nrows INTEGER CHECK (nrows >= 0),\n" \
    "  revealed INTEGER CHECK (revealed IN (0, 1))\n"
#define AUDIT_ROW_INDEX "CREATE INDEX audit_row ON audit(tbl, row_id);\n"
#define AUDIT_APPEND_ONLY \
    "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit\n" \
    "BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END;\n" \
    "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit\n" \
    "BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END;\n"

static const char m001[] =
    "PRAGMA application_id = 1515716609;\n"  /* SCHEMA_APPLICATION_ID */
    "CREATE TABLE meta (\n"
    "  key TEXT PRIMARY KEY,\n"
    "  value TEXT NOT NULL\n"
    ");\n"

    /* 县 -> 乡镇 -> 行政村 -> 自然村 */
    "CREATE TABLE division (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 4),\n"
    "  parent_id INTEGER REFERENCES division(id),\n"
    "  code TEXT CHECK (code IS NULL OR (length(code) BETWEEN 6 AND 12\n"
    "                   AND code NOT GLOB '*[^0-9]*')),\n"
    "  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 64),\n"
    "  version INTEGER NOT NULL DEFAULT 1,\n"
    "  CHECK ((level = 1) = (parent_id IS NULL))\n"
    ");\n"
    "CREATE UNIQUE INDEX division_name ON division(coalesce(parent_id, 0), name);\n"
    "CREATE INDEX division_parent ON division(parent_id);\n"
    "CREATE TRIGGER division_level BEFORE INSERT ON division\n"
    "WHEN NEW.parent_id IS NOT NULL AND\n"
    "     (SELECT level FROM division WHERE id = NEW.parent_id) <> NEW.level - 1\n"
    "BEGIN SELECT RAISE(ABORT, 'a division must be one level below its parent'); END;\n"

    "CREATE TABLE staff (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  login TEXT NOT NULL UNIQUE CHECK (length(login) BETWEEN 1 AND 32),\n"
    "  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 30),\n"
    "  role TEXT NOT NULL CHECK (role IN ('admin','county','township','village','viewer')),\n"
    "  scope_id INTEGER REFERENCES division(id),\n"
    "  " FLAG("active") ",\n"
    "  " STAMPS "\n"
    ");\n"

    "CREATE TABLE household (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  hh_no TEXT NOT NULL UNIQUE CHECK (length(hh_no) BETWEEN 1 AND 30),\n"
    "  township_id INTEGER NOT NULL REFERENCES division(id),\n"
    "  village_id INTEGER NOT NULL REFERENCES division(id),\n"
    "  natural_village_id INTEGER REFERENCES division(id),\n"
    "  hh_type TEXT NOT NULL CHECK (length(hh_type) BETWEEN 1 AND 11),\n"
    "  address TEXT CHECK (length(address) <= 200),\n"
    "  phone TEXT CHECK (length(phone) <= 20),\n"
    "  " FLAG("relocated") ",\n"
    "  relocation_site TEXT CHECK (length(relocation_site) <= 200),\n"
    "  " FLAG("military") ",\n"
    "  " FLAG("no_labour_support") ",\n"
    "  house_grade TEXT CHECK (house_grade IN ('A','B','C','D')),\n"
    "  " STAMPS "\n"
    ");\n"
    "CREATE INDEX household_place ON household(township_id, village_id);\n"
    "CREATE INDEX household_village ON household(village_id);\n"

    "CREATE TABLE person (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  household_id INTEGER NOT NULL REFERENCES household(id) ON DELETE CASCADE,\n"
    "  person_no TEXT CHECK (length(person_no) <= 30),\n"
    "  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 30),\n"
    "  sex TEXT CHECK (sex IN ('1','2')),\n"
    "  id_type TEXT,\n"
    "  id_no TEXT CHECK (id_no IS NULL OR length(id_no) BETWEEN 6 AND 30),\n"
    "  birth_date TEXT CHECK " ISO_DATE("birth_date") ",\n"
    "  relation TEXT, ethnicity TEXT, political TEXT, education TEXT,\n"
    "  schooling TEXT, health TEXT, labour TEXT,\n"
    "  work_place TEXT CHECK (length(work_place) <= 100),\n"
    "  work_months INTEGER NOT NULL DEFAULT 0 CHECK (work_months BETWEEN 0 AND 12),\n"
    "  " FLAG("ins_medical") ", " FLAG("ins_serious") ", " FLAG("medical_aid") ",\n"
    "  " FLAG("ins_pension") ", " FLAG("dibao") ", " FLAG("tekun") ",\n"
    "  public_job TEXT,\n"
    "  phone TEXT CHECK (length(phone) <= 20),\n"
    "  in_household INTEGER NOT NULL DEFAULT 1 CHECK (in_household IN (0, 1)),\n"
    "  left_reason TEXT CHECK (length(left_reason) <= 200),\n"
    "  left_on TEXT CHECK " ISO_DATE("left_on") ",\n"
    "  " STAMPS ",\n"
    "  CHECK (in_household = 1 OR left_reason IS NOT NULL)\n"
    ");\n"
    "CREATE INDEX person_household ON person(household_id);\n"
    "CREATE UNIQUE INDEX person_id_no ON person(id_no)\n"
    "  WHERE id_no IS NOT NULL AND in_household = 1;\n"
    "CREATE INDEX person_name ON person(name);\n"

    "CREATE TABLE income (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  household_id INTEGER NOT NULL REFERENCES household(id) ON DELETE CASCADE,\n"
    "  year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),\n"
    "  " FEN("wage") ", " FEN("business") ", " FEN("property") ",\n"
    "  " FEN("transfer") ", " FEN("business_cost") ", " FEN("claims") ",\n"
    "  " FEN("oop_rigid") ",\n"
    "  members INTEGER NOT NULL CHECK (members BETWEEN 1 AND 99),\n"
    "  net INTEGER NOT NULL,\n"
    "  per_capita INTEGER NOT NULL,\n"
    "  line_fen INTEGER CHECK (line_fen > 0),\n"
    "  line_year INTEGER,\n"
    "  " STAMPS ",\n"
    "  UNIQUE (household_id, year)\n"
    ");\n"

    /* 两不愁三保障及饮水安全: 1 = secured */
    "CREATE TABLE guarantee (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  household_id INTEGER NOT NULL REFERENCES household(id) ON DELETE CASCADE,\n"
    "  year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),\n"
    "  checked_on TEXT NOT NULL CHECK " ISO_DATE("checked_on") ",\n"
    "  food_clothing INTEGER NOT NULL CHECK (food_clothing IN (0, 1)),\n"
    "  education INTEGER NOT NULL CHECK (education IN (0, 1)),\n"
    "  medical INTEGER NOT NULL CHECK (medical IN (0, 1)),\n"
    "  housing INTEGER NOT NULL CHECK (housing IN (0, 1)),\n"
    "  water INTEGER NOT NULL CHECK (water IN (0, 1)),\n"
    "  note TEXT CHECK (length(note) <= 4000),\n"
    "  " STAMPS ",\n"
    "  UNIQUE (household_id, year)\n"
    ");\n"

    "CREATE TABLE monitor_case (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  household_id INTEGER NOT NULL REFERENCES household(id) ON DELETE CASCADE,\n"
    "  state TEXT NOT NULL CHECK (state IN (" STATES ")),\n"
    "  category TEXT NOT NULL CHECK (category IN ('1','2','3')),\n"
    "  channel TEXT NOT NULL,\n"
    "  description TEXT CHECK (length(description) <= 4000),\n"
    "  clue_date TEXT NOT NULL CHECK " ISO_DATE("clue_date") ",\n"
    "  identified_on TEXT CHECK " ISO_DATE("identified_on") ",\n"
    "  elim_started TEXT CHECK " ISO_DATE("elim_started") ",\n"
    "  eliminated_on TEXT CHECK " ISO_DATE("eliminated_on") ",\n"
    "  elim_method TEXT,\n"
    "  deadline TEXT CHECK " ISO_DATE("deadline") ",\n"
    "  line_fen INTEGER CHECK (line_fen > 0),\n"
    "  line_year INTEGER,\n"
    "  " STAMPS ",\n"
    "  CHECK (state NOT IN (" IDENTIFIED_STATES ") OR identified_on IS NOT NULL),\n"
    "  CHECK (state <> 'eliminated' OR (eliminated_on IS NOT NULL AND elim_method IS NOT NULL))\n"
    ");\n"
    "CREATE UNIQUE INDEX monitor_case_open ON monitor_case(household_id)\n"
    "  WHERE state <> 'rejected';\n"
    "CREATE INDEX monitor_case_household ON monitor_case(household_id);\n"
    "CREATE INDEX monitor_case_state ON monitor_case(state, deadline);\n"

    "CREATE TABLE case_risk (\n"
    "  case_id INTEGER NOT NULL REFERENCES monitor_case(id) ON DELETE CASCADE,\n"
    "  pos INTEGER NOT NULL CHECK (pos BETWEEN 1 AND 5),\n"
    "  risk TEXT NOT NULL,\n"
    "  PRIMARY KEY (case_id, pos),\n"
    "  UNIQUE (case_id, risk)\n"
    ");\n"
    "CREATE INDEX case_risk_risk ON case_risk(risk, case_id);\n"

    "CREATE TABLE case_step (\n" CASE_STEP_COLUMNS(ACTIONS) ");\n"
    "CREATE INDEX case_step_case ON case_step(case_id, id);\n"

    "CREATE TABLE measure (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  household_id INTEGER NOT NULL REFERENCES household(id) ON DELETE CASCADE,\n"
    "  case_id INTEGER REFERENCES monitor_case(id),\n"
    "  year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),\n"
    "  category TEXT NOT NULL,\n"
    "  item TEXT CHECK (length(item) <= 60),\n"
    "  start_date TEXT NOT NULL CHECK " ISO_DATE("start_date") ",\n"
    "  end_date TEXT CHECK " ISO_DATE("end_date") ",\n"
    "  project_id INTEGER,\n"
    "  note TEXT CHECK (length(note) <= 4000),\n"
    "  " STAMPS ",\n"
    "  CHECK (end_date IS NULL OR end_date >= start_date)\n"
    ");\n"
    "CREATE INDEX measure_household ON measure(household_id);\n"

    "CREATE TABLE cadre (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 30),\n"
    "  sex TEXT CHECK (sex IN ('1','2')),\n"
    "  political TEXT,\n"
    "  unit TEXT CHECK (length(unit) <= 100),\n"
    "  phone TEXT CHECK (length(phone) <= 20),\n"
    "  " STAMPS "\n"
    ");\n"
    "CREATE TABLE household_cadre (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  household_id INTEGER NOT NULL REFERENCES household(id) ON DELETE CASCADE,\n"
    "  cadre_id INTEGER NOT NULL REFERENCES cadre(id),\n"
    "  start_date TEXT NOT NULL CHECK " ISO_DATE("start_date") ",\n"
    "  end_date TEXT CHECK " ISO_DATE("end_date") ",\n"
    "  " STAMPS ",\n"
    "  CHECK (end_date IS NULL OR end_date >= start_date)\n"
    ");\n"
    "CREATE INDEX household_cadre_household ON household_cadre(household_id);\n"
    "CREATE INDEX household_cadre_cadre ON household_cadre(cadre_id);\n"

    "CREATE TABLE visit (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  household_id INTEGER NOT NULL REFERENCES household(id) ON DELETE CASCADE,\n"
    "  visit_date TEXT NOT NULL CHECK " ISO_DATE("visit_date") ",\n"
    "  visitor TEXT NOT NULL CHECK (length(visitor) BETWEEN 1 AND 30),\n"
    "  visitor_role TEXT,\n"
    "  cadre_id INTEGER REFERENCES cadre(id),\n"
    "  findings TEXT CHECK (length(findings) <= 4000),\n"
    "  " FLAG("new_risk") ",\n"
    "  next_visit TEXT CHECK " ISO_DATE("next_visit") ",\n"
    "  " STAMPS ",\n"
    "  CHECK (next_visit IS NULL OR next_visit > visit_date)\n"
    ");\n"
    "CREATE INDEX visit_household ON visit(household_id, visit_date);\n"

    "CREATE TABLE audit (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  at TEXT NOT NULL,\n"
    "  actor TEXT NOT NULL,\n"
    "  op TEXT NOT NULL CHECK (op IN ('insert','update','delete','step',\n"
    "      'reveal','print','export','bulk')),\n"
    "  tbl TEXT NOT NULL,\n"
    "  row_id INTEGER,\n"
    "  field TEXT,\n"
    "  old TEXT,\n"
    "  new TEXT\n"
    ");\n"
    AUDIT_ROW_INDEX
    /* History is append-only. */
    AUDIT_APPEND_ONLY
    CASE_STEP_NO_UPDATE;

/* The list of households (one summary row each, kept by db_list.c), its
 * full-text search terms, and the staff's saved worklists. */
static const char m002[] =
    "CREATE TABLE hh_list (\n"
    "  id INTEGER PRIMARY KEY REFERENCES household(id) ON DELETE CASCADE,\n"
    "  hh_no TEXT NOT NULL,\n"
    "  head TEXT NOT NULL,\n"
    "  head_key BLOB NOT NULL,\n"
    "  township_id INTEGER NOT NULL,\n"
    "  village_id INTEGER NOT NULL,\n"
    "  place_key BLOB NOT NULL,\n"
    "  village_key BLOB NOT NULL,\n"
    "  members INTEGER NOT NULL,\n"
    "  hh_type TEXT NOT NULL,\n"
    "  category TEXT NOT NULL,\n"
    "  risks TEXT NOT NULL,\n"
    "  state TEXT NOT NULL,\n"
    "  state_rank INTEGER NOT NULL,\n"
    "  per_capita INTEGER NOT NULL,\n"
    "  income_year INTEGER NOT NULL,\n"
    "  income_key INTEGER NOT NULL,\n"
    "  last_visit TEXT NOT NULL,\n"
    "  identified_on TEXT NOT NULL,\n"
    "  deadline TEXT,\n"
    "  visit_due TEXT,\n"
    "  measure_due TEXT,\n"
    "  errors INTEGER NOT NULL,\n"
    "  warnings INTEGER NOT NULL,\n"
    "  terms TEXT NOT NULL\n"
    ");\n"
    /* One index per sort column, ending in id for keyset paging. */
    "CREATE INDEX hh_list_hh_no ON hh_list(hh_no, id);\n"
    "CREATE INDEX hh_list_head ON hh_list(head_key, id);\n"
    "CREATE INDEX hh_list_place ON hh_list(place_key, id);\n"
    "CREATE INDEX hh_list_village ON hh_list(village_key, id);\n"
    "CREATE INDEX hh_list_members ON hh_list(members, id);\n"
    "CREATE INDEX hh_list_category ON hh_list(category, id);\n"
    "CREATE INDEX hh_list_risks ON hh_list(risks, id);\n"
    "CREATE INDEX hh_list_income ON hh_list(income_key, id);\n"
    "CREATE INDEX hh_list_state ON hh_list(state_rank, id);\n"
    "CREATE INDEX hh_list_visit ON hh_list(last_visit, id);\n"
    "CREATE INDEX hh_list_type ON hh_list(hh_type, id);\n"
    "CREATE INDEX hh_list_identified ON hh_list(identified_on, id);\n"
    "CREATE INDEX hh_list_township ON hh_list(township_id, village_id);\n"
    "CREATE INDEX hh_list_vid ON hh_list(village_id);\n"
    "CREATE INDEX hh_list_deadline ON hh_list(deadline) WHERE deadline IS NOT NULL;\n"
    "CREATE INDEX hh_list_visit_due ON hh_list(visit_due) WHERE visit_due IS NOT NULL;\n"
    "CREATE INDEX hh_list_measure_due ON hh_list(measure_due) WHERE measure_due IS NOT NULL;\n"
    "CREATE INDEX hh_list_findings ON hh_list(id) WHERE errors + warnings > 0;\n"
    /* The search index reads its text from hh_list.terms. */
    "CREATE VIRTUAL TABLE hh_search USING fts5(terms, content = 'hh_list',\n"
    "  content_rowid = 'id', detail = none,\n"
    "  tokenize = 'unicode61 remove_diacritics 0');\n"
    "CREATE TABLE worklist (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  login TEXT NOT NULL,\n"
    "  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 20),\n"
    "  spec TEXT NOT NULL CHECK (length(spec) <= 1000),\n"
    "  " STAMPS ",\n"
    "  UNIQUE (login, name)\n"
    ");\n";

/* Looking for a person before adding a household (db_household_similar):
 * current members by birth date, for "same initials, same birthday". */
static const char m003[] =
    "CREATE INDEX person_birth ON person(birth_date) WHERE in_household = 1;\n";

#define PROJ_STATES \
    "'proposed','village_publicized','township_reviewed'," \
    "'township_publicized','county_argued','approved','planned'," \
    "'implementing','completed','accepted','settled','assets_registered'," \
    "'operating','rejected','rolled_over','adjusted','cancelled'"
#define PROJ_ACTIONS \
    "'propose','village_publicize','township_review','township_publicize'," \
    "'county_argue','approve','plan','start','complete','accept','settle'," \
    "'register_assets','operate','reject','roll_over','adjust','cancel'"

/* Funds, the project pool and the asset ledger (domain.md 6, 7).  What
 * is allocated out of a receipt never exceeds it, and what is paid out
 * of an allocation never exceeds that: the repositories check it with
 * words first, and these triggers refuse what slips past them. */
static const char m004[] =
    "CREATE TABLE fund (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),\n"
    "  level TEXT NOT NULL,\n"
    "  fund_type TEXT NOT NULL,\n"
    "  task_line TEXT,\n"
    "  batch TEXT CHECK (length(batch) <= 30),\n"
    "  doc_no TEXT NOT NULL CHECK (length(doc_no) BETWEEN 1 AND 60),\n"
    "  title TEXT CHECK (length(title) <= 120),\n"
    "  amount INTEGER NOT NULL CHECK (amount > 0),\n"
    "  received_on TEXT NOT NULL CHECK " ISO_DATE("received_on") ",\n"
    "  note TEXT CHECK (length(note) <= 4000),\n"
    "  " STAMPS "\n"
    ");\n"
    "CREATE INDEX fund_year ON fund(year, fund_type, level);\n"

    "CREATE TABLE project (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  proj_no TEXT NOT NULL UNIQUE CHECK (length(proj_no) BETWEEN 1 AND 30),\n"
    "  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),\n"
    "  year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),\n"
    "  ptype TEXT NOT NULL,\n"
    "  township_id INTEGER NOT NULL REFERENCES division(id),\n"
    "  village_id INTEGER REFERENCES division(id),\n"
    "  implementer TEXT CHECK (length(implementer) <= 120),\n"
    "  proposer TEXT,\n"
    "  state TEXT NOT NULL DEFAULT 'proposed' CHECK (state IN (" PROJ_STATES ")),\n"
    "  " FEN("budget") ", " FEN("self_funds") ",\n"
    "  hh_benefit INTEGER NOT NULL DEFAULT 0 CHECK (hh_benefit >= 0),\n"
    "  persons_benefit INTEGER NOT NULL DEFAULT 0 CHECK (persons_benefit >= 0),\n"
    "  hh_poor INTEGER NOT NULL DEFAULT 0 CHECK (hh_poor >= 0),\n"
    "  persons_poor INTEGER NOT NULL DEFAULT 0 CHECK (persons_poor >= 0),\n"
    "  hh_monitored INTEGER NOT NULL DEFAULT 0 CHECK (hh_monitored >= 0),\n"
    "  persons_monitored INTEGER NOT NULL DEFAULT 0 CHECK (persons_monitored >= 0),\n"
    "  period_start TEXT CHECK " ISO_DATE("period_start") ",\n"
    "  period_end TEXT CHECK " ISO_DATE("period_end") ",\n"
    "  workers INTEGER NOT NULL DEFAULT 0 CHECK (workers >= 0),\n"
    "  workers_poor INTEGER NOT NULL DEFAULT 0 CHECK (workers_poor >= 0),\n"
    "  person_days INTEGER NOT NULL DEFAULT 0 CHECK (person_days >= 0),\n"
    "  targets_published_on TEXT CHECK " ISO_DATE("targets_published_on") ",\n"
    "  content TEXT CHECK (length(content) <= 4000),\n"
    "  linking TEXT CHECK (length(linking) <= 4000),\n"
    "  targets TEXT CHECK (length(targets) <= 4000),\n"
    "  note TEXT CHECK (length(note) <= 4000),\n"
    "  " STAMPS ",\n"
    "  CHECK (hh_poor + hh_monitored <= hh_benefit),\n"
    "  CHECK (period_end IS NULL OR period_start IS NULL OR period_end >= period_start)\n"
    ");\n"
    "CREATE INDEX project_year ON project(year, state);\n"
    "CREATE INDEX project_place ON project(township_id, village_id);\n"

    "CREATE TABLE project_step (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  project_id INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,\n"
    "  action TEXT NOT NULL CHECK (action IN (" PROJ_ACTIONS ")),\n"
    "  from_state TEXT NOT NULL CHECK (from_state IN ('none'," PROJ_STATES ")),\n"
    "  to_state TEXT NOT NULL CHECK (to_state IN (" PROJ_STATES ")),\n"
    "  actor TEXT NOT NULL,\n"
    "  at TEXT NOT NULL,\n"
    "  step_date TEXT NOT NULL CHECK " ISO_DATE("step_date") ",\n"
    "  pub_start TEXT CHECK " ISO_DATE("pub_start") ",\n"
    "  pub_end TEXT CHECK " ISO_DATE("pub_end") ",\n"
    "  doc_no TEXT CHECK (length(doc_no) <= 60),\n"
    "  note TEXT CHECK (length(note) <= 4000),\n"
    "  CHECK (pub_end IS NULL OR pub_end >= pub_start)\n"
    ");\n"
    "CREATE INDEX project_step_project ON project_step(project_id, id);\n"
    "CREATE TRIGGER project_step_no_update BEFORE UPDATE ON project_step\n"
    "BEGIN SELECT RAISE(ABORT, 'project history cannot be changed'); END;\n"

    /* Beneficiary households linked to the registry. */
    "CREATE TABLE project_household (\n"
    "  project_id INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,\n"
    "  household_id INTEGER NOT NULL REFERENCES household(id) ON DELETE CASCADE,\n"
    "  PRIMARY KEY (project_id, household_id)\n"
    ");\n"
    "CREATE INDEX project_household_hh ON project_household(household_id);\n"

    "CREATE TABLE allocation (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  fund_id INTEGER NOT NULL REFERENCES fund(id),\n"
    "  project_id INTEGER NOT NULL REFERENCES project(id),\n"
    "  amount INTEGER NOT NULL CHECK (amount > 0),\n"
    "  alloc_date TEXT NOT NULL CHECK " ISO_DATE("alloc_date") ",\n"
    "  doc_no TEXT CHECK (length(doc_no) <= 60),\n"
    "  published_on TEXT CHECK " ISO_DATE("published_on") ",\n"
    "  note TEXT CHECK (length(note) <= 4000),\n"
    "  " STAMPS ",\n"
    "  CHECK (published_on IS NULL OR published_on >= alloc_date)\n"
    ");\n"
    "CREATE INDEX allocation_fund ON allocation(fund_id);\n"
    "CREATE INDEX allocation_project ON allocation(project_id);\n"
    "CREATE TRIGGER allocation_within_fund_ins AFTER INSERT ON allocation\n"
    "WHEN (SELECT sum(amount) FROM allocation WHERE fund_id = NEW.fund_id) >\n"
    "     (SELECT amount FROM fund WHERE id = NEW.fund_id)\n"
    "BEGIN SELECT RAISE(ABORT, 'allocations exceed the fund receipt'); END;\n"
    "CREATE TRIGGER allocation_within_fund_upd AFTER UPDATE OF amount, fund_id ON allocation\n"
    "WHEN (SELECT sum(amount) FROM allocation WHERE fund_id = NEW.fund_id) >\n"
    "     (SELECT amount FROM fund WHERE id = NEW.fund_id)\n"
    "  OR (SELECT coalesce(sum(amount), 0) FROM payment WHERE allocation_id = NEW.id) > NEW.amount\n"
    "BEGIN SELECT RAISE(ABORT, 'allocations exceed the fund receipt'); END;\n"
    "CREATE TRIGGER fund_covers_allocations AFTER UPDATE OF amount ON fund\n"
    "WHEN (SELECT coalesce(sum(amount), 0) FROM allocation WHERE fund_id = NEW.id) > NEW.amount\n"
    "BEGIN SELECT RAISE(ABORT, 'allocations exceed the fund receipt'); END;\n"

    "CREATE TABLE payment (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  allocation_id INTEGER NOT NULL REFERENCES allocation(id),\n"
    "  pay_date TEXT NOT NULL CHECK " ISO_DATE("pay_date") ",\n"
    "  amount INTEGER NOT NULL CHECK (amount > 0),\n"
    "  payee TEXT NOT NULL CHECK (length(payee) BETWEEN 1 AND 120),\n"
    "  voucher_no TEXT NOT NULL CHECK (length(voucher_no) BETWEEN 1 AND 30),\n"
    "  " FLAG("is_wage") ",\n"
    "  note TEXT CHECK (length(note) <= 4000),\n"
    "  " STAMPS "\n"
    ");\n"
    "CREATE INDEX payment_allocation ON payment(allocation_id);\n"
    "CREATE TRIGGER payment_within_allocation_ins AFTER INSERT ON payment\n"
    "WHEN (SELECT sum(amount) FROM payment WHERE allocation_id = NEW.allocation_id) >\n"
    "     (SELECT amount FROM allocation WHERE id = NEW.allocation_id)\n"
    "BEGIN SELECT RAISE(ABORT, 'payments exceed the allocation'); END;\n"
    "CREATE TRIGGER payment_within_allocation_upd AFTER UPDATE OF amount, allocation_id ON payment\n"
    "WHEN (SELECT sum(amount) FROM payment WHERE allocation_id = NEW.allocation_id) >\n"
    "     (SELECT amount FROM allocation WHERE id = NEW.allocation_id)\n"
    "BEGIN SELECT RAISE(ABORT, 'payments exceed the allocation'); END;\n"

    "CREATE TABLE asset (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  asset_no TEXT NOT NULL UNIQUE CHECK (length(asset_no) BETWEEN 1 AND 30),\n"
    "  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),\n"
    "  aclass TEXT NOT NULL,\n"
    "  atype TEXT,\n"
    "  project_id INTEGER REFERENCES project(id),\n"
    "  year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),\n"
    "  township_id INTEGER NOT NULL REFERENCES division(id),\n"
    "  village_id INTEGER REFERENCES division(id),\n"
    "  household_id INTEGER REFERENCES household(id),\n"
    "  scale TEXT CHECK (length(scale) <= 60),\n"
    "  completed_on TEXT CHECK " ISO_DATE("completed_on") ",\n"
    "  owner_level TEXT NOT NULL,\n"
    "  owner TEXT CHECK (length(owner) <= 120),\n"
    "  operator TEXT CHECK (length(operator) <= 120),\n"
    "  op_mode TEXT,\n"
    "  maintainer TEXT CHECK (length(maintainer) <= 120),\n"
    "  " FEN("upkeep") ",\n"
    "  hh_benefit INTEGER NOT NULL DEFAULT 0 CHECK (hh_benefit >= 0),\n"
    "  hh_poor INTEGER NOT NULL DEFAULT 0 CHECK (hh_poor >= 0),\n"
    "  hh_monitored INTEGER NOT NULL DEFAULT 0 CHECK (hh_monitored >= 0),\n"
    "  status TEXT NOT NULL,\n"
    "  disposal TEXT,\n"
    "  disposal_date TEXT CHECK " ISO_DATE("disposal_date") ",\n"
    "  disposal_doc TEXT CHECK (length(disposal_doc) <= 60),\n"
    "  " FEN("disposal_amount") ",\n"
    "  disposal_reason TEXT CHECK (length(disposal_reason) <= 4000),\n"
    "  archive_no TEXT CHECK (length(archive_no) <= 30),\n"
    "  publicized_on TEXT CHECK " ISO_DATE("publicized_on") ",\n"
    "  " FEN("value") ",\n"
    "  note TEXT CHECK (length(note) <= 4000),\n"
    "  " STAMPS ",\n"
    "  CHECK (disposal IS NULL OR (disposal_date IS NOT NULL AND disposal_doc IS NOT NULL))\n"
    ");\n"
    "CREATE INDEX asset_place ON asset(township_id, village_id);\n"
    "CREATE INDEX asset_project ON asset(project_id);\n"
    "CREATE INDEX asset_household ON asset(household_id);\n"

    "CREATE TABLE asset_source (\n"
    "  asset_id INTEGER NOT NULL REFERENCES asset(id) ON DELETE CASCADE,\n"
    "  pos INTEGER NOT NULL CHECK (pos BETWEEN 1 AND 4),\n"
    "  fund_type TEXT NOT NULL,\n"
    "  amount INTEGER NOT NULL CHECK (amount > 0),\n"
    "  PRIMARY KEY (asset_id, pos)\n"
    ");\n"

    "CREATE TABLE asset_income (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  asset_id INTEGER NOT NULL REFERENCES asset(id) ON DELETE CASCADE,\n"
    "  year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),\n"
    "  " FEN("income") ", " FEN("to_households") ",\n"
    "  households INTEGER NOT NULL DEFAULT 0 CHECK (households >= 0),\n"
    "  " FEN("to_village") ", " FEN("to_upkeep") ",\n"
    "  dist_date TEXT CHECK " ISO_DATE("dist_date") ",\n"
    "  use_note TEXT CHECK (length(use_note) <= 4000),\n"
    "  " STAMPS ",\n"
    "  CHECK (to_households + to_village + to_upkeep <= income),\n"
    "  UNIQUE (asset_id, year)\n"
    ");\n";

/* Paired assistance and resident work teams (domain.md 8). */
static const char m005[] =
    "CREATE TABLE partner (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  kind TEXT NOT NULL,\n"
    "  name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 120),\n"
    "  level TEXT NOT NULL,\n"
    "  region TEXT CHECK (length(region) <= 120),\n"
    "  contact TEXT CHECK (length(contact) <= 60),\n"
    "  phone TEXT CHECK (length(phone) <= 30),\n"
    "  note TEXT CHECK (length(note) <= 4000),\n"
    "  " STAMPS "\n"
    ");\n"

    "CREATE TABLE pairing (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  partner_id INTEGER NOT NULL REFERENCES partner(id),\n"
    "  township_id INTEGER REFERENCES division(id),\n"
    "  village_id INTEGER REFERENCES division(id),\n"
    "  start_on TEXT NOT NULL CHECK " ISO_DATE("start_on") ",\n"
    "  end_on TEXT CHECK " ISO_DATE("end_on") ",\n"
    "  note TEXT CHECK (length(note) <= 4000),\n"
    "  " STAMPS ",\n"
    "  CHECK (end_on IS NULL OR end_on >= start_on),\n"
    "  CHECK (village_id IS NULL OR township_id IS NOT NULL)\n"
    ");\n"
    "CREATE INDEX pairing_partner ON pairing(partner_id);\n"

    "CREATE TABLE agreement (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  partner_id INTEGER NOT NULL REFERENCES partner(id),\n"
    "  year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),\n"
    "  doc_no TEXT CHECK (length(doc_no) <= 60),\n"
    "  signed_on TEXT CHECK " ISO_DATE("signed_on") ",\n"
    "  note TEXT CHECK (length(note) <= 4000),\n"
    "  " STAMPS ",\n"
    "  UNIQUE (partner_id, year)\n"
    ");\n"

    "CREATE TABLE agreement_target (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  agreement_id INTEGER NOT NULL REFERENCES agreement(id) ON DELETE CASCADE,\n"
    "  indicator TEXT NOT NULL,\n"
    "  value INTEGER NOT NULL CHECK (value > 0),\n"
    "  " STAMPS ",\n"
    "  UNIQUE (agreement_id, indicator)\n"
    ");\n"

    "CREATE TABLE pair_record (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  partner_id INTEGER NOT NULL REFERENCES partner(id),\n"
    "  indicator TEXT NOT NULL,\n"
    "  day TEXT NOT NULL CHECK " ISO_DATE("day") ",\n"
    "  value INTEGER NOT NULL CHECK (value > 0),\n"
    "  evidence TEXT NOT NULL CHECK (length(evidence) BETWEEN 1 AND 60),\n"
    "  township_id INTEGER REFERENCES division(id),\n"
    "  village_id INTEGER REFERENCES division(id),\n"
    "  note TEXT CHECK (length(note) <= 4000),\n"
    "  " STAMPS ",\n"
    "  CHECK (village_id IS NULL OR township_id IS NOT NULL)\n"
    ");\n"
    "CREATE INDEX pair_record_partner ON pair_record(partner_id, day);\n"
    "CREATE INDEX pair_record_day ON pair_record(day);\n"

    "CREATE TABLE team (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  township_id INTEGER NOT NULL REFERENCES division(id),\n"
    "  village_id INTEGER NOT NULL REFERENCES division(id),\n"
    "  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),\n"
    "  sent_by TEXT CHECK (length(sent_by) <= 120),\n"
    "  term_start TEXT NOT NULL CHECK " ISO_DATE("term_start") ",\n"
    "  term_end TEXT CHECK " ISO_DATE("term_end") ",\n"
    "  note TEXT CHECK (length(note) <= 4000),\n"
    "  " STAMPS ",\n"
    "  CHECK (term_end IS NULL OR term_end >= term_start)\n"
    ");\n"
    "CREATE INDEX team_place ON team(township_id, village_id);\n"

    "CREATE TABLE team_member (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  team_id INTEGER NOT NULL REFERENCES team(id),\n"
    "  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 60),\n"
    "  role TEXT NOT NULL,\n"
    "  unit TEXT NOT NULL CHECK (length(unit) BETWEEN 1 AND 120),\n"
    "  unit_level TEXT NOT NULL,\n"
    "  phone TEXT CHECK (length(phone) <= 30),\n"
    "  start_on TEXT NOT NULL CHECK " ISO_DATE("start_on") ",\n"
    "  end_on TEXT CHECK " ISO_DATE("end_on") ",\n"
    "  end_reason TEXT,\n"
    "  note TEXT CHECK (length(note) <= 4000),\n"
    "  " STAMPS ",\n"
    "  CHECK (end_on IS NULL OR end_on >= start_on),\n"
    "  CHECK ((end_on IS NULL) = (end_reason IS NULL))\n"
    ");\n"
    "CREATE INDEX team_member_team ON team_member(team_id);\n"

    "CREATE TABLE attendance (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  member_id INTEGER NOT NULL REFERENCES team_member(id),\n"
    "  month TEXT NOT NULL CHECK (month GLOB '[12][0-9][0-9][0-9]-[01][0-9]'),\n"
    "  present INTEGER NOT NULL CHECK (present BETWEEN 0 AND 31),\n"
    "  leave INTEGER NOT NULL DEFAULT 0 CHECK (leave BETWEEN 0 AND 31),\n"
    "  approver TEXT CHECK (length(approver) <= 60),\n"
    "  approver_level TEXT,\n"
    "  absent INTEGER NOT NULL DEFAULT 0 CHECK (absent BETWEEN 0 AND 31),\n"
    "  note TEXT CHECK (length(note) <= 4000),\n"
    "  " STAMPS ",\n"
    "  CHECK (present + leave + absent <= 31),\n"
    "  UNIQUE (member_id, month)\n"
    ");\n"
    "CREATE INDEX attendance_month ON attendance(month);\n"

    "CREATE TABLE team_grade (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  member_id INTEGER NOT NULL REFERENCES team_member(id),\n"
    "  year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),\n"
    "  grade TEXT NOT NULL,\n"
    "  note TEXT CHECK (length(note) <= 4000),\n"
    "  " STAMPS ",\n"
    "  UNIQUE (member_id, year)\n"
    ");\n";

/* Assessment rounds (domain.md 9): a template applied to units for a
 * year.  The template's text is kept with the round, so a later change of
 * the file does not move it; a final round keeps its inputs and points. */
static const char m006[] =
    "CREATE TABLE assess_round (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  template_id TEXT NOT NULL CHECK (length(template_id) BETWEEN 1 AND 60),\n"
    "  template_text TEXT NOT NULL CHECK (length(template_text) <= 200000),\n"
    "  unit_kind TEXT NOT NULL CHECK (unit_kind IN ('township','village','team','partner')),\n"
    "  year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),\n"
    "  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 120),\n"
    "  state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open','final')),\n"
    "  finalized_by TEXT,\n"
    "  finalized_at TEXT,\n"
    "  note TEXT CHECK (length(note) <= 4000),\n"
    "  " STAMPS ",\n"
    "  CHECK ((state = 'final') = (finalized_by IS NOT NULL))\n"
    ");\n"

    "CREATE TABLE assess_unit (\n"
    "  round_id INTEGER NOT NULL REFERENCES assess_round(id) ON DELETE CASCADE,\n"
    "  unit_id INTEGER NOT NULL,\n"
    "  name TEXT NOT NULL,\n"
    "  pos INTEGER NOT NULL,\n"
    "  PRIMARY KEY (round_id, unit_id)\n"
    ");\n"

    "CREATE TABLE assess_score (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  round_id INTEGER NOT NULL REFERENCES assess_round(id) ON DELETE CASCADE,\n"
    "  unit_id INTEGER NOT NULL,\n"
    "  indicator TEXT NOT NULL,\n"
    "  given INTEGER,\n"
    "  note TEXT CHECK (length(note) <= 4000),\n"
    "  evidence TEXT CHECK (length(evidence) <= 200),\n"
    "  scorer TEXT,\n"
    "  scored_at TEXT,\n"
    /* frozen when the round is final */
    "  input INTEGER, input_num INTEGER, input_den INTEGER, is_rate INTEGER,\n"
    "  why TEXT,\n"
    "  points INTEGER,\n"
    "  " STAMPS ",\n"
    "  UNIQUE (round_id, unit_id, indicator)\n"
    ");\n";

/* 7: the list's counts per state and category, and the monitoring
 * objects of a township (a township account's list), read from an index
 * instead of the township's rows. */
static const char m007[] =
    "CREATE INDEX hh_list_town_state ON hh_list(township_id, state_rank, category);\n";

/* 8: the audit log says how many records or rows a print, an export or
 * a backup held and whether it showed whole ID numbers, and records a
 * delivery that failed after its rows were written ("undelivered"): the
 * table is made again with the new operation in its CHECK, the rows
 * copied as they are (dropping a table fires no delete trigger). */
static const char m008[] =
    "CREATE TABLE audit_new (\n"
    AUDIT_ID_AT_ACTOR
    "  op TEXT NOT NULL CHECK (op IN ('insert','update','delete','step',\n"
    "      'reveal','print','export','bulk','undelivered')),\n"
    AUDIT_WHAT
    ");\n"
    "INSERT INTO audit_new(id, at, actor, op, tbl, row_id, field, old, new)\n"
    "  SELECT id, at, actor, op, tbl, row_id, field, old, new FROM audit;\n"
    "DROP TABLE audit;\n"
    "ALTER TABLE audit_new RENAME TO audit;\n"
    AUDIT_ROW_INDEX
    AUDIT_APPEND_ONLY;

/* The reply to a rejected applicant is a step of its case ('reply', issue
 * 17): case_step rebuilt with the action allowed, its rows kept. */
static const char m_case_step_reply[] =
    "CREATE TABLE case_step_new (\n" CASE_STEP_COLUMNS(ACTIONS ",'reply'") ");\n"
    "INSERT INTO case_step_new SELECT * FROM case_step;\n"
    "DROP TABLE case_step;\n"
    "ALTER TABLE case_step_new RENAME TO case_step;\n"
    "CREATE INDEX case_step_case ON case_step(case_id, id);\n"
    CASE_STEP_NO_UPDATE;
/* Department warnings (部门筛查预警, domain.md 4.3a): a row of a
 * department's sheet that matched a person of the registry and the
 * department's rule, and its verification: pending, made a clue (the
 * case it started), or closed as not eligible with a reason.  The same
 * warning (department, person, value, date) is stored once. */
static const char m_dept_warning[] =
    "CREATE TABLE dept_warning (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,\n"
    "  household_id INTEGER NOT NULL REFERENCES household(id) ON DELETE CASCADE,\n"
    "  dept TEXT NOT NULL CHECK (length(dept) BETWEEN 1 AND 20),\n"
    "  id_no TEXT NOT NULL CHECK (length(id_no) BETWEEN 6 AND 30),\n"
    "  name TEXT CHECK (length(name) <= 60),\n"
    "  value TEXT NOT NULL CHECK (length(value) <= 200),\n"
    "  value_fen INTEGER,\n"
    "  event_date TEXT CHECK " ISO_DATE("event_date") ",\n"
    "  rule TEXT NOT NULL CHECK (length(rule) <= 400),\n"
    "  source_file TEXT NOT NULL CHECK (length(source_file) <= 400),\n"
    "  import_date TEXT NOT NULL CHECK " ISO_DATE("import_date") ",\n"
    "  status TEXT NOT NULL DEFAULT 'pending'\n"
    "    CHECK (status IN ('pending','clue','rejected')),\n"
    "  reason TEXT CHECK (length(reason) <= 1000),\n"
    "  decided_by TEXT,\n"
    "  decided_on TEXT CHECK " ISO_DATE("decided_on") ",\n"
    "  case_id INTEGER REFERENCES monitor_case(id),\n"
    "  " STAMPS ",\n"
    "  CHECK (status <> 'rejected' OR length(reason) > 0),\n"
    "  CHECK (status <> 'clue' OR case_id IS NOT NULL)\n"
    ");\n"
    "CREATE UNIQUE INDEX dept_warning_key\n"
    "  ON dept_warning(dept, person_id, value, coalesce(event_date, ''));\n"
    "CREATE INDEX dept_warning_status ON dept_warning(status, household_id);\n"
    "CREATE INDEX dept_warning_household ON dept_warning(household_id);\n";

/* Responsible cadres (帮扶责任人, issue 17): a cadre's kind (cadre_kind
 * of codes.conf), post and the township (and village) served, which
 * scopes it; an assignment says who made it and who ended it.  The
 * cadres there are take the place of their households. */
static const char m_cadre[] =
    "ALTER TABLE cadre ADD COLUMN kind TEXT CHECK (length(kind) <= 11);\n"
    "ALTER TABLE cadre ADD COLUMN post TEXT CHECK (length(post) <= 60);\n"
    "ALTER TABLE cadre ADD COLUMN township_id INTEGER REFERENCES division(id);\n"
    "ALTER TABLE cadre ADD COLUMN village_id INTEGER REFERENCES division(id);\n"
    "ALTER TABLE household_cadre ADD COLUMN assigned_by TEXT;\n"
    "ALTER TABLE household_cadre ADD COLUMN ended_by TEXT;\n"
    "UPDATE cadre SET township_id = (SELECT h.township_id FROM household_cadre hc\n"
    "  JOIN household h ON h.id = hc.household_id WHERE hc.cadre_id = cadre.id\n"
    "  ORDER BY hc.id LIMIT 1) WHERE township_id IS NULL;\n"
    "CREATE INDEX cadre_township ON cadre(township_id, name);\n"
    "CREATE INDEX household_cadre_now ON household_cadre(cadre_id, household_id)\n"
    "  WHERE end_date IS NULL;\n";
/* A designated 以工代赈 batch (以工代赈专项批次, issue 17 3): a receipt of
 * central 以工代赈 funds whose projects pay a higher share as wages
 * (rules.conf wage_batch_min_pct). */
static const char m_workrelief_batch[] =
    "ALTER TABLE fund ADD COLUMN workrelief_batch INTEGER NOT NULL DEFAULT 0\n"
    "  CHECK (workrelief_batch IN (0, 1));\n";
/* What the national person-grain sheet carries and the registry kept
 * nowhere (import national, domain.md 10.2): the household's first
 * identification (首次识别时间, a month, kept through re-identifications; filled
 * from the first county approval of the households identified here) and
 * whether its drinking water is secured (是否解决安全饮用水, a code of the
 * table "water"), a member's identification (人员识别时间), and the part
 * of a year's net income the sheet gives as a total only, not split into
 * its kinds (未分项收入). */
#define YEAR_MONTH(c) "(" c " IS NULL OR " c " GLOB '[12][0-9][0-9][0-9]-[01][0-9]')"
static const char m_import_fields[] =
    "ALTER TABLE household ADD COLUMN first_identified TEXT\n"
    "  CHECK " YEAR_MONTH("first_identified") ";\n"
    "ALTER TABLE household ADD COLUMN water TEXT CHECK (length(water) <= 11);\n"
    "ALTER TABLE person ADD COLUMN identified TEXT\n"
    "  CHECK " YEAR_MONTH("identified") ";\n"
    "ALTER TABLE income ADD COLUMN " FEN("unsplit") ";\n"
    "UPDATE household SET first_identified = (\n"
    "  SELECT substr(min(s.step_date), 1, 7) FROM case_step s\n"
    "  JOIN monitor_case c ON c.id = s.case_id\n"
    "  WHERE c.household_id = household.id AND s.action = 'county_approve');\n";

/* A round's computed inputs kept between runs (db_assess.c): computed
 * once for a stamp naming the round, its year and sources, the day judged,
 * the province, the policy files' digest and the data's version, the
 * counter of data_version that every change of a table the inputs may
 * read moves (the triggers below, whoever writes: this program, another
 * process, the sqlite3 shell).  Not moved: the audit log, the rounds and
 * their scores by hand, this cache, and what is made from the tables
 * (hh_list, the search index) in the same transactions. */
#define DATA_TABLE(t) \
    "CREATE TRIGGER " t "_dv_ins AFTER INSERT ON " t \
    " BEGIN UPDATE data_version SET n = n + 1; END;\n" \
    "CREATE TRIGGER " t "_dv_upd AFTER UPDATE ON " t \
    " BEGIN UPDATE data_version SET n = n + 1; END;\n" \
    "CREATE TRIGGER " t "_dv_del AFTER DELETE ON " t \
    " BEGIN UPDATE data_version SET n = n + 1; END;\n"
static const char m_assess_cache[] =
    "CREATE TABLE data_version (\n"
    "  id INTEGER PRIMARY KEY CHECK (id = 1),\n"
    "  n INTEGER NOT NULL\n"
    ");\n"
    "INSERT INTO data_version VALUES (1, 0);\n"
    "CREATE TABLE assess_cache (\n"
    "  round_id INTEGER NOT NULL REFERENCES assess_round(id) ON DELETE CASCADE,\n"
    "  i INTEGER NOT NULL CHECK (i >= 0),\n"
    "  stamp TEXT NOT NULL,\n"
    "  unit_id INTEGER NOT NULL,\n"
    "  is_rate INTEGER NOT NULL,\n"
    "  num INTEGER NOT NULL,\n"
    "  den INTEGER NOT NULL,\n"
    "  value INTEGER NOT NULL,\n"
    "  why TEXT NOT NULL,\n"
    "  PRIMARY KEY (round_id, i)\n"
    ");\n"
    DATA_TABLE("agreement") DATA_TABLE("agreement_target") DATA_TABLE("allocation")
    DATA_TABLE("assess_unit") DATA_TABLE("asset") DATA_TABLE("asset_income")
    DATA_TABLE("asset_source") DATA_TABLE("attendance") DATA_TABLE("cadre")
    DATA_TABLE("case_risk") DATA_TABLE("case_step") DATA_TABLE("dept_warning")
    DATA_TABLE("division") DATA_TABLE("fund") DATA_TABLE("guarantee")
    DATA_TABLE("household") DATA_TABLE("household_cadre") DATA_TABLE("income")
    DATA_TABLE("measure") DATA_TABLE("meta") DATA_TABLE("monitor_case")
    DATA_TABLE("pair_record") DATA_TABLE("pairing") DATA_TABLE("partner")
    DATA_TABLE("payment") DATA_TABLE("person") DATA_TABLE("project")
    DATA_TABLE("project_household") DATA_TABLE("project_step") DATA_TABLE("staff")
    DATA_TABLE("team") DATA_TABLE("team_grade") DATA_TABLE("team_member")
    DATA_TABLE("visit") DATA_TABLE("worklist");

/* A search of a village's or a township's name sorted by household
 * number finds its page in these indexes alone (db_list.c, name_arms):
 * the village's index gets the number, the township's is new. */
static const char m_village_search[] =
    "DROP INDEX hh_list_vid;\n"
    "CREATE INDEX hh_list_vid ON hh_list(village_id, hh_no, id);\n"
    "CREATE INDEX hh_list_tid_no ON hh_list(township_id, hh_no, id);\n";
/* The audit log's operation checked by comparisons (issue 16): a CHECK
 * (op IN (...)) of more than two values makes SQLite build and drop a
 * temporary B-tree for every row inserted, which cost an import of the
 * national sheet more than all its other checks (120,000 audit rows:
 * 0.82 s with it, 0.29 s without).  The same operations as m008's, the
 * table made again and its rows copied as they are, as m008 did. */
static const char m_audit_check[] =
    "CREATE TABLE audit_new (\n"
    AUDIT_ID_AT_ACTOR
    "  op TEXT NOT NULL CHECK (op = 'insert' OR op = 'update' OR op = 'delete' OR\n"
    "      op = 'step' OR op = 'reveal' OR op = 'print' OR op = 'export' OR\n"
    "      op = 'bulk' OR op = 'undelivered'),\n"
    AUDIT_WHAT
    ");\n"
    "INSERT INTO audit_new(id, at, actor, op, tbl, row_id, field, old, new, nrows, revealed)\n"
    "  SELECT id, at, actor, op, tbl, row_id, field, old, new, nrows, revealed FROM audit;\n"
    "DROP TABLE audit;\n"
    "ALTER TABLE audit_new RENAME TO audit;\n"
    AUDIT_ROW_INDEX
    AUDIT_APPEND_ONLY;

/* The CHECKs of the households' house grade, the cases' state and
 * category and the steps' action and states written as comparisons
 * (issue 16), as m_audit_check did the audit log's: an IN list of more
 * than two values makes SQLite build and drop a temporary B-tree for
 * every row written.  These tables are referenced by others and cannot be
 * made again inside the migration's transaction (dropping one would
 * delete its rows' dependants by cascade), so the CHECKs' text is edited
 * in sqlite_schema (SQLite's documented writable_schema way, "making
 * other kinds of table schema changes": a constraint rewritten to an
 * equivalent one changes nothing on disk), by check_compare below. */
#define EQ_STATES(c) \
    c " = 'clue' OR " c " = 'verified' OR " c " = 'appraised' OR " c " = 'publicizing' OR " \
    c " = 'township_reviewed' OR " c " = 'monitored' OR " c " = 'elim_verified' OR " \
    c " = 'elim_appraised' OR " c " = 'elim_publicizing' OR " \
    c " = 'elim_township_reviewed' OR " c " = 'eliminated' OR " c " = 'rejected'"
static const char m_check_compare[] = "-- the CHECKs' text edited by check_compare\n";
static const struct check_edit {
    const char *tbl, *from, *to;
} check_edits[] = {
    {"household", "house_grade IN ('A','B','C','D')",
     "house_grade = 'A' OR house_grade = 'B' OR house_grade = 'C' OR house_grade = 'D'"},
    {"monitor_case", "state IN (" STATES ")", EQ_STATES("state")},
    {"monitor_case", "category IN ('1','2','3')",
     "category = '1' OR category = '2' OR category = '3'"},
    {"monitor_case", "state NOT IN (" IDENTIFIED_STATES ")",
     "(state <> 'monitored' AND state <> 'elim_verified' AND state <> 'elim_appraised' AND "
     "state <> 'elim_publicizing' AND state <> 'elim_township_reviewed' AND "
     "state <> 'eliminated')"},
    {"case_step", "action IN (" ACTIONS ",'reply')",
     "action = 'clue' OR action = 'verify' OR action = 'appraise' OR action = 'publicize' OR "
     "action = 'township_review' OR action = 'county_approve' OR action = 'reject' OR "
     "action = 'elim_verify' OR action = 'elim_appraise' OR action = 'elim_publicize' OR "
     "action = 'elim_township_review' OR action = 'elim_approve' OR action = 'elim_reject' OR "
     "action = 'rollback' OR action = 'reidentify' OR action = 'reply'"},
    {"case_step", "from_state IN ('none'," STATES ")",
     "from_state = 'none' OR " EQ_STATES("from_state")},
    {"case_step", "to_state IN (" STATES ")", EQ_STATES("to_state")},
};

/* A risk a department's warning adds to an open case is a step of its
 * history ('add_risk', issue 17): the steps' CHECK allows it, written
 * as comparisons as m_check_compare left it (case_step is referenced by
 * nothing, but a rebuild would bring back an IN list). */
static const char m_case_step_add_risk[] = "-- case_step's CHECK edited by step_add_risk\n";
static const struct check_edit step_add_risk_edits[] = {
    {"case_step", "action = 'reply')", "action = 'reply' OR action = 'add_risk')"},
};

/* Why a row was written, when something other than the actor's own edit
 * wrote it (issue 16: "导入 FILE" on every row an import writes); NULL
 * for the rows before it and for a user's own changes. */
static const char m_audit_reason[] = "ALTER TABLE audit ADD COLUMN reason TEXT;\n";

static int
schema_exec(struct db *db, const char *sql, struct err *e)
{
    return sqlite3_exec(db->h, sql, NULL, NULL, NULL) != SQLITE_OK
               ? db_fail(db, e, _("upgrading the database schema"))
               : 0;
}

/* PRAGMA schema_version, read or (SET) written: the docs' step 2 and 6. */
static int
schema_cookie(struct db *db, int *v, int set, struct err *e)
{
    /* The pragma takes no parameter; V is our own integer. */
    char sql[48];
    sqlite3_stmt *st = NULL;

    if (set) {
        snprintf(sql, sizeof(sql), "PRAGMA schema_version = %d", *v);
        return schema_exec(db, sql, e);
    }
    if (sqlite3_prepare_v2(db->h, "PRAGMA schema_version", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW) {
        *v = sqlite3_column_int(st, 0);
        sqlite3_finalize(st);
        return 0;
    }
    sqlite3_finalize(st);
    return db_fail(db, e, _("upgrading the database schema"));
}

/* One edit of check_edits: afterwards the table's text has the new
 * CHECK (already had it: a database migrated again by a test). */
static int
check_edit(struct db *db, const struct check_edit *c, struct err *e)
{
    static const char *const sql[] = {
        "UPDATE sqlite_schema SET sql = replace(sql, ?2, ?3)"
        " WHERE type = 'table' AND name = ?1 AND instr(sql, ?2) > 0",
        "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1"
        " AND instr(sql, ?2) = 0 AND instr(sql, ?3) > 0",
    };
    sqlite3_stmt *st = NULL;
    size_t i;
    int rc = SQLITE_OK;

    for (i = 0; i < ARRAY_SIZE(sql) && (rc == SQLITE_OK || rc == SQLITE_DONE); i++) {
        rc = sqlite3_prepare_v2(db->h, sql[i], -1, &st, NULL);
        if (rc == SQLITE_OK) {
            sqlite3_bind_text(st, 1, c->tbl, -1, SQLITE_STATIC);
            sqlite3_bind_text(st, 2, c->from, -1, SQLITE_STATIC);
            sqlite3_bind_text(st, 3, c->to, -1, SQLITE_STATIC);
            rc = sqlite3_step(st);
        }
        sqlite3_finalize(st);
    }
    return rc == SQLITE_ROW ? 0 : db_fail(db, e, _("upgrading the database schema"));
}

/* The N edits EDITS of CHECKs' text, in the migrations' transaction. */
static int
check_edits_run(struct db *db, const struct check_edit *edits, size_t n, struct err *e)
{
    size_t i;
    int v = 0, rc;

    if (schema_cookie(db, &v, 0, e) || schema_exec(db, "PRAGMA writable_schema = ON", e)) {
        return -1;
    }
    rc = 0;
    for (i = 0; rc == 0 && i < n; i++) {
        rc = check_edit(db, &edits[i], e);
    }
    v++;
    if (rc == 0) {
        rc = schema_cookie(db, &v, 1, e);
    }
    sqlite3_exec(db->h, "PRAGMA writable_schema = OFF", NULL, NULL, NULL);
    return rc;
}

/* m_check_compare. */
static int
check_compare(struct db *db, struct err *e)
{
    return check_edits_run(db, check_edits, ARRAY_SIZE(check_edits), e);
}

/* m_case_step_add_risk. */
static int
step_add_risk(struct db *db, struct err *e)
{
    return check_edits_run(db, step_add_risk_edits, ARRAY_SIZE(step_add_risk_edits), e);
}

/* Migrations that are code, not SQL text. */
static const struct {
    const char *m;
    int (*run)(struct db *db, struct err *e);
} coded[] = {
    {m_check_compare, check_compare},
    {m_case_step_add_risk, step_add_risk},
};

static const char *const migrations[] = {
    m001,
    m002,
    m003,
    m004,
    m005,
    m006,
    m007,
    m008,
    m_case_step_reply,
    m_dept_warning,
    m_cadre,
    m_workrelief_batch,
    m_import_fields,
    m_assess_cache,
    m_village_search,
    m_audit_check,
    m_check_compare,
    m_case_step_add_risk,
    m_audit_reason,
};

#define NMIGRATIONS ((int)(ARRAY_SIZE(migrations)))

int
db_schema_latest(void)
{
    return NMIGRATIONS;
}

static int
user_version(struct db *db, int *v, struct err *e)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db->h, "PRAGMA user_version", -1, &st, NULL);

    if (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
        *v = sqlite3_column_int(st, 0);
        sqlite3_finalize(st);
        return 0;
    }
    sqlite3_finalize(st);
    return db_fail(db, e, _("reading the schema version"));
}

/* Apply migration N (1-based) and record it. */
static int
apply(struct db *db, int n, struct err *e)
{
    /* PRAGMA user_version takes no parameter; N is our own integer. */
    char sql[48];
    size_t i;

    for (i = 0; i < ARRAY_SIZE(coded); i++) {
        if (coded[i].m == migrations[n - 1]) {
            break;
        }
    }
    if (i < ARRAY_SIZE(coded) ? coded[i].run(db, e) : schema_exec(db, migrations[n - 1], e)) {
        return -1;
    }
    snprintf(sql, sizeof(sql), "PRAGMA user_version = %d", n);
    if (sqlite3_exec(db->h, sql, NULL, NULL, NULL) != SQLITE_OK) {
        return db_fail(db, e, _("upgrading the database schema"));
    }
    return 0;
}

int
schema_migrate(struct db *db, struct err *e)
{
    int v;

    if (user_version(db, &v, e)) {
        return -1;
    }
    if (v >= NMIGRATIONS) {
        return 0;
    }
    if (db_begin(db, e)) {
        return -1;
    }
    /* Another process may have migrated while we waited for the lock. */
    if (user_version(db, &v, e)) {
        db_rollback(db);
        return -1;
    }
    for (v++; v <= NMIGRATIONS; v++) {
        if (apply(db, v, e)) {
            db_rollback(db);
            return -1;
        }
    }
    return db_commit(db, e);
}
