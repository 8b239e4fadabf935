package org.precisionaid.village;

import static org.assertj.core.api.Assertions.assertThat;
import static org.precisionaid.support.Officials.as;
import static org.precisionaid.support.Officials.claimAndComplete;

import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.precisionaid.assessment.IncomeAccounts;
import org.precisionaid.assistance.AssistanceService;
import org.precisionaid.assistance.CadreRank;
import org.precisionaid.procedure.Objection;
import org.precisionaid.procedure.ObjectionService;
import org.precisionaid.region.RegionService;
import org.precisionaid.registry.Household;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.scoring.AssistanceScore;
import org.precisionaid.scoring.ScoringService;
import org.precisionaid.security.OfficialDirectory;
import org.precisionaid.support.Cadres;
import org.precisionaid.support.PostgresTest;
import org.precisionaid.support.Villages;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Schema V6 on a real PostgreSQL: the village file and its counted poor population, a village's exit with an
 * objection (the three-subject check constraint), the city's approval, and a county's scoring.
 */
@PostgresTest
class VillagesAndScoringPostgresTest {

    static final int YEAR = LocalDate.now().getYear();

    @Autowired RegionService regions;
    @Autowired OfficialDirectory officials;
    @Autowired VillageFileService files;
    @Autowired VillageExitService exits;
    @Autowired VillageExitStarter starter;
    @Autowired HouseholdService households;
    @Autowired AssistanceService assistance;
    @Autowired IncomeAccounts incomes;
    @Autowired ObjectionService objections;
    @Autowired ScoringService scoring;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired ManagementService management;

    @Test
    void aVillageLeavesPovertyOnPostgresql() {
        String village = Villages.fresh(regions, officials);
        files.save(village, Villages.file(400, 50_000), "test");
        Villages.registered(households, village, YEAR);
        assertThat(files.poorPopulation(village)).isEqualTo(4);
        String committee = "village." + village;
        String exitNo = as(identity, committee, () -> starter.apply(village, YEAR, "申请退出 / we apply", committee))
                .exit().getExitNo();
        claimAndComplete(identity, tasks, "township." + Villages.TOWNSHIP, exitNo, Map.of("townshipDecision", "approve"));
        claimAndComplete(identity, tasks, "county." + Villages.COUNTY, exitNo, Map.of("countyDecision", "approve"));
        objections.submit(Objection.Subject.VILLAGE_EXIT, exitNo, "集体收入不实 / the income is not real", null);
        claimAndComplete(identity, tasks, "county." + Villages.COUNTY, exitNo,
                Map.of("objectionFinding", "dismissed", "objectionComment", "账目核实无误 / the books are right"));
        String instanceId = runtime.createProcessInstanceQuery().processInstanceBusinessKey(exitNo).singleResult().getId();
        management.executeJob(management.createJobQuery().processInstanceId(instanceId).activityId("noticePeriodOver")
                .singleResult().getId());
        claimAndComplete(identity, tasks, "city.6542", exitNo, Map.of("cityDecision", "approve"));
        assertThat(files.get(village).getExitYear()).isEqualTo(YEAR);
        assertThat(exits.find(exitNo).orElseThrow().getStatus()).isEqualTo(VillageExit.Status.EXITED);
        assertThat(objections.of(Objection.Subject.VILLAGE_EXIT, exits.find(exitNo).orElseThrow().getId()))
                .extracting(Objection::getStatus).containsExactly(Objection.State.DISMISSED);
    }

    @Test
    void aCountyIsScoredOnPostgresql() {
        String village = Villages.fresh(regions, officials);
        long cadre = Cadres.fresh(assistance, Villages.COUNTY, CadreRank.STAFF);
        Household due = Villages.paired(households, assistance, village, YEAR, cadre);
        Villages.paired(households, assistance, village, YEAR, cadre);
        households.exit(due.getId(), YEAR, "收入稳定 / stable income", "test");
        incomes.record(due.getApplicationNo(), new IncomeAccounts.NewEntry(LocalDate.of(YEAR - 1, 3, 1), "WAGES",
                500_000L, null), "test");
        incomes.record(due.getApplicationNo(), new IncomeAccounts.NewEntry(LocalDate.of(YEAR, 1, 1), "WAGES",
                520_000L, null), "test");
        ScoringService.Result result = scoring.run(Villages.COUNTY + "000000", YEAR, true, "county." + Villages.COUNTY);
        AssistanceScore score = result.scores().stream()
                .filter(s -> s.getKind() == AssistanceScore.Kind.CADRE && s.getCadreId() == cadre).findFirst()
                .orElseThrow();
        assertThat(score.getDueHouseholds()).isEqualTo(2);
        assertThat(score.getFailedHouseholds()).isEqualTo(1);
        assertThat(score.getIncomeGrowth()).isEqualByComparingTo("0.04");
        // half on schedule 15 + growth under 5 % 10 + no visits 0 + no objection 10
        assertThat(score.getPoints()).isEqualByComparingTo("35");
        assertThat(score.getRating()).isEqualTo("NOT_COMPETENT");
        assertThat(scoring.results(Villages.COUNTY, YEAR).get(0).scores()).extracting(AssistanceScore::getCadreId)
                .contains(cadre);
    }
}
