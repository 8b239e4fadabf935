package org.precisionaid.web.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.precisionaid.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The /api contract: served to logged-in users, complete, honest about errors; Swagger UI for administrators. */
@IntegrationTest
class OpenApiContractTest {

    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "test-admin-password";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void theContractIsForLoggedInUsersAndSwaggerUiForAdministrators() {
        assertThat(rest.getForEntity("/v3/api-docs", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<JsonNode> asOfficial = rest.withBasicAuth("clerk.654224101201", "demo")
                .getForEntity("/v3/api-docs", JsonNode.class);
        assertThat(asOfficial.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(asOfficial.getBody().path("openapi").asText()).startsWith("3.");
        assertThat(rest.withBasicAuth("clerk.654224101201", "demo").getForEntity("/v3/api-docs.yaml", String.class)
                .getBody()).contains("/api/households/{applicationNo}");

        for (String page : List.of("/swagger-ui.html", "/swagger-ui/index.html")) {
            assertThat(rest.getForEntity(page, String.class).getStatusCode()).as(page).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(rest.withBasicAuth("county.654224", "demo").getForEntity(page, String.class).getStatusCode())
                    .as(page).isEqualTo(HttpStatus.FORBIDDEN);
        }
        TestRestTemplate admin = rest.withBasicAuth(ADMIN, ADMIN_PASSWORD);
        ResponseEntity<String> ui = admin.getForEntity("/swagger-ui/index.html", String.class);
        assertThat(ui.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ui.getBody()).contains("swagger-ui-bundle.js").doesNotContain("<script>");
        ResponseEntity<JsonNode> config = admin.getForEntity("/v3/api-docs/swagger-config", JsonNode.class);
        assertThat(config.getBody().path("url").asText()).isEqualTo("/v3/api-docs");
        assertThat(admin.getForEntity("/swagger-ui/swagger-initializer.js", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        // the strict policy of our own pages (/reports/, /public/) is not Swagger UI's: it loads its own files only,
        // with no inline script, but styles its widgets inline
        assertThat(ui.getHeaders().getFirst("Content-Security-Policy")).as("CSP on Swagger UI").isNull();
    }

    @Test
    void everyEndpointOfOursIsInTheContractWithSummaryRolesAndErrors() {
        JsonNode paths = contract().path("paths");
        List<String> missing = new ArrayList<>();
        int endpoints = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            if (!mapping.getValue().getBeanType().getName().startsWith("org.precisionaid.")) {
                continue;
            }
            Set<RequestMethod> methods = mapping.getKey().getMethodsCondition().getMethods();
            if (methods.isEmpty()) {
                missing.add(mapping.getValue() + ": name the HTTP method");
                continue;
            }
            for (String path : mapping.getKey().getPatternValues()) {
                for (RequestMethod method : methods) {
                    endpoints++;
                    String name = method + " " + path;
                    JsonNode operation = paths.path(path).path(method.name().toLowerCase());
                    if (operation.isMissingNode()) {
                        missing.add(name + ": not in the contract");
                        continue;
                    }
                    if (operation.path("summary").asText().isBlank()) {
                        missing.add(name + ": no summary (add it to ApiContract)");
                    }
                    if (operation.path("x-who-may-call").asText().isBlank()) {
                        missing.add(name + ": who may call it is not said");
                    }
                    boolean open = path.startsWith("/public/");
                    if (!open && !operation.path("responses").has("401")) {
                        missing.add(name + ": no 401");
                    }
                    if (open && !operation.path("security").isArray()) {
                        missing.add(name + ": public, but not marked as needing no login");
                    }
                    operation.path("responses").fields().forEachRemaining(response -> {
                        if (response.getKey().startsWith("4") && !response.getValue().path("content")
                                .has("application/problem+json")) {
                            missing.add(name + " " + response.getKey() + ": not a problem detail");
                        }
                    });
                }
            }
        }
        assertThat(endpoints).isGreaterThan(50);
        assertThat(missing).isEmpty();
    }

    @Test
    void theContractNamesParametersAndExamples() {
        JsonNode paths = contract().path("paths");
        JsonNode search = paths.path("/api/households").path("get");
        assertThat(search.path("parameters").findValuesAsText("name")).contains("region", "status", "idNumber", "page", "size");
        assertThat(paths.path("/api/households/{applicationNo}").path("get").path("parameters").findValuesAsText("name"))
                .contains("applicationNo");
        assertThat(paths.path("/api/officials").path("post").path("description").asText()).contains("administrators");
        assertThat(paths.path("/api/officials").path("post").path("requestBody").path("content")
                .path("application/json").path("example").path("role").asText()).isEqualTo("township");
        assertThat(paths.path("/api/households").path("post").path("responses").path("400").path("content")
                .path("application/problem+json").path("example").path("errors").isObject()).isTrue();
        // not Camunda's engine REST
        assertThat(paths.fieldNames()).toIterable().allMatch(path -> path.startsWith("/api/") || path.startsWith("/public/"));
    }

    /**
     * What an endpoint really answers to unknown ids and missing parameters is in its list: every GET of ours, asked by
     * a county official with values that exist nowhere.
     */
    @Test
    void theErrorsAReadAnswersAreTheOnesItsContractLists() {
        JsonNode paths = contract().path("paths");
        TestRestTemplate official = rest.withBasicAuth("county.654224", "demo");
        List<String> undocumented = new ArrayList<>();
        paths.fields().forEachRemaining(path -> {
            JsonNode get = path.getValue().path("get");
            if (get.isMissingNode() || path.getKey().endsWith(".pdf")) {
                return; // PDFs take a print slot each; their errors are the same as their JSON twins'
            }
            String url = path.getKey().replace("{applicationNo}", "SQ-1999-999999").replace("{projectNo}", "XM-1999-999999")
                    .replace("{exitNo}", "TC-1999-999999").replace("{businessKey}", "SQ-1999-999999")
                    .replace("{code}", "659999999999").replace("{villageCode}", "659999999999")
                    .replace("{countyCode}", "659999000000").replace("{year}", "2026").replace("{id}", "999999")
                    .replace("{roundNo}", "DC-1999-654224000000-999999").replace("{name}", "no-such-report").replace("{role}", "mayor").replace("{batchId}", "no-such-batch");
            ResponseEntity<String> answer = official.getForEntity(url, String.class);
            int status = answer.getStatusCode().value();
            if (status >= 400 && !get.path("responses").has(String.valueOf(status))) {
                undocumented.add("GET " + url + " answered " + status + ": " + answer.getBody());
            }
        });
        assertThat(undocumented).isEmpty();
    }

    private JsonNode contract() {
        ResponseEntity<JsonNode> response = rest.withBasicAuth(ADMIN, ADMIN_PASSWORD).getForEntity("/v3/api-docs", JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }
}
