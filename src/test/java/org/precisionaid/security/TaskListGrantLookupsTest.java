package org.precisionaid.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The count's rewrite drops only the repeated correlation of each grant look-up, nothing of what the check asks. */
class TaskListGrantLookupsTest {

    // as the engine's Authorization.xml writes one branch of the revoke-aware check, whitespace included
    static final String GROUP_GRANT = """
            WHEN
                      RES.ID_ IN
                        (SELECT
                                A.RESOURCE_ID_
                         FROM
                                ACT_RU_AUTHORIZATION A
                         WHERE
                                A.TYPE_ = 1
                         AND
                                A.GROUP_ID_ IN ( ? , ? )
                         AND
                                A.PERMS_ & ? = ?
                         AND
                                A.RESOURCE_TYPE_ = ?
                         AND
                                A.RESOURCE_ID_ = RES.ID_)
                    THEN 1""";

    @Test
    void eachPerRowLookupLosesOnlyItsRepeatedCorrelation() {
        String definitionRevoke = GROUP_GRANT.replace("RES.ID_", "D.KEY_").replace("A.TYPE_ = 1", "A.TYPE_ = 2")
                .replace("= ?\n", "!= ?\n").replace("THEN 1", "THEN 0");
        String sql = "select count(distinct RES.ID_) from ACT_RU_TASK RES left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_ "
                + "where I.TYPE_ = 'candidate' and I.GROUP_ID_ IN ( ? ) and COALESCE(( SELECT CASE "
                + GROUP_GRANT + " " + definitionRevoke + " WHEN EXISTS (SELECT ID_ FROM ACT_RU_AUTHORIZATION A "
                + "WHERE A.TYPE_ = 1 AND A.RESOURCE_ID_ = '*') THEN 1 ELSE null END ), 0) = 1";

        String rewritten = TaskListGrantLookups.uncorrelated(sql);

        assertThat(rewritten).doesNotContain("A.RESOURCE_ID_ = RES.ID_").doesNotContain("A.RESOURCE_ID_ = D.KEY_")
                // the type, groups, permissions, resource type, the grant-then-revoke order and the '*' grants stay
                .contains("RES.ID_ IN", "D.KEY_ IN", "A.TYPE_ = 1", "A.TYPE_ = 2", "A.GROUP_ID_ IN ( ? , ? )",
                        "A.PERMS_ & ? = ?", "A.PERMS_ & ? != ?", "A.RESOURCE_TYPE_ = ?", "A.RESOURCE_ID_ = '*'")
                .containsSubsequence("THEN 1", "THEN 0", "THEN 1");
        assertThat(rewritten.chars().filter(c -> c == '?').count()).isEqualTo(sql.chars().filter(c -> c == '?').count());
        assertThat(rewritten.chars().filter(c -> c == '(').count())
                .isEqualTo(rewritten.chars().filter(c -> c == ')').count());
        assertThat(rewritten.replaceAll("\\s+", " ")).contains(
                "A.PERMS_ & ? = ? AND A.RESOURCE_TYPE_ = ?) THEN 1")
                // a select of one expression without a table is that expression: the CASE stands alone
                .contains("COALESCE(( CASE WHEN RES.ID_ IN").doesNotContain("SELECT CASE");
    }

    @Test
    void aLookupCorrelatedWithAnotherColumnIsLeftAlone() {
        String sql = "select RES.ID_ from ACT_RU_TASK RES where I.GROUP_ID_ IN ( ? ) and ( SELECT CASE "
                + GROUP_GRANT.replace("A.RESOURCE_ID_ = RES.ID_)", "A.RESOURCE_ID_ = RES.PROC_INST_ID_)") + " END )";

        assertThat(TaskListGrantLookups.uncorrelated(sql)).isEqualTo(sql);
    }

    @Test
    void aQueryThatNamesItsTaskOtherwiseKeepsThePerRowLookups() {
        // e.g. by business key: a few tasks, each cheaper to look up than reading the whole group's grants
        String sql = "select RES.ID_ from ACT_RU_TASK RES inner join ACT_RU_EXECUTION E on RES.PROC_INST_ID_ = E.ID_ "
                + "where E.BUSINESS_KEY_ = ? and ( SELECT CASE " + GROUP_GRANT + " END ) = 1";

        assertThat(TaskListGrantLookups.uncorrelated(sql)).isEqualTo(sql);
    }
}
