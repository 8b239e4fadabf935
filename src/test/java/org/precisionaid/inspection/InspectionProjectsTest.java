package org.precisionaid.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.precisionaid.inspection.InspectionProcessTest.AUDITOR;
import static org.precisionaid.inspection.InspectionProcessTest.COUNTY;
import static org.precisionaid.inspection.InspectionProcessTest.INSPECTOR;
import static org.precisionaid.inspection.InspectionProcessTest.TOWNSHIP;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.precisionaid.assistance.AssistanceService;
import org.precisionaid.project.Project;
import org.precisionaid.project.ProjectService;
import org.precisionaid.region.RegionService;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.security.OfficialDirectory;
import org.precisionaid.support.IntegrationTest;
import org.precisionaid.support.Officials;
import org.precisionaid.support.Projects;
import org.precisionaid.support.Villages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * The projects register of a round (issue #24): the funded projects of the year, drawn per township with the round's
 * recorded seed; each sampled project is checked on site by the county's inspectors, unannounced, and a finding goes
 * to the project's owner — the township, or for the county's own project its lead department.
 */
@IntegrationTest
class InspectionProjectsTest {

    @Autowired TestRestTemplate rest;
    @Autowired RegionService regions;
    @Autowired OfficialDirectory officials;
    @Autowired HouseholdService households;
    @Autowired AssistanceService assistance;
    @Autowired ProjectService projects;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired ManagementService management;
    @Autowired InspectionService inspections;

    /** A funded project and the household it benefits. */
    record Funded(Long id, String projectNo, String beneficiary) {
    }

    private static int villages = 400;

    /** A village of its own in 庙尔沟镇 (654224102), the county's other township in these tests. */
    private String otherTownshipVillage() {
        String code;
        do {
            code = "654224102" + (villages++);
        } while (regions.exists(code));
        regions.create(code, "督查测试村" + code.substring(9), "Inspection Test Village " + code.substring(9));
        return code;
    }

    /** A project of the region funded this year (routed to the agriculture bureau, disclosed, funds allocated). */
    private Funded funded(String region, String beneficiaryVillage) {
        String beneficiary = Projects.registered(households, assistance, beneficiaryVillage).getApplicationNo();
        Project project = projects.submit(Projects.sheep(region, List.of(beneficiary)), "test");
        projects.route(project.getId(), "agriculture", "county");
        projects.disclose(project.getId(), Instant.now(), "test");
        projects.allocate(project.getId(), "TL-CZ-INSPECT-" + project.getId(), "test");
        return new Funded(project.getId(), project.getProjectNo(), beneficiary);
    }

    private static Map<String, Object> plan(String region, Object percent, Object minimumProjects) {
        Map<String, Object> body = new HashMap<>();
        body.put("regionCode", region);
        body.put("year", LocalDate.now().getYear());
        body.put("registers", List.of("PROJECTS"));
        body.put("percent", percent);
        body.put("minimumProjectsPerTownship", minimumProjects);
        return body;
    }

    private JsonNode planned(Map<String, Object> body) {
        ResponseEntity<JsonNode> answer = rest.withBasicAuth(COUNTY, "demo").postForEntity("/api/inspections", body,
                JsonNode.class);
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(201);
        return answer.getBody();
    }

    private List<Task> visible(String official, String businessKey, String taskKey) {
        return Officials.as(identity, official, () -> tasks.createTaskQuery().processInstanceBusinessKey(businessKey)
                .taskDefinitionKey(taskKey).listPage(0, 500));
    }

    private void complete(String official, Task task, Map<String, Object> variables) {
        Officials.as(identity, official, () -> {
            tasks.claim(task.getId(), official);
            tasks.complete(task.getId(), variables);
        });
    }

    static Map<String, Object> inOrder() {
        return Map.of("outputsChecked", true, "fundsChecked", true, "disclosureChecked", true,
                "beneficiariesChecked", true, "inspectionOutcome", "clean", "inspectionNotes", "实物与申报一致 / as declared");
    }

    static Map<String, Object> fundsFinding() {
        return Map.of("outputsChecked", true, "fundsChecked", true, "inspectionOutcome", "finding",
                "findingKind", "PROJECT_FUNDS", "findingSeverity", "SERIOUS",
                "findingDescription", "拨付凭证缺两笔 / two disbursement vouchers missing");
    }

    @Test
    void aSampledProjectIsCheckedOnSiteUnannouncedAndItsFindingGoesToItsTownship() {
        String village = Villages.fresh(regions, officials);
        Funded project = funded(village, village);
        JsonNode round = planned(plan(village, 10, 1));
        String roundNo = round.get("roundNo").asText();
        assertThat(round.get("projectPopulation").asInt()).isEqualTo(1);
        assertThat(round.get("population").asInt()).as("no household register asked").isZero();
        assertThat(round.get("sampleSize").asInt()).as("at least one per township").isEqualTo(1);

        assertThat(visible(INSPECTOR, roundNo, "inspectCase")).isEmpty();
        Task inspect = visible(INSPECTOR, roundNo, "inspectProject").get(0);
        assertThat(visible(TOWNSHIP, roundNo, "inspectProject")).as("unannounced: the township").isEmpty();
        assertThat(visible("clerk." + village, roundNo, "inspectProject")).as("unannounced: the village").isEmpty();
        assertThat(visible("inspector.654225", roundNo, "inspectProject")).as("another county's inspector").isEmpty();
        assertThat(inspect.getDescription()).startsWith("项目 / Project " + project.projectNo());
        assertThat(inspect.getDueDate()).isAfter(new java.util.Date());
        String summary = String.valueOf(tasks.getVariable(inspect.getId(), "caseSummary"));
        assertThat(summary).contains("120000.00", "良种母羊", "已公示至", "受益户数 / Beneficiary households:** 1",
                "已下达 / Allocated:** 120000.00");
        assertThat(summary).as("no ID number, no phone").doesNotContainPattern("\\d{17}[\\dX]")
                .doesNotContainPattern("1\\d{10}").doesNotContain(project.beneficiary());

        Map<String, Object> unchecked = new HashMap<>(inOrder());
        unchecked.put("disclosureChecked", false);
        assertThatThrownBy(() -> complete(INSPECTOR, inspect, unchecked)).hasMessageContaining("disclosureChecked");
        Map<String, Object> householdKind = new HashMap<>(fundsFinding());
        householdKind.put("findingKind", "GUARANTEES");
        assertThatThrownBy(() -> complete(INSPECTOR, inspect, householdKind)).hasMessageContaining("findingKind");
        complete(INSPECTOR, inspect, fundsFinding());

        InspectionFinding finding = inspections.findings(inspections.round(roundNo).getId()).get(0);
        assertThat(finding.getProjectId()).isEqualTo(project.id());
        assertThat(finding.getHouseholdId()).isNull();
        assertThat(finding.getResponsible()).isEqualTo(InspectionFinding.Responsible.OWNER);
        assertThat(finding.getRectifier()).isEqualTo(InspectionFinding.Rectifier.OWNER);
        Task rectify = visible(TOWNSHIP, finding.getFindingNo(), "rectify").get(0);
        assertThat(String.valueOf(tasks.getVariable(rectify.getId(), "caseSummary")))
                .contains(project.projectNo(), "two disbursement vouchers missing");
        complete(TOWNSHIP, rectify, Map.of("rectificationReport", "凭证已补齐 / vouchers filed"));
        complete(INSPECTOR, visible(INSPECTOR, finding.getFindingNo(), "verifyRectification").get(0),
                Map.of("verifyDecision", "close"));
        assertThat(inspections.round(roundNo).getStatus()).isEqualTo(InspectionRound.Status.CLOSED);

        JsonNode detail = rest.withBasicAuth(AUDITOR, "demo").getForObject("/api/inspections/" + roundNo,
                JsonNode.class);
        assertThat(detail.get("sample").get(0).get("projectNo").asText()).isEqualTo(project.projectNo());
        assertThat(detail.get("findings").get(0).get("projectNo").asText()).isEqualTo(project.projectNo());
        assertThat(rest.withBasicAuth(TOWNSHIP, "demo").getForEntity("/api/inspections/" + roundNo, JsonNode.class)
                .getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void theCountysOwnProjectGoesToItsLeadDepartmentAndAProjectInOrderClosesTheRound() {
        String village = Villages.fresh(regions, officials);
        Funded own = funded(Projects.COUNTY, village);
        Funded villages = funded(village, village);
        // the county's round draws every project of the year (100 %); ours are two of them
        JsonNode round = planned(plan(Projects.COUNTY, 100, 1));
        String roundNo = round.get("roundNo").asText();
        Map<Long, InspectionSample> sampled = inspections.samples(inspections.round(roundNo).getId()).stream()
                .filter(InspectionSample::isProject)
                .collect(Collectors.toMap(InspectionSample::getProjectId, s -> s));
        assertThat(sampled).containsKeys(own.id(), villages.id());
        assertThat(sampled.get(own.id()).getVillageCode()).isEqualTo(Projects.COUNTY);

        Task ownTask = visible(INSPECTOR, roundNo, "inspectProject").stream()
                .filter(t -> t.getDescription().contains(own.projectNo())).findFirst().orElseThrow();
        complete(INSPECTOR, ownTask, fundsFinding());
        InspectionFinding finding = inspections.findings(inspections.round(roundNo).getId()).stream()
                .filter(f -> own.id().equals(f.getProjectId())).findFirst().orElseThrow();
        Task rectify = visible("agriculture.654224", finding.getFindingNo(), "rectify").get(0);
        assertThat(tasks.getIdentityLinksForTask(rectify.getId())).extracting(IdentityLink::getGroupId)
                .containsExactly("agriculture-654224");
        assertThat(visible(TOWNSHIP, finding.getFindingNo(), "rectify")).isEmpty();

        Task villageTask = visible(INSPECTOR, roundNo, "inspectProject").stream()
                .filter(t -> t.getDescription().contains(villages.projectNo())).findFirst().orElseThrow();
        complete(INSPECTOR, villageTask, inOrder());
        assertThat(inspections.sample(sampled.get(villages.id()).getId()).getStatus())
                .isEqualTo(InspectionSample.Status.CLEAN);
    }

    @Test
    void theProjectsAreDrawnPerTownshipAtTheShareWithTheMinimumAndRedrawnTheSame() {
        // two townships of 托里县 (铁厂沟镇 and 庙尔沟镇) and the county's own projects, besides any other test's
        String village = Villages.fresh(regions, officials);
        for (int i = 0; i < 3; i++) {
            funded(village, village);
        }
        String other = otherTownshipVillage();
        funded(other, other);
        funded(Projects.COUNTY, village);
        int year = LocalDate.now().getYear();
        SortedMap<String, List<Long>> frame = inspections.projects("654224000000", year, List.of(Register.PROJECTS))
                .byTownship();
        assertThat(frame).containsKeys(Villages.TOWNSHIP + "000", "654224102000", Projects.COUNTY);
        assertThat(frame.keySet()).allSatisfy(code -> assertThat(code).matches("654224\\d{3}000"));

        JsonNode round = planned(plan(Projects.COUNTY, new BigDecimal("10"), 2));
        String roundNo = round.get("roundNo").asText();
        List<InspectionSample> sample = inspections.samples(inspections.round(roundNo).getId());
        Map<Long, String> stratumOf = new HashMap<>();
        frame.forEach((stratum, ids) -> ids.forEach(id -> stratumOf.put(id, stratum)));
        Map<String, Long> drawn = sample.stream().collect(Collectors.groupingBy(
                s -> stratumOf.get(s.getProjectId()), Collectors.counting()));
        frame.forEach((stratum, ids) -> assertThat(drawn.getOrDefault(stratum, 0L)).as(stratum)
                .isEqualTo((long) Sampler.quota(ids.size(), BigDecimal.TEN, 2)));
        assertThat(round.get("minimumProjectsPerTownship").asInt()).isEqualTo(2);

        JsonNode redraw = rest.withBasicAuth(AUDITOR, "demo").getForObject("/api/inspections/" + roundNo + "/redraw",
                JsonNode.class);
        assertThat(redraw.get("matches").asBoolean()).isTrue();
        assertThat(redraw.get("recordedProjects")).isEqualTo(redraw.get("redrawnProjects"));
        assertThat(redraw.get("recordedProjects").size()).isEqualTo(sample.size());

        // a project funded later in another township changes neither this township's draw nor the recorded one's
        funded(other, other);
        JsonNode after = rest.withBasicAuth(AUDITOR, "demo").getForObject("/api/inspections/" + roundNo + "/redraw",
                JsonNode.class);
        assertThat(after.get("projectPopulationNow").asInt()).isEqualTo(after.get("projectPopulationThen").asInt() + 1);
        List<String> before = projectsOf(redraw.get("redrawnProjects"), Villages.TOWNSHIP);
        assertThat(projectsOf(after.get("redrawnProjects"), Villages.TOWNSHIP)).isEqualTo(before);
    }

    private List<String> projectsOf(JsonNode numbers, String township) {
        List<String> of = new java.util.ArrayList<>();
        numbers.forEach(no -> {
            if (projects.get(no.asText()).getRegionCode().startsWith(township)) {
                of.add(no.asText());
            }
        });
        return of;
    }

    @Test
    void aPlanOfProjectsIsRefusedByFieldAndNothingIsWritten() {
        String village = Villages.fresh(regions, officials);
        long roundsBefore = inspections.rounds("").size();
        Map<String, Object> noMinimumWithoutProjects = plan(village, 10, 1);
        noMinimumWithoutProjects.put("registers", List.of("IDENTIFICATION"));
        Map<String, Object> tooMany = plan(village, 10, 1001);
        Map<String, Object> negative = plan(village, 10, -1);
        Map<String, Object> text = plan(village, 10, "one");
        Map<String, Object> unknownRegister = plan(village, 10, 1);
        unknownRegister.put("registers", List.of("PROJECT"));
        for (Map.Entry<String, Map<String, Object>> bad : Map.of("minimumProjectsPerTownship",
                noMinimumWithoutProjects, "minimumProjectsPerTownship ", tooMany, "minimumProjectsPerTownship  ",
                negative, "minimumProjectsPerTownship   ", text, "registers[0]", unknownRegister).entrySet()) {
            ResponseEntity<JsonNode> refused = rest.withBasicAuth(COUNTY, "demo").postForEntity("/api/inspections",
                    bad.getValue(), JsonNode.class);
            assertThat(refused.getStatusCode().value()).as(bad.getKey()).isEqualTo(400);
            assertThat(refused.getBody().get("errors").has(bad.getKey().trim())).as(refused.getBody().toString())
                    .isTrue();
        }
        ResponseEntity<JsonNode> nothing = rest.withBasicAuth(COUNTY, "demo").postForEntity("/api/inspections",
                plan(village, 10, 1), JsonNode.class);
        assertThat(nothing.getStatusCode().value()).as("a village without funded projects").isEqualTo(400);
        assertThat(nothing.getBody().get("errors").get("regionCode").asText()).contains("nothing to inspect");
        assertThat(inspections.rounds("").size()).isEqualTo(roundsBefore);
    }
}
