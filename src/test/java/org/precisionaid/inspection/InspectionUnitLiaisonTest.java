package org.precisionaid.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.precisionaid.inspection.InspectionProcessTest.COUNTY;
import static org.precisionaid.inspection.InspectionProcessTest.INSPECTOR;
import static org.precisionaid.inspection.InspectionProcessTest.TOWNSHIP;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.precisionaid.assistance.AssistanceService;
import org.precisionaid.assistance.CadreRank;
import org.precisionaid.region.RegionService;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.security.OfficialDirectory;
import org.precisionaid.support.Cadres;
import org.precisionaid.support.IntegrationTest;
import org.precisionaid.support.Officials;
import org.precisionaid.support.Villages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A finding against an assisting unit (ADR 0030): the unit's liaisons, named by the county office, rectify it in place
 * of the township and see no other unit's findings; a unit without a liaison leaves it with the township, and the
 * finding says so. Overdue, it goes to the county office as every rectification does.
 */
@IntegrationTest
class InspectionUnitLiaisonTest {

    static final String PASSWORD = "Tuoli-Liaison-5826";

    @Autowired TestRestTemplate rest;
    @Autowired RegionService regions;
    @Autowired OfficialDirectory officials;
    @Autowired HouseholdService households;
    @Autowired AssistanceService assistance;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired ManagementService management;
    @Autowired InspectionService inspections;

    private static int users;

    /** A cadre of a unit of his own, with a login in the county's cadre group. */
    private long cadreWithLogin(String login) {
        officials.create(login, "测试", "Liaison", null, PASSWORD, "654224000000", "cadre");
        return Cadres.fresh(assistance, "654224", CadreRank.STAFF, login);
    }

    private String login() {
        return "cadre.654224.l" + (++users) + System.nanoTime() % 100000;
    }

    private ResponseEntity<JsonNode> nameLiaison(String official, long cadreId, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(official, "demo").exchange("/api/cadres/" + cadreId + "/liaison", HttpMethod.PUT,
                new HttpEntity<>(json, headers), JsonNode.class);
    }

    /** A round over a village of one household paired with the cadre, and the inspector's finding against the unit. */
    private String unitFinding(long cadreId) {
        String village = Villages.fresh(regions, officials);
        Villages.paired(households, assistance, village, LocalDate.now().getYear() + 1, cadreId);
        ResponseEntity<JsonNode> planned = rest.withBasicAuth(COUNTY, "demo").postForEntity("/api/inspections",
                InspectionProcessTest.plan(village, 100, 0), JsonNode.class);
        assertThat(planned.getStatusCode().value()).as(String.valueOf(planned.getBody())).isEqualTo(201);
        String roundNo = planned.getBody().get("roundNo").asText();
        Task inspect = visible(INSPECTOR, roundNo, "inspectCase").get(0);
        complete(INSPECTOR, inspect, InspectionProcessTest.finding("UNIT"));
        return roundNo + "-1";
    }

    private List<Task> visible(String official, String businessKey, String taskKey) {
        return Officials.as(identity, official, () -> tasks.createTaskQuery().processInstanceBusinessKey(businessKey)
                .taskDefinitionKey(taskKey).listPage(0, 100));
    }

    private void complete(String official, Task task, Map<String, Object> variables) {
        Officials.as(identity, official, () -> {
            tasks.claim(task.getId(), official);
            tasks.complete(task.getId(), variables);
        });
    }

    private InspectionFinding finding(String findingNo) {
        return inspections.findings(inspections.round(findingNo.substring(0, findingNo.lastIndexOf('-'))).getId())
                .get(0);
    }

    @Test
    void theUnitsLiaisonRectifiesInPlaceOfTheTownshipAndAnotherUnitsLiaisonSeesNothing() {
        String liaison = login();
        long cadreId = cadreWithLogin(liaison);
        assertThat(nameLiaison(COUNTY, cadreId, "{\"liaison\":true}").getBody().get("liaison").asBoolean()).isTrue();
        String stranger = login();
        long otherUnitsCadre = cadreWithLogin(stranger);
        assertThat(nameLiaison(COUNTY, otherUnitsCadre, "{\"liaison\":true}").getStatusCode().value()).isEqualTo(200);

        String findingNo = unitFinding(cadreId);
        assertThat(finding(findingNo).getRectifier()).isEqualTo(InspectionFinding.Rectifier.UNIT);
        assertThat(visible(TOWNSHIP, findingNo, "rectify")).as("the township holds no grant on the unit's task")
                .isEmpty();
        assertThat(visible(stranger, findingNo, "rectify")).as("another unit's liaison").isEmpty();
        assertThat(rest.withBasicAuth(liaison, PASSWORD).getForEntity("/api/inspections/"
                + findingNo.substring(0, findingNo.lastIndexOf('-')), JsonNode.class).getStatusCode().value())
                .as("a liaison reads no round or sample").isEqualTo(403);
        Task rectify = visible(liaison, findingNo, "rectify").get(0);
        assertThat(tasks.getIdentityLinksForTask(rectify.getId())).extracting(IdentityLink::getGroupId)
                .containsOnlyNulls();
        assertThat(String.valueOf(tasks.getVariable(rectify.getId(), "caseSummary")))
                .contains("帮扶单位 / Assisting unit").doesNotContain("由乡镇整改");

        // overdue: the county office, as for every rectification
        management.executeJob(management.createJobQuery().processInstanceId(rectify.getProcessInstanceId())
                .activityId("rectify").singleResult().getId());
        assertThat(visible(COUNTY, findingNo, "rectify")).hasSize(1);

        complete(liaison, rectify, Map.of("rectificationReport", "单位已补齐帮扶台账 / the unit completed its ledger"));
        assertThat(finding(findingNo).getRectifiedBy()).isEqualTo(liaison);
        complete(INSPECTOR, visible(INSPECTOR, findingNo, "verifyRectification").get(0),
                Map.of("verifyDecision", "close"));
        assertThat(finding(findingNo).getStatus()).isEqualTo(InspectionFinding.Status.CLOSED);
    }

    @Test
    void aUnitWithoutALiaisonLeavesTheFindingWithTheTownshipAndTheFindingSaysSo() {
        long cadreId = Cadres.fresh(assistance, "654224", CadreRank.STAFF);
        String findingNo = unitFinding(cadreId);
        assertThat(finding(findingNo).getRectifier()).isEqualTo(InspectionFinding.Rectifier.TOWNSHIP);
        Task rectify = visible(TOWNSHIP, findingNo, "rectify").get(0);
        assertThat(String.valueOf(tasks.getVariable(rectify.getId(), "caseSummary")))
                .contains("由乡镇整改 / The township rectifies");
        JsonNode round = rest.withBasicAuth(COUNTY, "demo")
                .getForEntity("/api/inspections/" + findingNo.substring(0, findingNo.lastIndexOf('-')), JsonNode.class)
                .getBody();
        assertThat(round.get("findings").get(0).get("rectifier").asText()).isEqualTo("TOWNSHIP");
    }

    @Test
    void aLiaisonWithdrawnOrMovedHandsTheNextRectificationBackToTheTownship() {
        String liaison = login();
        long cadreId = cadreWithLogin(liaison);
        nameLiaison(COUNTY, cadreId, "{\"liaison\":true}");
        String findingNo = unitFinding(cadreId);
        complete(liaison, visible(liaison, findingNo, "rectify").get(0),
                Map.of("rectificationReport", "已整改 / done"));
        assertThat(nameLiaison(COUNTY, cadreId, "{\"liaison\":false}").getBody().get("liaison").asBoolean()).isFalse();
        complete(INSPECTOR, visible(INSPECTOR, findingNo, "verifyRectification").get(0),
                Map.of("verifyDecision", "return", "verifyComment", "缺少凭证 / vouchers missing"));
        assertThat(visible(liaison, findingNo, "rectify")).isEmpty();
        assertThat(visible(TOWNSHIP, findingNo, "rectify")).hasSize(1);
        assertThat(finding(findingNo).getRectifier()).isEqualTo(InspectionFinding.Rectifier.TOWNSHIP);
    }

    @Test
    void onlyTheCountyOfficeNamesALiaisonAndOnlyAServingCadreWithALogin() {
        long withoutLogin = Cadres.fresh(assistance, "654224", CadreRank.STAFF);
        ResponseEntity<JsonNode> noLogin = nameLiaison(COUNTY, withoutLogin, "{\"liaison\":true}");
        assertThat(noLogin.getStatusCode().value()).isEqualTo(400);
        assertThat(noLogin.getBody().get("errors").get("liaison").asText()).contains("no login");

        String login = login();
        long cadreId = cadreWithLogin(login);
        for (String bad : List.of("{}", "{\"liaison\":null}", "{\"liaison\":\"yes\"}", "{\"liaison\":true,\"unitId\":1}",
                "[true]")) {
            ResponseEntity<JsonNode> refused = nameLiaison(COUNTY, cadreId, bad);
            assertThat(refused.getStatusCode().value()).as(bad).isEqualTo(400);
        }
        assertThat(nameLiaison(COUNTY, cadreId, "{}").getBody().get("errors").has("liaison")).isTrue();
        ResponseEntity<JsonNode> township = nameLiaison(TOWNSHIP, cadreId, "{\"liaison\":true}");
        assertThat(township.getStatusCode().value()).isEqualTo(403);
        ResponseEntity<JsonNode> himself = rest.withBasicAuth(login, PASSWORD).exchange("/api/cadres/" + cadreId
                + "/liaison", HttpMethod.PUT, json("{\"liaison\":true}"), JsonNode.class);
        assertThat(himself.getStatusCode().value()).as("a cadre does not name himself").isEqualTo(403);
        ResponseEntity<JsonNode> otherCounty = nameLiaison("county.654225", cadreId, "{\"liaison\":true}");
        assertThat(otherCounty.getStatusCode().value()).isIn(403, 404);
        assertThat(assistance.cadre(cadreId).isLiaison()).as("nothing written by a refusal").isFalse();
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
