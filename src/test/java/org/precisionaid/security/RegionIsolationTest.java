package org.precisionaid.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.precisionaid.support.Officials.as;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.precisionaid.security.engine.ServerChosenValues;
import org.precisionaid.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A case of Alepasalegan village (阿勒帕萨勒干村) (铁厂沟镇 Tiechanggou town, 654224101) belongs to Tiechanggou's reviewers only:
 * Toli town's (654224100) reviewer neither sees nor claims it, through the Java API or through REST.
 */
@IntegrationTest
class RegionIsolationTest {

    static final String VILLAGE = "654224101201";
    static final String CLERK = "clerk.654224101201";
    static final String OWN_TOWNSHIP = "township.654224101";
    static final String OTHER_TOWNSHIP = "township.654224100";

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    HistoryService history;
    @Autowired
    TestRestTemplate rest;

    ProcessInstance instance;
    String businessKey;

    @BeforeEach
    void clerkOpensACase() {
        businessKey = "TEST-" + UUID.randomUUID();
        // a case our /api starts for the clerk: the server chose its number and region (ADR 0017)
        instance = ServerChosenValues.apply(() -> as(identity, CLERK, () -> runtime.startProcessInstanceByKey(
                "regionTestCase", businessKey, Map.of("regionCode", VILLAGE))));
    }

    @Test
    void javaApi_onlyTheOwnTownshipSeesAndClaimsTheTask() {
        assertThat(as(identity, OTHER_TOWNSHIP, () -> taskOfCase())).isNull();
        Task task = as(identity, OWN_TOWNSHIP, () -> taskOfCase());
        assertThat(task).isNotNull();
        assertThat(task.getName()).isEqualTo("乡镇核查 / Township check");

        assertThatThrownBy(() -> as(identity, OTHER_TOWNSHIP, () -> tasks.claim(task.getId(), OTHER_TOWNSHIP)))
                .isInstanceOf(AuthorizationException.class);
        as(identity, OWN_TOWNSHIP, () -> tasks.claim(task.getId(), OWN_TOWNSHIP));
        as(identity, OWN_TOWNSHIP, () -> tasks.complete(task.getId()));
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
                .getState()).isEqualTo("COMPLETED");

        // the finished case's history stays readable for the county auditor, and only for him
        String historyQuery = "/engine-rest/history/process-instance?maxResults=50&processInstanceBusinessKey=" + businessKey;
        JsonNode finished = rest.withBasicAuth("auditor.654224", "demo").getForObject(historyQuery, JsonNode.class);
        assertThat(finished).hasSize(1);
        assertThat(finished.get(0).get("state").asText()).isEqualTo("COMPLETED");
        assertThat(finished.get(0).get("startActivityId").asText()).isEqualTo("caseOpened");
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
                .getEndActivityId()).isEqualTo("caseClosed");
        assertThat(rest.withBasicAuth("auditor.654224", "demo").getForObject("/engine-rest/history/task"
                + "?maxResults=50&processInstanceId=" + instance.getId(), JsonNode.class))
                .extracting(t -> t.get("taskDefinitionKey").asText() + " " + t.get("assignee").asText())
                .containsExactly("townshipCheck " + OWN_TOWNSHIP);
        assertThat(rest.withBasicAuth("auditor.654225", "demo").getForObject(historyQuery, JsonNode.class)).isEmpty();
    }

    @Test
    void rest_onlyTheOwnTownshipSeesAndClaimsTheTask() {
        String query = "/engine-rest/task?maxResults=50&processInstanceBusinessKey=" + businessKey;
        JsonNode othersView = rest.withBasicAuth(OTHER_TOWNSHIP, "demo").getForObject(query, JsonNode.class);
        assertThat(othersView).isEmpty();
        JsonNode ownView = rest.withBasicAuth(OWN_TOWNSHIP, "demo").getForObject(query, JsonNode.class);
        assertThat(ownView).hasSize(1);
        String taskId = ownView.get(0).get("id").asText();

        ResponseEntity<String> othersClaim = rest.withBasicAuth(OTHER_TOWNSHIP, "demo").postForEntity(
                "/engine-rest/task/" + taskId + "/claim", json(Map.of("userId", OTHER_TOWNSHIP)), String.class);
        assertThat(othersClaim.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> ownClaim = rest.withBasicAuth(OWN_TOWNSHIP, "demo").postForEntity(
                "/engine-rest/task/" + taskId + "/claim", json(Map.of("userId", OWN_TOWNSHIP)), String.class);
        assertThat(ownClaim.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo(OWN_TOWNSHIP);
    }

    @Test
    void auditorsReadTheHistoryOfTheirRegionOnlyAndChangeNothing() {
        String historyQuery = "/engine-rest/history/process-instance?maxResults=50&processInstanceBusinessKey=" + businessKey;
        assertThat(rest.withBasicAuth("auditor.654224", "demo").getForObject(historyQuery, JsonNode.class)).hasSize(1);
        assertThat(rest.withBasicAuth("auditor.6542", "demo").getForObject(historyQuery, JsonNode.class)).hasSize(1);
        assertThat(rest.withBasicAuth("auditor.654225", "demo").getForObject(historyQuery, JsonNode.class)).isEmpty();

        ResponseEntity<String> delete = rest.withBasicAuth("auditor.654224", "demo").exchange(
                "/engine-rest/process-instance/" + instance.getId(), HttpMethod.DELETE, null, String.class);
        assertThat(delete.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThatThrownBy(() -> as(identity, "auditor.654224",
                () -> runtime.setVariable(instance.getId(), "regionCode", "654225101205")))
                .isInstanceOf(AuthorizationException.class);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);
    }

    @Test
    void aClerkCannotOpenCasesOfProcessesHeMayNotStart() {
        assertThat(as(identity, CLERK, () -> runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey).count())).isZero();
        assertThatThrownBy(() -> as(identity, OWN_TOWNSHIP, () -> runtime.startProcessInstanceByKey("regionTestCase",
                Map.of("regionCode", VILLAGE)))).isInstanceOf(AuthorizationException.class);
    }

    private Task taskOfCase() {
        return tasks.createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();
    }

    private static HttpEntity<Map<String, String>> json(Map<String, String> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
