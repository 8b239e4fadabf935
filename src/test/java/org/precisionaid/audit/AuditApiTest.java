package org.precisionaid.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import java.util.Map;
import org.precisionaid.monitoring.MonitoringCase;
import org.precisionaid.monitoring.MonitoringStarter;
import org.precisionaid.procedure.ObjectionService;
import org.precisionaid.registry.Household;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.support.Officials;
import org.precisionaid.support.Projects;
import org.precisionaid.support.Applications;
import org.precisionaid.assistance.AssistanceService;
import org.precisionaid.assistance.CadreRank;
import org.precisionaid.support.Cadres;
import org.precisionaid.support.CaseFlows;
import org.precisionaid.support.IntegrationTest;
import org.precisionaid.support.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * The auditor reviews a finished case of his county: he finds it by its number or a member's ID number, reads every
 * step with official and time, exports it; another county's auditor finds nothing; nobody changes anything.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditApiTest {

    static final String VILLAGE = "654224100200"; // 城郊村, Toli town, Toli county
    static final String AUDITOR = "auditor.654224";
    static final String OTHER_AUDITOR = "auditor.654225";

    @Autowired TestRestTemplate rest;
    @Autowired IdentityService identity;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired ObjectionService objections;
    @Autowired AssistanceService assistance;
    @Autowired ObjectMapper json;
    @Autowired HouseholdService households;
    @Autowired org.camunda.bpm.engine.RepositoryService repository;
    @Autowired org.camunda.bpm.engine.FormService forms;
    @Autowired MonitoringStarter monitoring;
    @LocalServerPort int port;

    String finished;
    String idNumber;

    @BeforeAll
    void aHouseholdIsRegisteredThroughTheWholeProcedure() {
        CaseFlows flows = new CaseFlows(rest, identity, tasks, runtime, management, objections);
        long seed = 9001L; // people no other test applies for
        finished = flows.applyOverRest(VILLAGE, seed);
        idNumber = Applications.eligible(VILLAGE, seed).members().get(1).idNumber();
        flows.approveToAnnouncement(VILLAGE, finished);
        flows.objectionDismissed(VILLAGE, finished, "13812345678");
        flows.noticePeriodEnds(finished);
        flows.register(VILLAGE, finished, Cadres.fresh(assistance, VILLAGE.substring(0, 6), CadreRank.STAFF));
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(finished).count()).isZero();
    }

    @Test
    void theCountyAuditorFindsTheFinishedCaseByNumberOrByAMembersIdNumber() {
        JsonNode byNumber = get(AUDITOR, "/api/audit/cases?q=" + finished).getBody();
        assertThat(byNumber.get("total").asLong()).isEqualTo(1);
        JsonNode row = byNumber.get("cases").get(0);
        assertThat(row.get("businessKey").asText()).isEqualTo(finished);
        assertThat(row.get("state").asText()).isEqualTo("COMPLETED");
        assertThat(row.get("registryStatus").asText()).isEqualTo("REGISTERED");

        JsonNode byPerson = get(AUDITOR, "/api/audit/cases?q=" + idNumber).getBody();
        assertThat(byPerson.get("cases").findValuesAsText("businessKey")).containsExactly(finished);

        JsonNode finishedRegistered = get(AUDITOR, "/api/audit/cases?status=REGISTERED&state=finished&size=100").getBody();
        assertThat(finishedRegistered.get("cases").findValuesAsText("businessKey")).contains(finished);
    }

    @Test
    void aMonitoringCaseIsFoundByItsNumberTheHouseholdsNumberOrAMembersIdNumberWithItsOwnDecisions() {
        Household household = Projects.registered(households, assistance, VILLAGE);
        String member = households.view(household.getApplicationNo()).members().get(0).idNumber();
        String clerk = "clerk." + VILLAGE;
        String caseNo = Officials.as(identity, clerk, () -> monitoring.open(household.getId(),
                MonitoringCase.Channel.CLERK, "户主住院 / the head is in hospital", clerk)).monitoringCase().getCaseNo();
        new CaseFlows(rest, identity, tasks, runtime, management, objections).complete(clerk, caseNo, "householdCheck",
                Map.of("consentSigned", false, "householdIncomeYuan", 1000L, "medicalExpenseYuan", 0L,
                        "educationExpenseYuan", 0L, "disasterLossYuan", 0L,
                        "checkFindings", "户主不同意核查 / the head refused the check"));

        for (String q : List.of(caseNo, household.getApplicationNo(), member)) {
            JsonNode found = get(AUDITOR, "/api/audit/cases?q=" + q).getBody();
            assertThat(found.get("cases").findValuesAsText("businessKey")).as(q).containsExactly(caseNo);
            JsonNode row = found.get("cases").get(0);
            assertThat(row.get("processKey").asText()).isEqualTo("monitoring");
            assertThat(row.get("registryStatus").asText()).as("the household's status").isEqualTo("REGISTERED");
            assertThat(row.get("lastLevel").asText()).isEqualTo("MONITORING");
        }
        JsonNode read = get(AUDITOR, "/api/audit/cases/" + caseNo).getBody();
        assertThat(read.get("regionCode").asText()).isEqualTo(VILLAGE);
        List<String> decisions = new ArrayList<>();
        read.get("timeline").forEach(event -> {
            if ("decision".equals(event.get("kind").asText())) {
                decisions.add(event.get("title").asText() + " " + event.path("details").path("reason").asText());
            }
        });
        assertThat(decisions).anyMatch(d -> d.startsWith("monitoring case opened") && d.contains(caseNo))
                .anyMatch(d -> d.contains("did not consent"))
                .as("the household's registration is not this case's").noneMatch(d -> d.contains("养殖扶持"));

        assertThat(get(OTHER_AUDITOR, "/api/audit/cases?q=" + caseNo).getBody().get("total").asLong()).isZero();
        assertThat(get(OTHER_AUDITOR, "/api/audit/cases?q=" + household.getApplicationNo()).getBody().get("total")
                .asLong()).isZero();
        assertThat(get(OTHER_AUDITOR, "/api/audit/cases/" + caseNo).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void aMonitoringCaseTheClerkStartedInTasklistIsFoundByTheAuditorsOfItsCountyOnly() {
        Household household = Projects.registered(households, assistance, VILLAGE);
        String clerk = "clerk." + VILLAGE;
        String definition = repository.createProcessDefinitionQuery().processDefinitionKey("monitoring").latestVersion()
                .singleResult().getId();
        String instance = Officials.as(identity, clerk, () -> forms.submitStartForm(definition,
                Map.of("reportText", "家中遭受冰雹灾害 / hail destroyed the crop"))).getId();
        String identify = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
        Officials.as(identity, clerk, () -> tasks.complete(identify, Map.of("intakeDecision", "open", "applicationNo",
                household.getApplicationNo())));
        String caseNo = runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult().getBusinessKey();

        assertThat(get(AUDITOR, "/api/audit/cases?q=" + caseNo).getBody().get("cases").findValuesAsText("businessKey"))
                .containsExactly(caseNo);
        assertThat(get(AUDITOR, "/api/audit/cases/" + caseNo).getStatusCode().value()).isEqualTo(200);
        assertThat(get(OTHER_AUDITOR, "/api/audit/cases?q=" + caseNo).getBody().get("total").asLong()).isZero();
    }

    @Test
    void anotherCountysAuditorFindsNothingAndCannotOpenIt() {
        assertThat(get(OTHER_AUDITOR, "/api/audit/cases?q=" + finished).getBody().get("total").asLong()).isZero();
        assertThat(get(OTHER_AUDITOR, "/api/audit/cases?q=" + idNumber).getBody().get("total").asLong()).isZero();
        ResponseEntity<JsonNode> open = get(OTHER_AUDITOR, "/api/audit/cases/" + finished);
        assertThat(open.getStatusCode().value()).isEqualTo(404);
        assertThat(open.getBody().get("detail").asText()).contains("No case " + finished);
        assertThat(get(OTHER_AUDITOR, "/api/audit/cases/" + finished + "/export.xlsx").getStatusCode().value())
                .isEqualTo(404);
    }

    @Test
    void theCasePageShowsEveryStepWithOfficialAndTimeAndTheDecisions() {
        JsonNode audited = get(AUDITOR, "/api/audit/cases/" + finished).getBody();
        assertThat(audited.get("state").asText()).isEqualTo("COMPLETED");
        assertThat(audited.get("visitedActivities").toString()).contains("groupEvaluation", "villageReview",
                "townshipReview", "countyReview", "registration");
        assertThat(audited.get("currentActivities")).isEmpty();

        List<String> completedBy = new ArrayList<>();
        for (JsonNode event : audited.get("timeline")) {
            assertThat(event.get("at").asText()).isNotBlank();
            if ("task-completed".equals(event.get("kind").asText())) {
                completedBy.add(event.get("activityId").asText() + "=" + event.get("official").asText());
            }
        }
        assertThat(completedBy).contains("groupEvaluation=clerk." + VILLAGE, "villageReview=village." + VILLAGE,
                "townshipReview=township.654224100", "countyReview=county.654224", "registration=township.654224100");
        JsonNode county = find(audited.get("timeline"), "task-completed", "countyReview");
        assertThat(county.get("details").get("countyDecision").asText()).isEqualTo("approve");
        assertThat(audited.get("timeline").toString()).contains("task-claimed", "decision");

        JsonNode objection = audited.get("objections").get(0);
        assertThat(objection.get("status").asText()).isEqualTo("DISMISSED");
        assertThat(objection.get("contact").asText()).isEqualTo("138****5678");
        assertThat(audited.get("operations").toString()).contains("Claim", "Complete");
        assertThat(audited.toString()).doesNotContain(idNumber).doesNotContain("13812345678");
    }

    @Test
    void aRunningCaseShowsWhereItStandsAndTheTimerThatEscalatedIt() {
        CaseFlows flows = new CaseFlows(rest, identity, tasks, runtime, management, objections);
        String running = flows.applyOverRest(VILLAGE, 9003L);
        String instanceId = runtime.createProcessInstanceQuery().processInstanceBusinessKey(running).singleResult().getId();
        // the group evaluation is overdue: its timer escalates the task to the township
        management.executeJob(management.createJobQuery().processInstanceId(instanceId).timers().singleResult().getId());

        JsonNode audited = get(AUDITOR, "/api/audit/cases/" + running).getBody();
        assertThat(audited.get("state").asText()).isEqualTo("ACTIVE");
        assertThat(audited.get("currentActivities").toString()).contains("groupEvaluation");
        JsonNode escalated = find(audited.get("timeline"), "escalated", "groupEvaluation");
        assertThat(escalated.get("details").get("escalatedTo").asText()).isEqualTo("township-654224100");
        assertThat(get(AUDITOR, "/api/audit/cases?q=" + running + "&state=running").getBody().get("total").asLong())
                .isEqualTo(1);
        assertThat(get(AUDITOR, "/api/audit/cases?q=" + running + "&state=finished").getBody().get("total").asLong())
                .isZero();
    }

    @Test
    void theDiagramAndTheExportCarryTheCase() throws Exception {
        ResponseEntity<String> diagram = rest.withBasicAuth(AUDITOR, "demo")
                .getForEntity("/api/audit/cases/" + finished + "/diagram", String.class);
        assertThat(diagram.getBody()).contains("id=\"identification\"").contains("BPMNDiagram");

        ResponseEntity<byte[]> export = rest.withBasicAuth(AUDITOR, "demo")
                .getForEntity("/api/audit/cases/" + finished + "/export.xlsx", byte[].class);
        assertThat(export.getHeaders().getContentDisposition().getFilename()).isEqualTo("audit-" + finished + ".xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(export.getBody()))) {
            Sheet trail = book.getSheet("审计轨迹 Audit trail");
            assertThat(trail.getRow(0).getCell(1).getStringCellValue()).isEqualTo(finished);
            StringBuilder text = new StringBuilder();
            for (Row row : trail) {
                row.forEach(cell -> text.append(cell.getStringCellValue()).append('|'));
            }
            assertThat(text).contains("county.654224").contains("task-completed").doesNotContain(idNumber);
            assertThat(book.getSheet("异议 Objections").getRow(1).getCell(2).getStringCellValue()).isEqualTo("138****5678");
        }
    }

    @Test
    void cockpitsSessionReadsTheApiButNothingCanBeChangedThroughIt() {
        WebappSession cockpit = WebappSession.login(port, AUDITOR, "demo", "cockpit");
        HttpResponse<String> page = cockpit.get("/api/audit/cases?q=" + finished);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(finished);
        HttpResponse<String> write = cockpit.send("POST", "/api/audit/cases/" + finished, "application/json", "{}");
        assertThat(write.statusCode()).isIn(401, 403, 405);
        assertThat(rest.getForEntity("/api/audit/cases?q=" + finished, String.class).getStatusCode().value()).isEqualTo(401);
        for (HttpMethod method : List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE)) {
            assertThat(rest.withBasicAuth(AUDITOR, "demo").exchange("/api/audit/cases/" + finished, method, null,
                    String.class).getStatusCode().value()).as(method.name()).isEqualTo(405);
        }
    }

    @Test
    void badSearchParametersAreNamed() {
        ResponseEntity<JsonNode> bad = get(AUDITOR, "/api/audit/cases?status=LOST&from=2026-13-01&size=1000&region=654225000000");
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        JsonNode errors = bad.getBody().get("errors");
        assertThat(errors.get("status").asText()).contains("REGISTERED");
        assertThat(errors.get("from").asText()).contains("yyyy-MM-dd");
        assertThat(errors.get("size").asText()).contains("between 1 and 100");
        assertThat(errors.get("region").asText()).contains("outside your region");
    }

    private static JsonNode find(JsonNode timeline, String kind, String activityId) {
        for (JsonNode event : timeline) {
            if (kind.equals(event.get("kind").asText()) && activityId.equals(event.path("activityId").asText())) {
                return event;
            }
        }
        throw new AssertionError("no " + kind + " of " + activityId + " in " + timeline);
    }

    private ResponseEntity<JsonNode> get(String user, String path) {
        return rest.withBasicAuth(user, "demo").getForEntity(path, JsonNode.class);
    }
}
