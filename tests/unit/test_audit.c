/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_audit.c - the audit trail as staff read it: labels in Chinese for
 * the stored names of operations, tables, fields and values.
 */
#include "config.h"
#include "helpers.h"

#include <stdlib.h>

#include "core/audit_text.h"
#include "core/mcase.h"
#include "core/policy.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/sbuf.h"

static int
setup(void **state)
{
    struct policy *p = calloc(1, sizeof(*p));
    char *localedir = path_localedir();

    i18n_init(localedir);
    free(localedir);
    helpers_policy(p);
    *state = p;
    return 0;
}

static int
teardown(void **state)
{
    policy_free(*state);
    free(*state);
    return 0;
}

/* The audit trail shows labels, never the stored names. */
static void
test_audit_text(void **state)
{
    struct policy *p = *state;
    struct sbuf sb = SBUF_INIT;

    assert_string_equal(audit_op_label("reveal"), "查看证件号");
    assert_string_equal(audit_op_label("update"), "修改");
    assert_string_equal(audit_table_label("person"), "家庭成员");
    assert_string_equal(audit_table_label("monitor_case"), "监测对象");
    assert_string_equal(audit_field_label("update", "monitor_case", "eliminated_on"), "消除日期");
    assert_string_equal(audit_field_label("step", "monitor_case", case_action_name(CA_VERIFY)),
                        case_action_label(CA_VERIFY));
    /* Unknown names are shown as they are; nothing is lost. */
    assert_string_equal(audit_op_label("frobnicate"), "frobnicate");
    assert_string_equal(audit_field_label("update", "x", "colour"), "colour");

    audit_value_text(&p->codes, "update", "monitor_case", "state",
                     case_state_name(CS_MONITORED), &sb);
    assert_string_equal(sb.buf, case_state_label(CS_MONITORED));
    sbuf_reset(&sb);
    audit_value_text(&p->codes, "update", "monitor_case", "risks", "01,03", &sb);
    assert_string_equal(sb.buf, "因病，因残");
    sbuf_reset(&sb);
    audit_value_text(&p->codes, "update", "monitor_case", "category", "2", &sb);
    assert_string_equal(sb.buf, "边缘易致贫户");
    sbuf_reset(&sb);
    /* Fields of the forms: labels by table, codes and flags in words. */
    assert_string_equal(audit_field_label("update", "person", "education"), "文化程度");
    assert_string_equal(audit_field_label("update", "guarantee", "education"), "义务教育有保障");
    audit_value_text(&p->codes, "update", "person", "relation", "02", &sb);
    assert_string_equal(sb.buf, "户主");
    sbuf_reset(&sb);
    audit_value_text(&p->codes, "update", "person", "dibao", "1", &sb);
    assert_string_equal(sb.buf, "是");
    sbuf_reset(&sb);
    audit_value_text(&p->codes, "insert", "person", NULL, "王芳", &sb);
    audit_value_text(&p->codes, "insert", "person", NULL, NULL, &sb);
    assert_string_equal(sb.buf, "王芳");
    sbuf_release(&sb);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_audit_text, setup, teardown),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
