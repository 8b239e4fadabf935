package org.precisionaid.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.camunda.bpm.engine.FilterService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.precisionaid.support.IntegrationTest;
import org.precisionaid.support.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Threat: a logged-in official makes the server run code by putting an expression into a task query
 * (CVE-2026-109432: expressions inside {@code orQueries} were evaluated). Every path that takes a query gets the
 * expression that would create a file; each must answer 400 naming the field, and the file must never appear.
 */
@IntegrationTest
class CodeExecutionThroughQueriesTest {

    static final String CLERK = "clerk.654224101201";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    FilterService filters;
    @Autowired
    ObjectMapper json;
    @LocalServerPort
    int port;

    /** The expression of the report: runs {@code touch <marker>} on the server when evaluated. */
    static String fileCreatingExpression(Path marker) {
        return "${\"\".getClass().forName(\"java.lang.Runtime\").getMethod(\"getRuntime\").invoke(null)"
                + ".exec(\"touch " + marker + "\").toString()}";
    }

    static Path marker() {
        return Path.of(System.getProperty("java.io.tmpdir"), "pa-rce-" + UUID.randomUUID());
    }

    @ParameterizedTest(name = "POST {0}")
    @ValueSource(strings = {"/engine-rest/task", "/engine-rest/task/count"})
    void orQueriesOfTheEngineRestTaskQueryAreRefused(String path) throws Exception {
        Path marker = marker();
        ResponseEntity<String> answer = post(path, orQuery(marker));
        assertRefused(answer.getStatusCode().value(), answer.getBody(), "orQueries[0].candidateGroupExpression");
        assertThat(marker).doesNotExist();
    }

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {"/engine-rest/task", "/engine-rest/task/count"})
    void topLevelExpressionsInTheQueryStringAreRefused(String path) {
        Path marker = marker();
        ResponseEntity<String> answer = rest.withBasicAuth(CLERK, "demo").getForEntity(
                path + "?assigneeExpression=" + URLEncoder.encode(fileCreatingExpression(marker), StandardCharsets.UTF_8),
                String.class);
        assertRefused(answer.getStatusCode().value(), answer.getBody(), "assigneeExpression");
        assertThat(marker).doesNotExist();
    }

    @ParameterizedTest(name = "POST /engine-rest/filter/'{id}'/{0}")
    @ValueSource(strings = {"list", "count", "singleResult"})
    void theExtendingQueryOfASharedFilterIsRefused(String operation) throws Exception {
        String filterId = groupTasksFilter();
        Path marker = marker();
        ResponseEntity<String> inOr = post("/engine-rest/filter/" + filterId + "/" + operation, orQuery(marker));
        assertRefused(inOr.getStatusCode().value(), inOr.getBody(), "orQueries[0].candidateGroupExpression");
        ResponseEntity<String> topLevel = post("/engine-rest/filter/" + filterId + "/" + operation,
                json.writeValueAsString(java.util.Map.of("assigneeExpression", fileCreatingExpression(marker))));
        assertRefused(topLevel.getStatusCode().value(), topLevel.getBody(), "assigneeExpression");
        assertThat(marker).doesNotExist();
    }

    @ParameterizedTest(name = "POST {0}")
    @ValueSource(strings = {"/engine-rest/history/task", "/engine-rest/history/task/count",
            "/engine-rest/history/process-instance", "/engine-rest/history/process-instance/count"})
    void historyQueriesTakeNoExpressionAtAll(String path) throws Exception {
        Path marker = marker();
        ResponseEntity<String> answer = post(path + "?firstResult=0&maxResults=10", orQuery(marker));
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody()).contains("candidateGroupExpression");
        assertThat(marker).doesNotExist();
    }

    @Test
    void theWebappsOwnEngineApiRefusesItToo() throws Exception {
        WebappSession tasklist = WebappSession.login(port, CLERK, "demo");
        Path marker = marker();
        HttpResponse<String> tasks = tasklist.postJson("/camunda/api/engine/engine/default/task", orQuery(marker));
        assertRefused(tasks.statusCode(), tasks.body(), "orQueries[0].candidateGroupExpression");
        HttpResponse<String> filter = tasklist.postJson(
                "/camunda/api/engine/engine/default/filter/" + groupTasksFilter() + "/list", orQuery(marker));
        assertRefused(filter.statusCode(), filter.body(), "orQueries[0].candidateGroupExpression");
        assertThat(marker).doesNotExist();
    }

    @Test
    void anOrdinaryQueryWithOrQueriesStillWorks() throws Exception {
        ResponseEntity<String> answer = post("/engine-rest/task?firstResult=0&maxResults=50",
                "{\"orQueries\":[{\"candidateGroup\":\"clerk-654224101201\"},{\"assignee\":\"" + CLERK + "\"}]}");
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(json.readTree(answer.getBody()).isArray()).isTrue();
    }

    private void assertRefused(int status, String body, String field) {
        assertThat(status).as(body).isEqualTo(400);
        assertThat(body).contains(field);
    }

    private String orQuery(Path marker) throws Exception {
        return json.writeValueAsString(java.util.Map.of("orQueries",
                java.util.List.of(java.util.Map.of("candidateGroupExpression", fileCreatingExpression(marker)))));
    }

    private String groupTasksFilter() {
        return filters.createFilterQuery().filterName(TasklistFilters.GROUP_TASKS).singleResult().getId();
    }

    private ResponseEntity<String> post(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(CLERK, "demo").exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
                String.class);
    }

    static boolean exists(Path path) {
        return Files.exists(path);
    }
}
