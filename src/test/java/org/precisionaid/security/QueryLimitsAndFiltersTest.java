package org.precisionaid.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.Test;
import org.precisionaid.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Threats: one request that reads a whole table, an official who rewrites the shared task lists, and someone who
 * makes himself administrator through Camunda's first-run page or by emptying camunda-admin.
 */
@IntegrationTest
class QueryLimitsAndFiltersTest {

    static final String TOWNSHIP = "township.654224101";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    FilterService filters;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;

    @Test
    void aPageLargerThanTheLimitIsRefusedClearly() {
        ResponseEntity<JsonNode> huge = rest.withBasicAuth(TOWNSHIP, "demo")
                .getForEntity("/engine-rest/task?maxResults=100000", JsonNode.class);
        assertThat(huge.getStatusCode().value()).isEqualTo(400);
        assertThat(huge.getBody().get("message").asText()).contains("2000");
        assertThat(rest.withBasicAuth(TOWNSHIP, "demo").getForEntity("/engine-rest/task?maxResults=2000", String.class)
                .getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void theSharedFiltersStillListTheOfficialsWorkAsTasklistAsksForIt() {
        ResponseEntity<JsonNode> page = post(TOWNSHIP, "/engine-rest/filter/" + filterId(TasklistFilters.GROUP_TASKS)
                + "/list?firstResult=0&maxResults=15", "{\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]}");
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody().isArray()).isTrue();
        ResponseEntity<JsonNode> count = post(TOWNSHIP, "/engine-rest/filter/" + filterId(TasklistFilters.MY_TASKS)
                + "/count", "{}");
        assertThat(count.getBody().get("count").asLong()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void noOfficialCreatesOrChangesAFilter() {
        ResponseEntity<JsonNode> create = post(TOWNSHIP, "/engine-rest/filter/create",
                "{\"resourceType\":\"Task\",\"name\":\"全部 / everything\",\"query\":{}}");
        assertThat(create.getStatusCode().value()).isEqualTo(403);
        HttpHeaders headers = jsonHeaders();
        ResponseEntity<String> change = rest.withBasicAuth(TOWNSHIP, "demo").exchange(
                "/engine-rest/filter/" + filterId(TasklistFilters.GROUP_TASKS), HttpMethod.PUT,
                new HttpEntity<>("{\"resourceType\":\"Task\",\"name\":\"changed\",\"query\":{}}", headers), String.class);
        assertThat(change.getStatusCode().value()).isEqualTo(403);
        assertThat(filters.getFilter(filterId(TasklistFilters.GROUP_TASKS)).getName()).isEqualTo(TasklistFilters.GROUP_TASKS);
    }

    @Test
    void aSavedFilterMayUseOnlyTheCurrentUserFunctions() {
        ResponseEntity<JsonNode> overRest = post("admin", "/engine-rest/filter/create",
                "{\"resourceType\":\"Task\",\"name\":\"bad\",\"query\":{\"assigneeExpression\":\"${'a'.concat('b')}\"}}");
        assertThat(overRest.getStatusCode().value()).isEqualTo(400);
        assertThat(overRest.getBody().get("errors").has("query.assigneeExpression")).isTrue();

        Filter javaApi = filters.newTaskFilter("bad too").setQuery(tasks.createTaskQuery().or()
                .taskCandidateGroupExpression("${'township'.concat('-654224101')}").endOr());
        assertThatThrownBy(() -> filters.saveFilter(javaApi)).isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("query.orQueries[0].candidateGroupExpression");

        ResponseEntity<JsonNode> allowed = post("admin", "/engine-rest/filter/create",
                "{\"resourceType\":\"Task\",\"name\":\"由我办理 / assigned to me\",\"query\":{\"assigneeExpression\":\"${currentUser()}\"}}");
        assertThat(allowed.getStatusCode().value()).isEqualTo(200);
        filters.deleteFilter(allowed.getBody().get("id").asText());
    }

    @Test
    void camundasFirstRunSetupPageIsClosedAndTheLastAdministratorStays() {
        ResponseEntity<String> setup = rest.postForEntity("/camunda/api/admin/setup/default/user/create",
                new HttpEntity<>("{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"Intruder-2026-pw\"}}",
                        jsonHeaders()), String.class);
        assertThat(setup.getStatusCode().value()).isEqualTo(403);
        assertThat(identity.createUserQuery().userId("intruder").count()).isZero();

        assertThat(identity.createUserQuery().userId("admin").memberOfGroup(Groups.CAMUNDA_ADMIN).count()).isEqualTo(1);
        assertThat(identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count()).isEqualTo(1);
        assertThatThrownBy(() -> identity.deleteMembership("admin", Groups.CAMUNDA_ADMIN))
                .hasMessageContaining("last administrator");
        assertThatThrownBy(() -> identity.deleteUser("admin")).hasMessageContaining("last administrator");
        assertThatThrownBy(() -> identity.deleteGroup(Groups.CAMUNDA_ADMIN)).hasMessageContaining("cannot be deleted");
        ResponseEntity<String> overRest = rest.withBasicAuth("admin", "test-admin-password").exchange(
                "/engine-rest/group/camunda-admin/members/admin", HttpMethod.DELETE, null, String.class);
        assertThat(overRest.getStatusCode().value()).isEqualTo(400);
        assertThat(identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count()).isEqualTo(1);
    }

    private String filterId(String name) {
        return filters.createFilterQuery().filterName(name).singleResult().getId();
    }

    private ResponseEntity<JsonNode> post(String user, String path, String body) {
        String password = "admin".equals(user) ? "test-admin-password" : "demo";
        return rest.withBasicAuth(user, password).postForEntity(path, new HttpEntity<>(body, jsonHeaders()), JsonNode.class);
    }

    private static HttpHeaders jsonHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }
}
