/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cli.c - the subcommand table and the common path every subcommand
 * takes: --help, policy, database, login, then the command itself.
 */
#include "config.h"
#include "cli/cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "db/db_list.h"
#include "util/array.h"
#include "util/err.h"
#include "util/i18n.h"

static const struct cmd commands[] = {
    {"init", cmd_init, N_("--province P --county NAME [--county-code CODE]"),
     N_("create a new, empty county database"),
     N_("  --province P        province: code (51) or name (四川省, 四川)\n"
        "  --county NAME       the county's name, e.g. 青山县\n"
        "  --county-code CODE  six-digit GB/T 2260 code of the county\n"
        "The account of your Unix login becomes the administrator.\n"),
     CMD_POLICY},
    {"demo", cmd_demo, N_("[--households N] [--seed S] [--date YYYY-MM-DD]"),
     N_("create a realistic synthetic county database"),
     N_("  --households N   number of households (default 5000)\n"
        "  --seed S         random seed (default 1); same seed and date, same data\n"
        "  --date D         the day the data is as of (default today)\n"
        "  --force          replace an existing demo database\n"
        "ID numbers use the test region code 519901 and pass the check digit.\n"),
     CMD_POLICY},
    {"check", cmd_check, N_("[--full] [--rules]"),
     N_("check the database's integrity and the registry's rules"),
     N_("  --full    full integrity check (slower than the quick check)\n"
        "  --rules   list the rule codes and exit\n"
        "Exit status 1 when anything was found.\n"),
     0},
    {"backup", cmd_backup, N_("FILE [--force] [--group NAME] | --keep N [DIR] | --verify FILE"),
     N_("copy the database while others keep working, or check a copy"),
     N_("  backup FILE         copy the database to FILE, readable by you alone (0600)\n"
        "  --force             replace FILE if it is an ordinary file\n"
        "  --group NAME        give the copy to the group NAME (0640)\n"
        "  backup --keep N [DIR]\n"
        "                      the scheduled backup: a dated copy in DIR (0640, DIR's\n"
        "                      group unless --group), keeping the newest N copies;\n"
        "                      without DIR the store's backup directory\n"
        "  backup --verify FILE\n"
        "                      check a copy (read only): integrity, schema, what it holds\n"
        "A copy holds the whole county: administrators make them (and the roles the\n"
        "setting backup_roles names, e.g. \"admin,county\"), and root.  The copy is\n"
        "recorded in the audit log before it is put in place; when the log cannot\n"
        "record it, no copy is made.\n"),
     0},
    {"print", cmd_print, N_("card|publicity|elimination|visits|projects|allocation|assets|partner|attendance|feedback ... [options]"),
     N_("print household cards, publicity lists, the risk elimination announcement, worklists, the funds and the pairing prints"),
     N_("  print card HH_NO...                 household cards (明白卡), one per household\n"
        "  print publicity VILLAGE [--elimination]\n"
        "                                      the village's publicity list (公示) of the\n"
        "                                      households in publicity now; VILLAGE as 乡镇/村\n"
        "  print elimination [PLACE] [--from DATE --to DATE]\n"
        "                                      the county's announcement of risk elimination\n"
        "                                      (风险消除公告): the households of the county, a\n"
        "                                      township or a village whose risk was eliminated\n"
        "                                      in the period (default: this quarter to today)\n"
        "  print visits [--cadre NAME] [--days N]\n"
        "                                      visit worklists per responsible cadre, visits\n"
        "                                      due within N days (default 7) and late ones\n"
        "  print projects YEAR [PLACE] [--stage village|township|county|plan]\n"
        "                [--from DATE --to DATE]\n"
        "                                      the project publicity of YEAR (项目公示): the\n"
        "                                      projects in that publicity now, or for plan\n"
        "                                      (the default) the year's plan announcement;\n"
        "                                      PLACE as 乡镇 or 乡镇/村; the period from the\n"
        "                                      projects' history unless given\n"
        "  print allocation RECEIPT | --year YEAR\n"
        "                                      the fund allocation announcement (资金分配结果\n"
        "                                      公告) of a receipt (its id or 文号) or a year\n"
        "  print assets [PLACE]                the asset ledger (资产台账) of the county, a\n"
        "                                      township or a village, in three ledgers\n"
        "  print partner PARTNER --year YEAR   a partner's targets against actuals for YEAR\n"
        "                                      with the year's records; PARTNER by name or id\n"
        "  print attendance PLACE|TEAM_ID --month YYYY-MM\n"
        "                                      the monthly attendance of a resident team, or\n"
        "                                      of every team of a township or village\n"
        "  print feedback TOWNSHIP --source DEPARTMENT\n"
        "                                      the feedback sheet (核实反馈表) of the\n"
        "                                      department's warnings in a township; with\n"
        "                                      -o FILE.csv or FILE.xlsx as a sheet\n"
        "  --format pdf|text   what to make (default: the setting print_format, pdf)\n"
        "  -o, --output FILE   save to FILE (- for standard output) instead of printing\n"
        "  --force             overwrite FILE if it exists\n"
        "  --printer NAME      the printer (default: the setting printer)\n"
        "  --copies N          copies, 1 to 99 (default: the setting copies)\n"
        "  print --list-printers               the printers (CUPS queues), the default\n"
        "                                      marked\n"
        "What goes to a printer is always the PDF (text is for files and the screen).\n"
        "Prints go to the print command (setting print_command, default lp), run\n"
        "without a shell as PROGRAM [-d PRINTER] -n COPIES -t TITLE -- FILE.  Every\n"
        "print is recorded in the audit log of each household (project, receipt,\n"
        "asset, partner, team member) it shows.  An account sees only its own\n"
        "township or village.\n"),
     CMD_LOGIN | CMD_POLICY},
    {"export", cmd_export, N_("KIND [--format csv|xlsx] [--encoding utf-8|gb18030] [-o FILE] [filters] | snapshot [-o DIR|FILE.tar.zst] [--without-personal --hash-key-file FILE]"),
     N_("export a list as an XLSX or CSV sheet for Excel and WPS"),
     N_("  KIND: households, members, cases, measures, visits, receipts, projects,\n"
        "        allocations, payments, assets, indicators, partners, agreements,\n"
        "        arrivals, teams, attendance, assessment, national, warnings\n"
        "  --format csv|xlsx   the sheet (default: by FILE's ending, else xlsx)\n"
        "  --encoding utf-8|gb18030\n"
        "                      a CSV's encoding (default UTF-8 with a byte-order mark)\n"
        "  -o, --output FILE   the file (default: a file named after the kind, the\n"
        "                      place and the day in print_dir, else the home directory)\n"
        "  --force             replace FILE if it exists\n"
        "  --township NAME, --village 乡镇/村\n"
        "                      the place (an account exports only its own anyway)\n"
        "  --category C, --state S, --search TEXT\n"
        "                      as the monitoring list filters (households, members,\n"
        "                      cases, measures, visits); S: monitored or a state\n"
        "  --year Y, --month YYYY-MM, --type CODE, --flagged\n"
        "                      as the funds and pairing lists filter\n"
        "  --round ID|latest, --unit NAME|ID\n"
        "                      assessment: the round (default latest), one unit\n"
        "  --all-columns       households: every column, not only those shown\n"
        "  --reveal            whole ID and phone numbers (roles that may see them)\n"
        "  snapshot            the whole county for the province's roll-up: a new\n"
        "                      directory DIR (or FILE.tar.zst) of one CSV a table\n"
        "                      and manifest.json (administrators and county accounts)\n"
        "  --without-personal  snapshot: no names and phone numbers, ID numbers as\n"
        "                      their HMAC-SHA256 under the province's key\n"
        "  --hash-key-file FILE  the province's key\n"
        "Every export is recorded in the audit log (who, the kind, the filters, how\n"
        "many rows, revealed or not, the file) before the file appears.\n"),
     CMD_LOGIN | CMD_POLICY | CMD_LIST},
    {"assess", cmd_assess, N_("templates|new|score|finalize|reopen ..."),
     N_("make, score, finalize and reopen assessment rounds (county staff)"),
     N_("  assess templates                    the templates: id, unit, total, title\n"
        "  assess new TEMPLATE YEAR [--title T] [--unit ID]...\n"
        "                                      a round of TEMPLATE for YEAR over every unit\n"
        "                                      of its kind (or the units given); prints its id\n"
        "  assess score ROUND UNIT CODE POINTS [--note N] [--evidence E]\n"
        "                                      points of an indicator scored by hand (12.5;\n"
        "                                      a bonus may be negative); a note is needed when\n"
        "                                      points are taken off or given as a bonus\n"
        "  assess finalize ROUND               freeze every input, explanation and point\n"
        "  assess reopen ROUND --reason R      open a final round again, with the reason\n"
        "ROUND is the round's id or latest; UNIT its id or name (or a part of the\n"
        "name found in no other unit).  The account of your Unix login acts: county\n"
        "staff or an administrator.  Every change is recorded in the audit log.\n"),
     CMD_LOGIN | CMD_POLICY},
    {"report", cmd_report, N_("assessment --round ID|latest [options] | assessment --list"),
     N_("the results of an assessment round as text, PDF or CSV"),
     N_("  report assessment --round ID|latest [--unit NAME|ID]\n"
        "                   [--format text|pdf|csv] [-o FILE|-] [--force]\n"
        "                                      the round's results: as text (the default)\n"
        "                                      or PDF the summary print (ranking, each unit's\n"
        "                                      sheet, deductions, grade, signatures), recorded\n"
        "                                      in the audit log; as CSV one row per unit and\n"
        "                                      indicator after a summary row per unit (code\n"
        "                                      empty, method total)\n"
        "  report assessment --list            the rounds: id, year, title, final or open,\n"
        "                                      separated by tabs, newest first\n"
        "  --unit NAME|ID      only that unit's sheet (the ranking shows every unit)\n"
        "  -o, --output FILE   write to FILE (default -, standard output)\n"
        "  --force             overwrite FILE if it exists\n"
        "  --printer NAME      print the summary (the PDF) on the printer NAME (- for\n"
        "                      the default printer), through the print command\n"
        "The CSV is the export of the round (zhenxing export assessment): UTF-8\n"
        "with a byte-order mark, headers in Chinese: 考核轮次, 年度, 考核模板,\n"
        "被考核单位编号, 被考核单位, 名次, 总分, 考核等次, 指标编码, 上级指标, 指标,\n"
        "计分方法, 分值, 得分, 计分依据值, 计算说明, 备注, 佐证材料.\n"),
     CMD_LOGIN | CMD_POLICY},
    {"cadre", cmd_cadre, N_("list|add|assign|history ... [options]"),
     N_("the responsible cadres (帮扶责任人) and their households"),
     N_("  cadre list [--place 乡镇[/村]]        the cadres of your scope: id, name, kind,\n"
        "                                      unit, post, phone, place, households now\n"
        "  cadre add --name N --kind K --unit U --phone P --place 乡镇[/村] [--post P]\n"
        "                                      a new cadre; K: 驻村工作队员, 乡镇干部,\n"
        "                                      村干部 or 结对帮扶单位人员 (or its code)\n"
        "  cadre assign CADRE HH_NO... [--from YYYY-MM-DD]\n"
        "                                      make CADRE (a name, or #id) the responsible\n"
        "                                      cadre of the households from that day\n"
        "                                      (today); the cadre before ends that day and\n"
        "                                      stays in the household's history\n"
        "  cadre history HH_NO                 a household's cadres: name, phone, unit,\n"
        "                                      from, to, assigned by, ended by\n"
        "A cadre serves one township (or one of its villages) and is given only\n"
        "households of that township; a township account sees and assigns only its own.\n"),
     CMD_POLICY | CMD_LOGIN},
    {"user", cmd_user, N_("add|list|set ..."),
     N_("manage staff accounts (administrators)"),
     N_("  user list\n"
        "  user add LOGIN --name NAME --role ROLE [--scope TOWNSHIP[/VILLAGE]]\n"
        "  user set LOGIN [--name NAME] [--role ROLE] [--scope S | --county]\n"
        "                 [--disable | --enable]\n"
        "ROLE: admin, county, township, village, viewer.\n"),
     CMD_LOGIN},
    {"setup", cmd_setup, N_("--province P --county NAME --admin LOGIN | --adopt FILE | --check"),
     N_("set up the county server: group, store, database, settings (root)"),
     N_("  --province P        province: code (51) or name (四川省, 四川)\n"
        "  --county NAME       the county's name, e.g. 青山县\n"
        "  --county-code CODE  six-digit GB/T 2260 code of the county\n"
        "  --admin LOGIN       the login of the county's first administrator\n"
        "  --adopt FILE        bring in an existing county database instead (an\n"
        "                      online copy; FILE is left as it is)\n"
        "  --group NAME        the store's group (default zhenxing)\n"
        "  --check             report every weakness and change nothing (anyone)\n"
        "Run by root: makes the system group, the store (root:zhenxing 2770) and\n"
        "the database in it (root:zhenxing 0660), writes the system settings\n"
        "naming it unless they exist, and makes the installed program setgid\n"
        "zhenxing.  Staff are never in the group: they reach the store through\n"
        "zhenxing alone.  A second run changes nothing.  Exit status 1 when\n"
        "weaknesses remain (or --check found any).\n"),
     0},
    {"import", cmd_import,
     N_("national FILE [--dry-run] [--partial] [--date YYYY-MM-DD] [options] | "
        "dept --source DEPARTMENT FILE [--date YYYY-MM-DD] [--dry-run]"),
     N_("import the national system's person-grain sheet, or a department's warnings"),
     N_("  import national FILE  the national system's sheet (CSV in UTF-8 or\n"
        "                        GB18030, XLSX, XLS), one row per person; columns\n"
        "                        by their exact labels (share/exchange/national.conf)\n"
        "  --dry-run             check and say what would be created, updated and\n"
        "                        left alone; write nothing\n"
        "  --partial             import the households without problems (never half\n"
        "                        a household); the others are listed\n"
        "  --date D              the data's date: the income's year (default the\n"
        "                        sheet's 数据日期, else today)\n"
        "  --report FILE         the rows with problems and why, as a sheet (.csv or\n"
        "                        .xlsx) to correct and import again\n"
        "  --encoding E          a CSV's encoding: utf-8 or gb18030 (default: detected)\n"
        "  --sheet NAME          the sheet of an XLSX or XLS (default the first)\n"
        "All or nothing unless --partial: one row with a problem and nothing is\n"
        "written.  Exit status 1 when rows had problems.\n"
        "\n"
        "  import dept --source DEPARTMENT FILE\n"
        "                        a department's sheet (CSV, XLSX, XLS) read by the\n"
        "                        column labels of its layout in dept.conf; the\n"
        "                        persons of the registry who meet the department's\n"
        "                        rule become warnings on the F2 worklist\n"
        "  --source DEPARTMENT   医保, 民政, 残联, 应急, 教育, 人社 or another of\n"
        "                        dept.conf (also by pinyin or English: yibao, civil...)\n"
        "  --date D              the date of the import (default today); the rules\n"
        "                        compare with the reference income of the year before\n"
        "  --dry-run, --encoding E, --sheet NAME as above\n"
        "One bad row and nothing is written: every problem is listed by row and\n"
        "column.  ID numbers not in the registry, and for a township account\n"
        "households of other townships, are listed and not imported.  The same\n"
        "warning imported twice is stored once.\n"),
     CMD_LOGIN | CMD_POLICY},
    {"idcheck", cmd_idcheck, N_("NUMBER..."),
     N_("check resident ID numbers (GB 11643)"),
     N_("Prints the normalized number, birth date and sex of each valid\n"
        "number; exit status 1 when one is invalid.\n"),
     0},
};

const struct cmd *
cli_find(const char *name)
{
    size_t i;

    for (i = 0; i < ARRAY_SIZE(commands); i++) {
        if (strcmp(commands[i].name, name) == 0) {
            return &commands[i];
        }
    }
    return NULL;
}

void
cli_print_usage(FILE *fp)
{
    size_t i;

    fprintf(fp, "%s\n  zhenxing [--db FILE] [--config FILE]\n"
                "  zhenxing [--db FILE] [--config FILE] %s\n\n%s\n",
            _("Usage:"), _("COMMAND [ARGS]"), _("Commands:"));
    for (i = 0; i < ARRAY_SIZE(commands); i++) {
        fprintf(fp, "  %-9s %s\n", commands[i].name, _(commands[i].summary));
    }
    fprintf(fp, "\n%s\n", _("Without a command, zhenxing opens the full-screen program."));
    fprintf(fp, "%s\n", _("  --db FILE       the county database (default ~/.local/share/zhenxing/county.db)\n"
                          "  --config FILE   a settings file read after the system and user files\n"
                          "  --help          this help; 'zhenxing COMMAND --help' for one command\n"
                          "  --version       the version"));
}

static void
print_help(const struct cmd *c)
{
    printf(_("Usage: zhenxing %s %s\n"), c->name, _(c->args));
    printf("%s\n\n%s", _(c->summary), _(c->help));
}

int
cli_fail(const struct err *e)
{
    fprintf(stderr, "zhenxing: %s\n", e->msg);
    /* A mistake in what was typed is a usage error (1); a file, the
     * database or a permission that stops the work is an error (2). */
    switch (e->code) {
    case ERR_USAGE:
    case ERR_INVALID:
    case ERR_RULE:
        return EXIT_USAGE;
    default:
        return EXIT_ERROR;
    }
}

int
cli_usage_error(const struct cmd *c, const char *fmt, ...)
{
    va_list ap;

    fputs("zhenxing: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    fprintf(stderr, _("See: zhenxing %s --help\n"), c->name);
    return EXIT_USAGE;
}

/* Whether ARGV (before a "--") holds LONG or SHORT. */
static int
wants(int argc, char **argv, const char *lng, const char *shrt)
{
    int i;

    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], lng) == 0 || strcmp(argv[i], shrt) == 0) {
            return 1;
        }
        if (strcmp(argv[i], "--") == 0) {
            break;
        }
    }
    return 0;
}

int
cli_run(struct app *a, int argc, char **argv)
{
    const struct cmd *c = cli_find(argv[0]);
    int rc;

    if (c == NULL) {
        fprintf(stderr, _("zhenxing: unknown command '%s'; see zhenxing --help\n"), argv[0]);
        return EXIT_USAGE;
    }
    if (wants(argc, argv, "--help", "-h")) {
        print_help(c);
        return EXIT_OK;
    }
    if (wants(argc, argv, "--version", "-V")) {
        printf("zhenxing %s\n", PACKAGE_VERSION);
        return EXIT_OK;
    }
    rc = cli_prepare(a, c->flags);
    return rc != 0 ? rc : c->fn(a, argc, argv);
}

/* The monitoring list as this version makes it (its search initials, its
 * order): rebuilt when another version made it, as the screens do. */
static int
list_ensure(struct app *a, struct err *e)
{
    struct rule_ctx ctx = app_rule_ctx(a);
    int rebuilt;

    return db_list_ensure(a->db, &ctx, &rebuilt, e);
}

int
cli_prepare(struct app *a, unsigned flags)
{
    struct err e;

    err_clear(&e);
    if ((flags & CMD_POLICY) && !a->policy_loaded) {
        if (app_load_policy(a, &e)) {
            return cli_fail(&e);
        }
        app_flush_warnings(a);
    }
    if ((flags & (CMD_DB | CMD_LOGIN)) && a->db == NULL && app_open_db(a, 0, &e)) {
        return cli_fail(&e);
    }
    if ((flags & CMD_LOGIN) && app_login(a, &e)) {
        return cli_fail(&e);
    }
    if ((flags & CMD_LIST) && list_ensure(a, &e)) {
        return cli_fail(&e);
    }
    return 0;
}

int
cli_parse_long(const char *s, long lo, long hi, long *out)
{
    char *end;

    errno = 0;
    *out = strtol(s, &end, 10);
    return errno == 0 && end != s && *end == '\0' && *out >= lo && *out <= hi;
}
