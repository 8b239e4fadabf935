package org.precisionaid.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.precisionaid.support.Officials.as;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.precisionaid.support.WebappSession;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.precisionaid.security.engine.ServerChosenValues;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The count beside 本组待办 / My group's tasks (whose SQL {@link TaskListGrantLookups} reshapes, ADR 0031) counts
 * exactly what the official may list: his township's tasks, not a neighbour's, and not a task whose READ was
 * revoked from him — on PostgreSQL (reshaped SQL) and on H2 (the engine's), through the Java API, /engine-rest and
 * the webapps' API (Tasklist's).
 */
abstract class TaskCountAuthorization {

    static final String OWN_TOWNSHIP = "township.654224102";
    static final String OWN_VILLAGE = "654224102203";
    static final String OTHER_VILLAGE = "654224101203";

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    FilterService filters;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    TestRestTemplate rest;
    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theCountIsWhatTheOfficialMayListNoMore() {
        String filterId = filters.createFilterQuery().filterName(TasklistFilters.GROUP_TASKS).singleResult().getId();
        List<String> own = List.of(open(OWN_VILLAGE), open(OWN_VILLAGE), open(OWN_VILLAGE));
        String neighbours = open(OTHER_VILLAGE);
        long before = as(identity, OWN_TOWNSHIP, () -> filters.count(filterId));

        // a READ revoked from him on one of his group's tasks (we write none today; the check must still honour it)
        String revoked = taskOf(own.get(0));
        Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
        revoke.setUserId(OWN_TOWNSHIP);
        revoke.setResource(Resources.TASK);
        revoke.setResourceId(revoked);
        revoke.removePermission(Permissions.READ);
        authorizations.saveAuthorization(revoke);
        try {
            List<String> listed = as(identity, OWN_TOWNSHIP,
                    () -> filters.<Task>listPage(filterId, 0, 2000).stream().map(Task::getId).toList());
            long counted = as(identity, OWN_TOWNSHIP, () -> filters.count(filterId));

            assertThat(counted).isEqualTo(listed.size()).isEqualTo(before - 1);
            assertThat(listed).contains(taskOf(own.get(1)), taskOf(own.get(2)))
                    .doesNotContain(revoked, taskOf(neighbours));
            // Tasklist asks through the webapps' API, other clients through /engine-rest: the same answer at both
            for (String door : doors()) {
                JsonNode count = through(door, "/filter/" + filterId + "/count");
                JsonNode page = through(door, "/filter/" + filterId + "/list?firstResult=0&maxResults=2000");
                assertThat(count.path("count").asLong()).as(door).isEqualTo(counted);
                List<String> pageIds = new java.util.ArrayList<>();
                page.forEach(task -> pageIds.add(task.path("id").asText()));
                assertThat(pageIds).as(door).containsExactlyInAnyOrderElementsOf(listed);
            }
        } finally {
            authorizations.deleteAuthorization(revoke.getId());
        }
        assertThat(as(identity, OWN_TOWNSHIP, () -> filters.count(filterId))).isEqualTo(before);
    }

    /** /engine-rest and the webapps' API, each for this context's engine (the PostgreSQL tests' has a name). */
    List<String> doors() {
        return List.of("/engine-rest/engine/" + engine.getName(), "/camunda/api/engine/engine/" + engine.getName());
    }

    /** The township official's POST of an empty query to {@code path} through one of the two engine APIs. */
    JsonNode through(String door, String path) {
        try {
            if (door.startsWith("/engine-rest")) {
                HttpHeaders headers = new HttpHeaders();
                headers.setContentType(MediaType.APPLICATION_JSON);
                ResponseEntity<String> answer = rest.withBasicAuth(OWN_TOWNSHIP, "demo")
                        .postForEntity(door + path, new HttpEntity<>("{}", headers), String.class);
                assertThat(answer.getStatusCode().value()).as(door + path).isEqualTo(200);
                return json.readTree(answer.getBody());
            }
            var answer = WebappSession.login(port, engine.getName(), OWN_TOWNSHIP, "demo", "tasklist")
                    .postJson(door + path, "{}");
            assertThat(answer.statusCode()).as(door + path).isEqualTo(200);
            return json.readTree(answer.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    String open(String village) {
        String businessKey = "COUNT-" + UUID.randomUUID();
        ServerChosenValues.apply(() -> as(identity, "clerk." + village, () -> runtime.startProcessInstanceByKey(
                "regionTestCase", businessKey, Map.of("regionCode", village))));
        return businessKey;
    }

    String taskOf(String businessKey) {
        return tasks.createTaskQuery().processInstanceBusinessKey(businessKey).singleResult().getId();
    }
}
