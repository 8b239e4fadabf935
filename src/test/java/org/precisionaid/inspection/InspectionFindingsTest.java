package org.precisionaid.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.precisionaid.assistance.AssistanceService;
import org.precisionaid.assistance.CadreRank;
import org.precisionaid.region.RegionService;
import org.precisionaid.registry.Household;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.scoring.AssistanceScore;
import org.precisionaid.scoring.ScoringService;
import org.precisionaid.security.OfficialDirectory;
import org.precisionaid.support.Cadres;
import org.precisionaid.support.IntegrationTest;
import org.precisionaid.support.Officials;
import org.precisionaid.support.Villages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * What the findings come to: the findings table per region, unit and cadre (JSON, Excel, PDF, region-scoped), and the
 * year-end scoring, where a cadre with a finding upheld against his household scores lower than one whose finding was
 * withdrawn.
 */
@IntegrationTest
class InspectionFindingsTest {

    static final int YEAR = LocalDate.now().getYear();

    @Autowired TestRestTemplate rest;
    @Autowired RegionService regions;
    @Autowired OfficialDirectory officials;
    @Autowired HouseholdService households;
    @Autowired AssistanceService assistance;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired InspectionService inspections;
    @Autowired ScoringService scoring;

    private void complete(String official, Task task, Map<String, Object> variables) {
        Officials.as(identity, official, () -> {
            tasks.claim(task.getId(), official);
            tasks.complete(task.getId(), variables);
        });
    }

    private Task task(String official, String businessKey, String key) {
        return Officials.as(identity, official, () -> tasks.createTaskQuery().processInstanceBusinessKey(businessKey)
                .taskDefinitionKey(key).singleResult());
    }

    /** The finding is recorded against the household's cadre, rectified, then closed or withdrawn. */
    private void findAndVerify(String roundNo, long householdId, String verifyDecision) {
        Task inspect = Officials.as(identity, InspectionProcessTest.INSPECTOR, () -> tasks.createTaskQuery()
                .processInstanceBusinessKey(roundNo).taskDefinitionKey("inspectCase").listPage(0, 10)).stream()
                .filter(t -> inspections.sample(((Number) tasks.getVariable(t.getId(), "sampleId")).longValue())
                        .getHouseholdId() == householdId).findFirst().orElseThrow();
        complete(InspectionProcessTest.INSPECTOR, inspect, InspectionProcessTest.finding("CADRE"));
        String findingNo = inspections.findings(inspections.round(roundNo).getId()).stream()
                .filter(f -> f.getHouseholdId() == householdId).findFirst().orElseThrow().getFindingNo();
        complete(InspectionProcessTest.TOWNSHIP, task(InspectionProcessTest.TOWNSHIP, findingNo, "rectify"),
                Map.of("rectificationReport", "已整改 / fixed"));
        complete(InspectionProcessTest.INSPECTOR, task(InspectionProcessTest.INSPECTOR, findingNo, "verifyRectification"),
                Map.of("verifyDecision", verifyDecision, "verifyComment", "核查 / verified"));
    }

    @Test
    void anUpheldFindingIsCountedForItsRegionUnitAndCadreAndLowersTheCadresScore() {
        String village = Villages.fresh(regions, officials);
        long upheldCadre = Cadres.fresh(assistance, Villages.COUNTY, CadreRank.STAFF);
        long withdrawnCadre = Cadres.fresh(assistance, Villages.COUNTY, CadreRank.STAFF);
        Household upheld = Villages.paired(households, assistance, village, YEAR + 1, upheldCadre);
        Household withdrawn = Villages.paired(households, assistance, village, YEAR + 1, withdrawnCadre);
        ResponseEntity<JsonNode> planned = rest.withBasicAuth(InspectionProcessTest.COUNTY, "demo")
                .postForEntity("/api/inspections", InspectionProcessTest.plan(village, 100, 0), JsonNode.class);
        String roundNo = planned.getBody().get("roundNo").asText();
        findAndVerify(roundNo, upheld.getId(), "close");
        findAndVerify(roundNo, withdrawn.getId(), "withdraw");

        JsonNode report = rest.withBasicAuth(InspectionProcessTest.COUNTY, "demo")
                .getForEntity("/api/reports/inspection-findings?region=" + village + "&year=" + YEAR, JsonNode.class)
                .getBody();
        JsonNode villageRow = report.get("tables").get(0).get("rows").get(0);
        assertThat(villageRow.get("code").asText()).isEqualTo(village);
        assertThat(villageRow.get("findings").asInt()).isEqualTo(2);
        assertThat(villageRow.get("closed").asInt()).isEqualTo(1);
        assertThat(villageRow.get("withdrawn").asInt()).isEqualTo(1);
        assertThat(villageRow.get("open").asInt()).isZero();
        assertThat(villageRow.get("serious").asInt()).isEqualTo(2);
        JsonNode cadres = report.get("tables").get(2).get("rows");
        assertThat(cadres).hasSize(2);
        assertThat(cadres).anySatisfy(row -> {
            assertThat(row.get("cadre").asText()).endsWith("(" + upheldCadre + ")");
            assertThat(row.get("closed").asInt()).isEqualTo(1);
        });
        assertThat(report.get("tables").get(1).get("rows")).hasSize(2);
        assertThat(report.toString()).doesNotContain(upheld.getApplicationNo());

        assertThat(rest.withBasicAuth("township.654225101", "demo").getForEntity(
                "/api/reports/inspection-findings?region=" + village, JsonNode.class).getStatusCode().value())
                .isEqualTo(403);
        ResponseEntity<byte[]> xlsx = rest.withBasicAuth(InspectionProcessTest.COUNTY, "demo").getForEntity(
                "/api/reports/inspection-findings.xlsx?region=" + village, byte[].class);
        assertThat(xlsx.getStatusCode().value()).isEqualTo(200);
        assertThat(xlsx.getBody()).startsWith('P', 'K');
        ResponseEntity<byte[]> pdf = rest.withBasicAuth(InspectionProcessTest.COUNTY, "demo").getForEntity(
                "/api/reports/inspection-findings.pdf?region=" + village, byte[].class);
        assertThat(pdf.getStatusCode().value()).isEqualTo(200);
        assertThat(new String(pdf.getBody(), 0, 5)).isEqualTo("%PDF-");

        ScoringService.Result result = scoring.run(Villages.COUNTY + "000000", YEAR, true, "test");
        AssistanceScore withFinding = score(result, upheldCadre);
        AssistanceScore withoutFinding = score(result, withdrawnCadre);
        assertThat(withFinding.getFindingsUpheld()).isEqualTo(1);
        assertThat(withoutFinding.getFindingsUpheld()).as("a withdrawn finding does not count").isZero();
        assertThat(withFinding.getPoints()).isEqualByComparingTo(withoutFinding.getPoints().subtract(
                java.math.BigDecimal.valueOf(5)));
    }

    private static AssistanceScore score(ScoringService.Result result, long cadreId) {
        return result.scores().stream().filter(s -> s.getKind() == AssistanceScore.Kind.CADRE
                && Long.valueOf(cadreId).equals(s.getCadreId())).findFirst().orElseThrow();
    }
}
