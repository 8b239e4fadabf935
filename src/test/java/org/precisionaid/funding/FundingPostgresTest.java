package org.precisionaid.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.precisionaid.support.Officials.as;
import static org.precisionaid.support.Officials.claimAndComplete;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.precisionaid.project.ProjectForm;
import org.precisionaid.project.ProjectService;
import org.precisionaid.project.ProjectView;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.support.HistoryRows;
import org.precisionaid.support.PostgresTest;
import org.precisionaid.support.Projects;
import org.springframework.beans.factory.annotation.Autowired;

/** The whole funding flow once on a real PostgreSQL: schema V3, the ledger, the row lock on the county's funds. */
@PostgresTest
class FundingPostgresTest {

    static final String VILLAGE = "654225101209";  // 毕替库勒村, 吉也克镇, 裕民县
    static final int ROWS_OF_A_FUNDED_PROJECT = 50;

    @Autowired FundingStarter starter;
    @Autowired ProjectService projects;
    @Autowired HouseholdService households;
    @Autowired
    org.precisionaid.assistance.AssistanceService assistance;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired ManagementService management;
    @Autowired HistoryService history;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void theWholeFundingFlowRunsOnPostgresql() {
        List<String> beneficiaries = Projects.registered(households, assistance, VILLAGE, 2);
        ProjectForm canal = Projects.form(VILLAGE, "WATER", new BigDecimal("260000.50"), List.of(
                new ProjectForm.BudgetLineForm("CENTRAL", new BigDecimal("200000")),
                new ProjectForm.BudgetLineForm("INTEGRATED", new BigDecimal("60000.50"))), beneficiaries, null);
        String clerk = "clerk." + VILLAGE;
        String projectNo = as(identity, clerk, () -> starter.apply(canal, clerk)).projectNo();
        claimAndComplete(identity, tasks, "township.654225101", projectNo, Map.of("townshipDecision", "approve"));
        claimAndComplete(identity, tasks, "county.654225", projectNo, Map.of("countyDecision", "approve"));
        claimAndComplete(identity, tasks, "water.654225", projectNo, Map.of("leadUnitDecision", "approve"));
        claimAndComplete(identity, tasks, "county.654225", projectNo, Map.of("approvalDecision", "approve"));
        String instanceId = runtime.createProcessInstanceQuery().processInstanceBusinessKey(projectNo).singleResult()
                .getId();
        management.executeJob(management.createJobQuery().processInstanceId(instanceId)
                .activityId("disclosurePeriodOver").singleResult().getId());
        claimAndComplete(identity, tasks, "finance.654225", projectNo, Map.of("voucherNo", "YM-CZ-2026-031"));
        claimAndComplete(identity, tasks, clerk, projectNo, Map.of("progressPercent", 100L, "progressNote", "渠道完工"));
        claimAndComplete(identity, tasks, "county.654225", projectNo, Map.of("acceptanceDecision", "accept"));
        claimAndComplete(identity, tasks, "finance.654225", projectNo,
                Map.of("trancheSource", "CENTRAL", "trancheAmount", 200000.0, "trancheVoucher", "YM-P-1"));
        claimAndComplete(identity, tasks, "finance.654225", projectNo,
                Map.of("trancheSource", "INTEGRATED", "trancheAmount", 60000.5, "trancheVoucher", "YM-P-2"));

        ProjectView project = projects.view(projectNo);
        assertThat(project.status()).isEqualTo("CLOSED");
        assertThat(project.ledger()).hasSize(4);
        assertThat(project.budget()).allSatisfy(b -> assertThat(b.disbursed()).isEqualByComparingTo(b.budget()));
        assertThat(project.total()).isEqualByComparingTo("260000.50");
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(projectNo).singleResult()
                .getState()).isEqualTo("COMPLETED");

        // what the history keeps of one funded project, application to last payment (docs/benchmarks.md H2)
        var kept = HistoryRows.of(jdbc, instanceId, "a funded project");
        assertThat(kept.get("total").rows()).as("history rows of a funded project").isLessThanOrEqualTo(
                ROWS_OF_A_FUNDED_PROJECT);
        assertThat(kept).as("nothing kept twice or for no reader (ADR 0028)")
                .doesNotContainKeys("act_hi_varinst", "act_hi_identitylink");
    }
}
