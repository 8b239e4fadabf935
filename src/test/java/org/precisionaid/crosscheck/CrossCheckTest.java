package org.precisionaid.crosscheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.precisionaid.support.Officials.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.precisionaid.assistance.AssistanceService;
import org.precisionaid.procedure.ObjectionService;
import org.precisionaid.registry.Codes.Status;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.registry.StatusChange;
import org.precisionaid.support.Applications;
import org.precisionaid.support.CaseFlows;
import org.precisionaid.support.IntegrationTest;
import org.precisionaid.support.Projects;
import org.precisionaid.support.Projects.Family;
import org.precisionaid.support.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Department registers and the cross-check (issue #23): the county office of 托里县 loads departments' lists; the
 * applicants of 喀拉苏村 (哈图镇) are matched at the start of their case and before the county review, and the township
 * must resolve every hit before it may approve; registered households with new hits get a re-check.
 */
@IntegrationTest
class CrossCheckTest {

    static final String VILLAGE = "654224103200";          // 喀拉苏村, 哈图镇, 托里县: no other test uses it
    static final String TOWNSHIP = "township.654224103";
    static final String COUNTY_OFFICE = "county.654224";
    static final String COUNTY = "654224000000";
    static final String YUMIN_OFFICE = "county.654225";
    static final String YUMIN_VILLAGE = "654225101209";
    /** People no other test has (see Applications.eligible). */
    private static final AtomicLong SEED = new AtomicLong(975_000);
    private static final String HEADER = "身份证号 / ID number,类别 / Category,金额或面积 / Amount,说明 / Detail\n";

    @Autowired TestRestTemplate rest;
    @Autowired HouseholdService households;
    @Autowired AssistanceService assistance;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired ManagementService management;
    @Autowired ObjectionService objections;
    @Autowired CrossCheckHits hits;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;
    @LocalServerPort int port;

    private CaseFlows flows() {
        return new CaseFlows(rest, identity, tasks, runtime, management, objections);
    }

    @Test
    void aListWithBadRowsStoresNothingAndNamesEveryRowAndColumn() {
        String good = Applications.eligible(VILLAGE, SEED.getAndIncrement()).members().get(0).idNumber();
        String badCheck = good.substring(0, 17) + (good.charAt(17) == '1' ? "2" : "1");
        String csv = HEADER + good + ",小型汽车,120000,新G·A1234\n"
                + badCheck + ",CAR,90000,\n"
                + good + ",飞机,10,\n"
                + good + ",CAR,-5,\n"
                + good + ",CAR,abc,\n"
                + good + ",CAR,1," + "长".repeat(201) + "\n";
        int snapshots = count("crosscheck_snapshot");
        int records = count("crosscheck_record");

        ResponseEntity<JsonNode> answer = upload(COUNTY_OFFICE, csv, "VEHICLE", null);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("type").asText()).endsWith("/register-import");
        JsonNode errors = answer.getBody().get("errors");
        assertThat(errors).hasSize(5);
        assertThat(cell(errors, 0)).isEqualTo("3 A 身份证号 / ID number");
        assertThat(errors.get(0).get("rule").asText()).contains("check character");
        assertThat(cell(errors, 1)).isEqualTo("4 B 类别 / Category");
        assertThat(errors.get(1).get("rule").asText()).contains("is not a category of this list");
        assertThat(cell(errors, 2)).isEqualTo("5 C 金额或面积 / Amount");
        assertThat(errors.get(2).get("rule").asText()).contains("must not be negative");
        assertThat(cell(errors, 3)).isEqualTo("6 C 金额或面积 / Amount");
        assertThat(cell(errors, 4)).isEqualTo("7 D 说明 / Detail");
        // the good first row was not stored either, and the answer quotes no ID number
        assertThat(count("crosscheck_snapshot")).isEqualTo(snapshots);
        assertThat(count("crosscheck_record")).isEqualTo(records);
        assertThat(answer.getBody().toString()).doesNotContain(good).doesNotContain(badCheck);

        ResponseEntity<JsonNode> missing = upload(COUNTY_OFFICE, HEADER + good + ",CAR,1,\n", "SHIPS", "");
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missing.getBody().get("errors").fieldNames()).toIterable().contains("kind", "asOf");
        ResponseEntity<JsonNode> header = upload(COUNTY_OFFICE, "ID,Kind,Amount,Detail\n" + good + ",CAR,1,\n",
                "VEHICLE", null);
        assertThat(header.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(cell(header.getBody().get("errors"), 0)).isEqualTo("1 A 身份证号 / ID number");
        assertThat(count("crosscheck_snapshot")).isEqualTo(snapshots);
    }

    @Test
    void applicantsAreMatchedByExactIdAndTheTownshipResolvesEachHitBeforeItMayApprove() throws Exception {
        var formA = Applications.eligible(VILLAGE, SEED.getAndIncrement());
        var formB = Applications.eligible(VILLAGE, SEED.getAndIncrement());
        String carOwner = formA.members().get(1).idNumber();
        String otherCarOwner = formB.members().get(0).idNumber();
        String motorcycle = formA.members().get(2).idNumber();
        // A's head's ID number with another county's six digits: a valid number, not the same person, not a hit
        String head = formA.members().get(0).idNumber();
        String near = withCheck("654225" + head.substring(6, 17));
        ResponseEntity<JsonNode> loaded = upload(COUNTY_OFFICE, HEADER
                + carOwner + ",小型汽车 / Car,120000,新G·A1234\n"
                + carOwner + ",CAR,60000,新G·B5678\n"
                + otherCarOwner + ",TRUCK,80000,\n"
                + motorcycle + ",MOTORCYCLE,6000,\n"
                + near + ",CAR,200000,\n", "VEHICLE", null);
        assertThat(loaded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(loaded.getBody().get("rows").asInt()).isEqualTo(5);

        String a = applyOverRest(formA);
        String b = applyOverRest(formB);
        long householdA = households.get(a).getId();
        long householdB = households.get(b).getId();

        // matched when the case started: one hit per person and snapshot (the dearer car), each in its own household
        List<Hit> hitsA = hits.of(householdA, false);
        assertThat(hitsA).singleElement().satisfies(hit -> {
            assertThat(hit.idNumber()).isEqualTo(carOwner);
            assertThat(hit.rule()).isEqualTo("NEGATIVE_CAR");
            assertThat(hit.amount()).isEqualByComparingTo("120000");
            assertThat(hit.status()).isEqualTo(Hit.Status.OPEN);
            assertThat(hit.origin()).isEqualTo(Hit.Origin.IDENTIFICATION);
        });
        assertThat(hits.of(householdB, false)).singleElement()
                .satisfies(hit -> assertThat(hit.idNumber()).isEqualTo(otherCarOwner));

        groupAndVillageApprove(a);
        Task review = task(a, "townshipReview");
        String shown = (String) tasks.getVariableLocal(review.getId(), "crossCheckHit1");
        assertThat(shown).contains(formA.members().get(1).name()).contains("托里县公安局交警大队")
                .contains(LocalDate.now().minusDays(1).toString()).contains("120000").contains("新G·A1234")
                .doesNotContain(carOwner);
        assertThat(tasks.getVariableLocal(review.getId(), "crossCheckHit2")).isNull();

        // approving with the hit open: refused at both engine doors with the field named, nothing changes
        as(identity, TOWNSHIP, () -> tasks.claim(review.getId(), TOWNSHIP));
        HttpResponse<String> tasklist = WebappSession.login(port, TOWNSHIP, "demo").send("POST",
                "/camunda/api/engine/engine/default/task/" + review.getId() + "/submit-form", "application/json",
                "{\"variables\":{\"townshipDecision\":{\"value\":\"approve\"},\"householdVisited\":{\"value\":true}}}");
        assertThat(tasklist.statusCode()).isEqualTo(400);
        assertThat(json.readTree(tasklist.body()).get("message").asText()).contains("crossCheckOutcome1")
                .contains("unresolved");
        ResponseEntity<JsonNode> engineRest = completeOverEngineRest(review.getId(), Map.of(
                "townshipDecision", "approve", "crossCheckOutcome1", "dismiss"));
        assertThat(engineRest.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(engineRest.getBody().get("message").asText()).contains("crossCheckReason1");
        assertThat(hits.of(householdA, true)).hasSize(1);
        assertThat(task(a, "townshipReview")).isNotNull();

        // dismissed with a reason, then approved
        ResponseEntity<JsonNode> approved = completeOverEngineRest(review.getId(), Map.of("townshipDecision", "approve",
                "crossCheckOutcome1", "dismiss", "crossCheckReason1", "车辆已于2025年过户，见车管所证明 / sold in 2025"));
        assertThat(approved.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        Hit dismissed = hits.of(householdA, false).get(0);
        assertThat(dismissed.status()).isEqualTo(Hit.Status.DISMISSED);
        assertThat(dismissed.resolvedBy()).isEqualTo(TOWNSHIP);
        assertThat(dismissed.reason()).contains("sold in 2025");
        List<StatusChange> history = households.history(a);
        assertThat(history).anySatisfy(change -> {
            assertThat(change.getDecision()).isEqualTo("cross-check dismissed");
            assertThat(change.getActor()).isEqualTo(TOWNSHIP);
            assertThat(change.getReason()).contains("NEGATIVE_CAR").contains("sold in 2025").doesNotContain(carOwner);
        });

        // matched again before the county review: the dismissed hit does not come back for the same snapshot
        Task county = task(a, "countyReview");
        assertThat(hits.of(householdA, false)).hasSize(1);
        assertThat(tasks.getVariableLocal(county.getId(), "crossCheckHit1")).isNull();
        assertThat((String) tasks.getVariableLocal(county.getId(), "crossCheckHits")).contains("已排除 / Dismissed")
                .contains(TOWNSHIP);
        flows().complete(COUNTY_OFFICE, a, "countyReview", Map.of("countyDecision", "approve"));
        assertThat(households.get(a).getStatus()).isEqualTo(Status.ANNOUNCED);

        // B: a confirmed hit makes approval impossible, the township rejects
        groupAndVillageApprove(b);
        Task reviewB = task(b, "townshipReview");
        as(identity, TOWNSHIP, () -> tasks.claim(reviewB.getId(), TOWNSHIP));
        assertThatThrownBy(() -> as(identity, TOWNSHIP, () -> tasks.complete(reviewB.getId(), Map.of(
                "townshipDecision", "approve", "crossCheckOutcome1", "confirm"))))
                .hasMessageContaining("Please correct").hasMessageContaining("townshipDecision")
                .hasMessageContaining("NEGATIVE_CAR");
        assertThat(hits.of(householdB, true)).hasSize(1); // nothing of the refused completion stayed
        as(identity, TOWNSHIP, () -> tasks.complete(reviewB.getId(), Map.of("townshipDecision", "reject",
                "townshipComment", "家庭有价值8万元货车 / owns a truck worth 80,000", "crossCheckOutcome1", "confirm")));
        assertThat(hits.of(householdB, false).get(0).status()).isEqualTo(Hit.Status.CONFIRMED);
        assertThat(households.get(b).getStatus()).isEqualTo(Status.REJECTED);
    }

    @Test
    void aListReChecksTheRegisterAndAnIneligibleHouseholdLeavesItByTheCountysRecordedDecision() {
        Family owner = Projects.registeredFamily(households, assistance, VILLAGE, SEED.getAndIncrement());
        Family shop = Projects.registeredFamily(households, assistance, VILLAGE, SEED.getAndIncrement());
        ResponseEntity<JsonNode> loaded = upload(COUNTY_OFFICE, HEADER
                + owner.idNumber(0) + ",法定代表人,500000,托里县某商贸有限公司\n"
                + shop.idNumber(1) + ",个体工商户,20000,小卖部\n", "BUSINESS", null);
        // a small shop does not matter (the DMN): only the legal representative's household is re-checked
        assertThat(loaded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(loaded.getBody().get("registerHouseholdsHit").asInt()).isEqualTo(1);
        assertThat(loaded.getBody().get("recheckCasesStarted").asInt()).isEqualTo(1);
        String no = owner.household().getApplicationNo();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("crossCheck")
                .processInstanceBusinessKey(shop.household().getApplicationNo()).count()).isZero();

        // the township of the household verifies; another township does not even see the task
        assertThat(as(identity, "township.654224101", () -> tasks.createTaskQuery().processInstanceBusinessKey(no)
                .taskDefinitionKey("verifyHits").count())).isZero();
        Task verify = task(no, "verifyHits");
        assertThat((String) tasks.getVariableLocal(verify.getId(), "crossCheckHit1")).contains("工商登记")
                .contains("法定代表人");
        as(identity, TOWNSHIP, () -> tasks.claim(verify.getId(), TOWNSHIP));
        assertThatThrownBy(() -> as(identity, TOWNSHIP, () -> tasks.complete(verify.getId(), Map.of(
                "recheckFinding", "ineligible", "recheckComment", "经营企业 / runs a company"))))
                .hasMessageContaining("crossCheckOutcome1");
        as(identity, TOWNSHIP, () -> tasks.complete(verify.getId(), Map.of("recheckFinding", "ineligible",
                "recheckComment", "经营企业 / runs a company", "crossCheckOutcome1", "confirm",
                "crossCheckReason1", "营业执照在册 / licence on file")));
        assertThat(households.get(no).getStatus()).isEqualTo(Status.REGISTERED); // the county decides, not the township

        flows().complete(COUNTY_OFFICE, no, "countyRemoval", Map.of("countyRemovalDecision", "remove",
                "countyRemovalComment", "识别不精准，予以清退 / wrongly identified: removed"));
        assertThat(households.get(no).getStatus()).isEqualTo(Status.REJECTED);
        assertThat(households.history(no)).anySatisfy(change -> {
            assertThat(change.getDecision()).isEqualTo("removed: cross-check");
            assertThat(change.getActor()).isEqualTo(COUNTY_OFFICE);
        }).anySatisfy(change -> assertThat(change.getDecision()).isEqualTo("cross-check confirmed"));
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(no)
                .processDefinitionKey("crossCheck").count()).isZero();
    }

    @Test
    void listsAndHitsStayInTheirCounty() {
        Family toli = Projects.registeredFamily(households, assistance, VILLAGE, SEED.getAndIncrement());
        String person = toli.idNumber(2);
        String list = HEADER + person + ",COMMERCIAL,96,塔城市某小区\n";

        assertThat(upload("township.654224103", list, "REAL_ESTATE", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> foreign = upload(YUMIN_OFFICE, list, "REAL_ESTATE", null, COUNTY);
        assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(foreign.getBody().get("errors").get("county").asText()).contains("not your county");

        // 裕民县's own list naming a person of 托里县 matches nobody there and starts nothing
        ResponseEntity<JsonNode> yumin = upload(YUMIN_OFFICE, list, "REAL_ESTATE", null);
        assertThat(yumin.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(yumin.getBody().get("registerHouseholdsHit").asInt()).isZero();
        assertThat(hits.of(toli.household().getId(), false)).isEmpty();

        ResponseEntity<JsonNode> own = upload(COUNTY_OFFICE, list, "REAL_ESTATE", null);
        assertThat(own.getBody().get("registerHouseholdsHit").asInt()).isEqualTo(1);
        long toliSnapshot = own.getBody().get("snapshotId").asLong();
        long yuminSnapshot = yumin.getBody().get("snapshotId").asLong();

        // the snapshots: each county office its own, the auditor of 托里县 his county's, a township nothing
        assertThat(ids(get(COUNTY_OFFICE, "/api/crosscheck/snapshots"))).contains(toliSnapshot).doesNotContain(yuminSnapshot);
        assertThat(ids(get(YUMIN_OFFICE, "/api/crosscheck/snapshots"))).contains(yuminSnapshot).doesNotContain(toliSnapshot);
        assertThat(ids(get("auditor.654224", "/api/crosscheck/snapshots"))).contains(toliSnapshot).doesNotContain(yuminSnapshot);
        assertThat(rest.withBasicAuth(TOWNSHIP, "demo").getForEntity("/api/crosscheck/snapshots", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        // a household's hits: its county office and auditor, in full; nobody of another county, no township
        String no = toli.household().getApplicationNo();
        JsonNode ownHits = get(COUNTY_OFFICE, "/api/crosscheck/hits?household=" + no);
        assertThat(ownHits).singleElement().satisfies(h -> {
            assertThat(h.get("idNumber").asText()).isEqualTo(person);
            assertThat(h.get("rule").asText()).isEqualTo("NEGATIVE_COMMERCIAL_HOUSING");
        });
        assertThat(get("auditor.654224", "/api/crosscheck/hits?household=" + no)).hasSize(1);
        for (String outsider : List.of(YUMIN_OFFICE, TOWNSHIP, "clerk." + VILLAGE)) {
            assertThat(rest.withBasicAuth(outsider, "demo").getForEntity("/api/crosscheck/hits?household=" + no,
                    String.class).getStatusCode()).as(outsider).isEqualTo(HttpStatus.FORBIDDEN);
        }

        // a newer list of the kind replaces the older for matching: its open hit is superseded, none new for her
        ResponseEntity<JsonNode> newer = upload(COUNTY_OFFICE, HEADER + toli.idNumber(0) + ",SELF_BUILT,120,\n",
                "REAL_ESTATE", null);
        assertThat(newer.getBody().get("replacedSnapshots").asInt()).isEqualTo(1);
        assertThat(hits.of(toli.household().getId(), false)).isEmpty();
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private String applyOverRest(org.precisionaid.registry.ApplicationForm form) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> applied = rest.withBasicAuth("clerk." + VILLAGE, "demo")
                .postForEntity("/api/households", new HttpEntity<>(form, headers), JsonNode.class);
        assertThat(applied.getStatusCode().value()).as("%s", applied.getBody()).isEqualTo(201);
        return applied.getBody().get("applicationNo").asText();
    }

    private void groupAndVillageApprove(String applicationNo) {
        flows().complete("clerk." + VILLAGE, applicationNo, "groupEvaluation", Map.of("meetingDate", new java.util.Date(),
                "attendees", 30L, "votesFor", 25L, "groupMinutes", "第一村民小组会议 / group meeting"));
        flows().complete("village." + VILLAGE, applicationNo, "villageReview",
                Map.of("villageDecision", "approve", "villageNoticeDate", new java.util.Date()));
    }

    private Task task(String businessKey, String key) {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(key).singleResult();
        assertThat(task).as(key + " of " + businessKey).isNotNull();
        return task;
    }

    private ResponseEntity<JsonNode> completeOverEngineRest(String taskId, Map<String, Object> values) {
        var variables = json.createObjectNode();
        values.forEach((name, value) -> variables.set(name, json.createObjectNode().set("value", json.valueToTree(value))));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(TOWNSHIP, "demo").postForEntity("/engine-rest/task/" + taskId + "/complete",
                new HttpEntity<>(json.createObjectNode().set("variables", variables).toString(), headers), JsonNode.class);
    }

    private ResponseEntity<JsonNode> upload(String user, String csv, String kind, String asOf) {
        return upload(user, csv, kind, asOf, null);
    }

    private ResponseEntity<JsonNode> upload(String user, String csv, String kind, String asOf, String county) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "list.csv";
            }
        });
        parts.add("kind", kind);
        parts.add("department", "托里县公安局交警大队");
        parts.add("asOf", asOf == null ? LocalDate.now().minusDays(1).toString() : asOf);
        if (county != null) {
            parts.add("county", county);
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.withBasicAuth(user, "demo").postForEntity("/api/crosscheck/snapshots", new HttpEntity<>(parts, headers),
                JsonNode.class);
    }

    private JsonNode get(String user, String path) {
        ResponseEntity<JsonNode> answer = rest.withBasicAuth(user, "demo").getForEntity(path, JsonNode.class);
        assertThat(answer.getStatusCode()).as(user + " " + path).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private static List<Long> ids(JsonNode snapshots) {
        List<Long> ids = new java.util.ArrayList<>();
        snapshots.forEach(s -> ids.add(s.get("id").asLong()));
        return ids;
    }

    private static String withCheck(String first17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    private static String cell(JsonNode errors, int i) {
        JsonNode e = errors.get(i);
        return e.get("row").asInt() + " " + e.get("column").asText() + " " + e.get("header").asText();
    }

    private int count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Integer.class);
    }
}
