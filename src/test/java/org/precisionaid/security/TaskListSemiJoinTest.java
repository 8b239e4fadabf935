package org.precisionaid.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The group's task list loses its identity-link join and DISTINCT only where that changes no row (ADR 0034). */
class TaskListSemiJoinTest {

    // as Task.xml writes the group filter's page on PostgreSQL (the authorization check shortened)
    static final String PAGE = """
            select distinct RES.REV_, RES.ID_, RES.NAME_, RES.DUE_DATE_
              from ACT_RU_TASK RES
              left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_
              left join
              ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_
              WHERE ( 1 = 1 and
                ( I.TYPE_ = 'candidate'
                  and
                  (
                    I.GROUP_ID_ IN
                    ( ? , ? )
                  )
                ) )
              AND ( CASE WHEN RES.ID_ IN (SELECT A.RESOURCE_ID_ FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ = 1
                AND A.GROUP_ID_ IN ( ? , ? ) AND A.PERMS_ & ? = ? AND A.RESOURCE_TYPE_ = ?) THEN 1 ELSE 0 END ) = 1
              and (RES.TENANT_ID_ is null)
            order by RES.DUE_DATE_ asc
            LIMIT ? OFFSET ?""";

    @Test
    void theLinksBecomeASemiJoinAndTheDistinctGoes() {
        String rewritten = TaskListSemiJoin.semiJoin(PAGE);

        assertThat(rewritten.replaceAll("\\s+", " "))
                .startsWith("select RES.REV_, RES.ID_")
                .doesNotContain("left join ACT_RU_IDENTITYLINK")
                .contains("from ACT_RU_TASK RES left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_ WHERE ( 1 = 1 and "
                        + "( EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK I WHERE I.TASK_ID_ = RES.ID_ AND "
                        + "I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ( ? , ? ) )) ) )")
                // the check (only its "= 1" read as ">= 1"), the tenant, the order and the page as the engine wrote them
                .contains("A.GROUP_ID_ IN ( ? , ? ) AND A.PERMS_ & ? = ? AND A.RESOURCE_TYPE_ = ?) THEN 1 ELSE 0 END ) >= 1",
                        "and (RES.TENANT_ID_ is null) order by RES.DUE_DATE_ asc LIMIT ? OFFSET ?");
        assertThat(rewritten.chars().filter(c -> c == '?').count()).isEqualTo(PAGE.chars().filter(c -> c == '?').count());
        assertThat(rewritten.chars().filter(c -> c == '(').count())
                .isEqualTo(rewritten.chars().filter(c -> c == ')').count());
    }

    @Test
    void theCheckIsReadAsAtLeastOneOnlyWhenEachBranchYieldsOneZeroOrNull() {
        String two = PAGE.replace("THEN 1 ELSE 0 END", "THEN 2 ELSE 0 END");
        String otherElse = PAGE.replace("THEN 1 ELSE 0 END", "THEN 1 ELSE RES.PRIORITY_ END");

        assertThat(TaskListSemiJoin.semiJoin(two)).contains("THEN 2 ELSE 0 END ) = 1").doesNotContain(">=");
        assertThat(TaskListSemiJoin.semiJoin(otherElse)).contains("ELSE RES.PRIORITY_ END ) = 1").doesNotContain(">=")
                .contains("EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK I"); // the semi-join does not depend on it
    }

    @Test
    void theCheckIsReadAsAtLeastOneAcrossTheEnginesLineBreaks() {
        // Authorization.xml writes each THEN and ELSE and its value on lines of their own
        String engine = PAGE.replace("THEN 1 ELSE 0 END", "THEN\n          1\n        ELSE\n          0\n        END");

        assertThat(TaskListSemiJoin.semiJoin(engine)).contains("END ) >= 1");
        assertThat(TaskListSemiJoin.semiJoin(engine.replace("          0\n", "          2\n")))
                .contains("END ) = 1").doesNotContain(">=");
    }

    @Test
    void theCountKeepsItsShapeWithoutTheDistinct() {
        String count = "SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_ "
                + PAGE.substring(PAGE.indexOf("from ACT_RU_TASK"), PAGE.indexOf("order by")) + ") countDistinct";

        assertThat(TaskListSemiJoin.semiJoin(count).replaceAll("\\s+", " "))
                .startsWith("SELECT COUNT(*) FROM (SELECT RES.ID_ from ACT_RU_TASK RES left join ACT_RE_PROCDEF D")
                .contains("EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK I WHERE I.TASK_ID_ = RES.ID_ AND")
                .endsWith(") countDistinct");
    }

    @Test
    void aQueryThatReadsTheLinksElsewhereKeepsTheEnginesSql() {
        // involvedUser: a task can qualify without any link, through its assignee
        String involved = PAGE.replace("and (RES.TENANT_ID_ is null)",
                "and (I.USER_ID_ = ? or RES.ASSIGNEE_ = ?) and (RES.TENANT_ID_ is null)");
        // an or-query: a second block, where the links may be read under "or"
        String or = PAGE.replace("and (RES.TENANT_ID_ is null)",
                "and ( 1 = 1 and RES.NAME_ = ? or RES.PRIORITY_ = ? ) and (RES.TENANT_ID_ is null)");
        // a candidate user as well as groups
        String user = PAGE.replace("I.GROUP_ID_ IN", "I.USER_ID_ = ? or I.GROUP_ID_ IN");

        assertThat(TaskListSemiJoin.semiJoin(involved)).isEqualTo(involved);
        assertThat(TaskListSemiJoin.semiJoin(or)).isEqualTo(or);
        assertThat(TaskListSemiJoin.semiJoin(user)).isEqualTo(user);
    }

    @Test
    void anotherJoinKeepsTheDistinctAndTheEnginesSql() {
        // a sort by variable joins the variables, which can bring a task twice: DISTINCT must stay
        String byVariable = PAGE.replace("left join\n  ACT_RE_PROCDEF D", "left join ACT_RU_VARIABLE VAR0 on "
                + "VAR0.EXECUTION_ID_ = RES.PROC_INST_ID_ left join\n  ACT_RE_PROCDEF D");

        assertThat(byVariable).isNotEqualTo(PAGE);
        assertThat(TaskListSemiJoin.semiJoin(byVariable)).isEqualTo(byVariable);
    }
}
