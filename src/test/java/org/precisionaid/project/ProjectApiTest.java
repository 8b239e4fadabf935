package org.precisionaid.project;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.precisionaid.registry.Household;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.support.Applications;
import org.precisionaid.support.IntegrationTest;
import org.precisionaid.support.Officials;
import org.precisionaid.support.Projects;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** /api/projects and the public disclosure /public/projects: happy paths, bad input, region scoping. */
@IntegrationTest
class ProjectApiTest {

    static final String CLERK = "clerk.654224101201";

    @Autowired TestRestTemplate rest;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired ManagementService management;
    @Autowired HouseholdService households;
    @Autowired
    org.precisionaid.assistance.AssistanceService assistance;
    @Autowired ProjectRepository repository;

    private ResponseEntity<JsonNode> post(String user, Object body) {
        return rest.withBasicAuth(user, "demo").postForEntity("/api/projects", entity(body), JsonNode.class);
    }

    private static HttpEntity<Object> entity(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private List<String> registered(int count) {
        return Projects.registered(households, assistance, Projects.VILLAGE, count);
    }

    @Test
    void theClerkAppliesAndSeesBudgetLedgerAndBeneficiaries() {
        List<String> beneficiaries = registered(2);
        ResponseEntity<JsonNode> response = post(CLERK, Projects.sheep(Projects.VILLAGE, beneficiaries));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String projectNo = response.getBody().get("projectNo").asText();
        assertThat(response.getHeaders().getLocation().toString()).endsWith("/api/projects/" + projectNo);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(projectNo).count()).isEqualTo(1);

        JsonNode project = rest.withBasicAuth("agriculture.654224", "demo").getForObject("/api/projects/" + projectNo,
                JsonNode.class);
        assertThat(project.get("total").decimalValue()).isEqualByComparingTo("120000");
        assertThat(project.get("budget")).hasSize(2);
        assertThat(project.get("budget").get(0).get("allocated").decimalValue()).isZero();
        assertThat(project.get("ledger")).isEmpty();
        assertThat(project.get("beneficiaries")).hasSize(2);
        assertThat(project.get("beneficiaries").get(0).get("headIdNumber").asText()).contains("********");
        assertThat(project.get("outputs").get(0).get("unit").asText()).isEqualTo("只 / head");
    }

    @Test
    void anotherCountyNeitherSeesNorFindsTheProject() {
        String projectNo = post(CLERK, Projects.sheep(Projects.VILLAGE, registered(1))).getBody().get("projectNo").asText();
        ResponseEntity<JsonNode> other = rest.withBasicAuth("county.654225", "demo")
                .getForEntity("/api/projects/" + projectNo, JsonNode.class);
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        JsonNode list = rest.withBasicAuth("county.654225", "demo").getForObject("/api/projects?region=654224000000",
                JsonNode.class);
        assertThat(list).isEmpty();
        JsonNode own = rest.withBasicAuth("township.654224101", "demo")
                .getForObject("/api/projects?status=APPLIED&type=INDUSTRY", JsonNode.class);
        assertThat(own).anySatisfy(p -> assertThat(p.get("projectNo").asText()).isEqualTo(projectNo));
    }

    @Test
    void onlyTheApplicantOfTheRegionMayApply() {
        ResponseEntity<JsonNode> response = post("township.654224101", Projects.sheep(Projects.VILLAGE, registered(1)));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(response.getBody().get("errors").get("regionCode").asText()).contains("clerk-654224101201");
    }

    // ---- bad input: a problem detail naming field and rule, and nothing written

    private JsonNode refused(ProjectForm form) {
        long before = repository.count();
        ResponseEntity<JsonNode> response = post(CLERK, form);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(response.getHeaders().getContentType())).isTrue();
        assertThat(repository.count()).as("nothing written").isEqualTo(before);
        return response.getBody().get("errors");
    }

    @Test
    void anUnregisteredBeneficiaryIsRefused() {
        Household applied = households.submit(Applications.eligible(Projects.VILLAGE), "test");
        JsonNode errors = refused(Projects.sheep(Projects.VILLAGE, List.of(applied.getApplicationNo())));
        assertThat(errors.get("beneficiaries[0].applicationNo").asText()).contains("APPLIED")
                .contains("only registered");
        assertThat(refused(Projects.sheep(Projects.VILLAGE, List.of("SQ-2026-000000000000-000000")))
                .get("beneficiaries[0].applicationNo").asText()).contains("no household");
    }

    @Test
    void aBeneficiaryOfAnotherCountyIsRefused() {
        String yumin = Projects.registered(households, assistance, Projects.OTHER_COUNTY_VILLAGE).getApplicationNo();
        JsonNode errors = refused(Projects.sheep(Projects.VILLAGE, List.of(registered(1).get(0), yumin)));
        assertThat(errors.get("beneficiaries[1].applicationNo").asText()).contains("another county (654225)");
    }

    @Test
    void budgetLinesThatDoNotSumToTheTotalAreRefused() {
        ProjectForm form = Projects.form(Projects.VILLAGE, "INDUSTRY", new BigDecimal("120000"), List.of(
                new ProjectForm.BudgetLineForm("CENTRAL", new BigDecimal("80000")),
                new ProjectForm.BudgetLineForm("COUNTY", new BigDecimal("39999.99"))), registered(1), null);
        assertThat(refused(form).get("budgetLines").asText()).contains("119,999.99").contains("not to the total 120,000.00");
    }

    @Test
    void moreThanTheCountysAvailableFundsIsRefused() {
        ProjectForm form = Projects.form(Projects.VILLAGE, "INDUSTRY", new BigDecimal("1000001"), List.of(
                new ProjectForm.BudgetLineForm("DONATION", new BigDecimal("1000001"))), registered(1), null);
        assertThat(refused(form).get("budgetLines[0].amount").asText()).contains("exceeds the available funds");
    }

    @Test
    void microCreditAbove50000YuanPerHouseholdIsRefused() {
        List<String> two = registered(2);
        ProjectForm form = Projects.form(Projects.VILLAGE, "MICRO_CREDIT", new BigDecimal("100000.02"), List.of(
                new ProjectForm.BudgetLineForm("MICRO_CREDIT", new BigDecimal("100000.02"))), two,
                new BigDecimal("50000.01"));
        JsonNode errors = refused(form);
        assertThat(errors.get("beneficiaries[0].amount").asText()).contains("at most 50,000 yuan per household");
        assertThat(errors.get("beneficiaries[1].amount").asText()).contains("50,000");
        ProjectForm ok = Projects.form(Projects.VILLAGE, "MICRO_CREDIT", new BigDecimal("100000"), List.of(
                new ProjectForm.BudgetLineForm("MICRO_CREDIT", new BigDecimal("100000"))), two, new BigDecimal("50000"));
        assertThat(post(CLERK, ok).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void negativeAmountsAreRefused() {
        ProjectForm form = Projects.form(Projects.VILLAGE, "INDUSTRY", new BigDecimal("-100"), List.of(
                new ProjectForm.BudgetLineForm("CENTRAL", new BigDecimal("-100"))), registered(1), null);
        JsonNode errors = refused(form);
        assertThat(errors.get("total").asText()).contains("must be positive");
        assertThat(errors.get("budgetLines[0].amount").asText()).contains("must be positive");
    }

    @Test
    void anUnknownTypeOrFundSourceIsRefused() {
        ProjectForm form = Projects.form(Projects.VILLAGE, "CASINO", new BigDecimal("1000"), List.of(
                new ProjectForm.BudgetLineForm("LOTTERY", new BigDecimal("1000"))), registered(1), null);
        JsonNode errors = refused(form);
        assertThat(errors.get("type").asText()).contains("'CASINO' is not a project type");
        assertThat(errors.get("budgetLines[0].fundSource").asText()).contains("'LOTTERY' is not a fund source");
    }

    @Test
    void aBadFilterIsAProblemToo() {
        ResponseEntity<JsonNode> response = rest.withBasicAuth(CLERK, "demo")
                .getForEntity("/api/projects?status=DREAMING", JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("errors").get("status").asText()).contains("DREAMING");
    }

    @Test
    void theCountysFundsShowAvailableCommittedAndRemaining() {
        JsonNode funds = rest.withBasicAuth("finance.654224", "demo")
                .getForObject("/api/funds?county=654224000000&year=2026", JsonNode.class);
        assertThat(funds).hasSize(7);
        JsonNode central = funds.get(0);
        assertThat(central.get("fundSource").asText()).isEqualTo("CENTRAL");
        assertThat(central.get("available").decimalValue()).isEqualByComparingTo("20000000");
        assertThat(central.get("remaining").decimalValue().add(central.get("committed").decimalValue()))
                .isEqualByComparingTo(central.get("available").decimalValue());
        assertThat(rest.withBasicAuth("finance.654225", "demo")
                .getForEntity("/api/funds?county=654224000000&year=2026", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    // ---- the household's projects

    @Test
    void theHouseholdListsTheProjectsThatBenefitIt() {
        List<String> beneficiaries = registered(1);
        String projectNo = post(CLERK, Projects.sheep(Projects.VILLAGE, beneficiaries)).getBody().get("projectNo").asText();
        JsonNode household = rest.withBasicAuth(CLERK, "demo").getForObject("/api/households/" + beneficiaries.get(0),
                JsonNode.class);
        assertThat(household.get("projects")).anySatisfy(p -> {
            assertThat(p.get("projectNo").asText()).isEqualTo(projectNo);
            assertThat(p.get("benefit").asText()).isEqualTo("母羊5只 / 5 ewes");
        });
    }

    // ---- public disclosure, without login

    @Test
    void thePublicDisclosureShowsFundsAndHouseholdsPerVillageButNoIdsOrPhones() {
        List<String> beneficiaries = registered(3);
        String projectNo = post(CLERK, Projects.sheep(Projects.VILLAGE, beneficiaries)).getBody().get("projectNo").asText();
        JsonNode before = rest.getForObject("/public/projects?region=" + Projects.VILLAGE, JsonNode.class);
        assertThat(before.get("projects")).as("not published before approval")
                .noneSatisfy(p -> assertThat(p.get("projectNo").asText()).isEqualTo(projectNo));

        approveToDisclosure(projectNo);
        ResponseEntity<String> raw = rest.getForEntity("/public/projects?region=654224000000", String.class);
        assertThat(raw.getStatusCode()).isEqualTo(HttpStatus.OK);
        for (String applicationNo : beneficiaries) {
            var household = households.view(applicationNo);
            String idNumber = household.members().get(0).idNumber();
            assertThat(raw.getBody()).doesNotContain(idNumber).doesNotContain(idNumber.substring(0, 10))
                    .doesNotContain(household.phone());
        }
        JsonNode published = rest.getForObject("/public/projects?region=" + Projects.VILLAGE, JsonNode.class);
        JsonNode project = null;
        for (JsonNode p : published.get("projects")) {
            if (p.get("projectNo").asText().equals(projectNo)) {
                project = p;
            }
        }
        assertThat(project).isNotNull();
        assertThat(project.get("stage").asText()).isEqualTo("DISCLOSED");
        assertThat(project.get("takesObjections").asBoolean()).isTrue();
        assertThat(project.get("funds")).hasSize(2);
        assertThat(project.get("allocated").decimalValue()).isZero();
        assertThat(project.get("beneficiaries").get(0).get("village").asText()).isEqualTo("阿勒帕萨勒干村 / Alepasalegan Village");
        assertThat(project.get("beneficiaries").get(0).get("households").asInt()).isEqualTo(3);

        ResponseEntity<JsonNode> receipt = rest.postForEntity("/public/project-objections", entity(java.util.Map.of(
                "projectNo", projectNo, "reason", "实施单位没有养殖经验，请核实", "contact", "")), JsonNode.class);
        assertThat(receipt.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Task answer = Officials.as(identity, "county.654224", () -> tasks.createTaskQuery()
                .processInstanceBusinessKey(projectNo).taskDefinitionKey("answerObjection").singleResult());
        assertThat(answer).isNotNull();
        assertThat(tasks.getVariableLocal(answer.getId(), "objectionText")).isEqualTo("实施单位没有养殖经验，请核实");
    }

    @Test
    void anObjectionToAProjectNotUnderDisclosureIsRefused() {
        String projectNo = post(CLERK, Projects.sheep(Projects.VILLAGE, registered(1))).getBody().get("projectNo").asText();
        ResponseEntity<JsonNode> refused = rest.postForEntity("/public/project-objections", entity(java.util.Map.of(
                "projectNo", projectNo, "reason", "这个项目不应该立项，理由如下")), JsonNode.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().get("detail").asText()).contains("not under public notice");
        ResponseEntity<JsonNode> bad = rest.postForEntity("/public/project-objections", entity(java.util.Map.of(
                "projectNo", projectNo, "reason", "短")), JsonNode.class);
        assertThat(bad.getBody().get("errors").get("reason").asText()).contains("at least 10 characters");
    }

    @Test
    void thePublicPageIsServedWithoutLoginAndAStateRegionIsRefused() {
        ResponseEntity<String> page = rest.getForEntity("/public/projects.html", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("扶贫项目资金公示 / Public disclosure of poverty-alleviation projects");
        ResponseEntity<JsonNode> city = rest.getForEntity("/public/projects?region=654200000000", JsonNode.class);
        assertThat(city.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(city.getBody().get("errors").get("region").asText()).contains("not a county, township or village");
    }

    private void approveToDisclosure(String projectNo) {
        complete("township.654224101", projectNo, "townshipDecision");
        complete("county.654224", projectNo, "countyDecision");
        complete("agriculture.654224", projectNo, "leadUnitDecision");
        complete("county.654224", projectNo, "approvalDecision");
    }

    private void complete(String official, String projectNo, String field) {
        Officials.as(identity, official, () -> {
            Task task = tasks.createTaskQuery().processInstanceBusinessKey(projectNo).singleResult();
            tasks.claim(task.getId(), official);
            tasks.complete(task.getId(), java.util.Map.of(field, "approve"));
        });
    }

}
