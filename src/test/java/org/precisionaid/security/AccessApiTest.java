package org.precisionaid.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.precisionaid.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@IntegrationTest
class AccessApiTest {

    @Autowired
    TestRestTemplate rest;

    @Test
    void theEngineRestApiIsClosedWithoutLogin() {
        ResponseEntity<JsonNode> response = rest.getForEntity("/engine-rest/process-definition", JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(response.getHeaders().getContentType())).isTrue();
    }

    @Test
    void ourApiIsClosedWithoutLogin() {
        assertThat(rest.getForEntity("/api/regions", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aWrongPasswordGets401WithAProblemNotAStackTrace() {
        ResponseEntity<String> response = rest.withBasicAuth("village.654225101211", "not-the-password")
                .getForEntity("/engine-rest/task", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getBody()).contains("wrong user name or password").doesNotContain("Exception");
        assertThat(response.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
    }

    @Test
    void healthIsPublicButOtherActuatorEndpointsNeedAnAdministrator() {
        assertThat(rest.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rest.getForEntity("/actuator/metrics", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.withBasicAuth("county.654225", "demo").getForEntity("/actuator/metrics", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth("admin", "test-admin-password").getForEntity("/actuator/metrics", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void theWebappsKeepTheirOwnLoginAndCsrfProtection() {
        ResponseEntity<String> page = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        // without a login the webapp's own API refuses to tell who is logged in
        ResponseEntity<String> user = rest.getForEntity("/camunda/api/admin/auth/user/default", String.class);
        assertThat(user.getStatusCode()).isIn(HttpStatus.NOT_FOUND, HttpStatus.UNAUTHORIZED);
        // Camunda's CSRF filter hands out a token and rejects state-changing requests without it
        assertThat(page.getHeaders().getFirst("X-XSRF-TOKEN")).isNotBlank();
        ResponseEntity<String> login = rest.postForEntity(
                "/camunda/api/admin/auth/user/default/login/tasklist?username=admin&password=test-admin-password",
                null, String.class);
        assertThat(login.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void onlyAnAdministratorAddsOfficialsAndBadInputIsNamed() {
        String body = """
                {"userId":"li.township.654225101","firstName":"李","lastName":"Li","password":"long-enough-pw",
                 "regionCode":"654225101000","role":"%s"}""";
        ResponseEntity<JsonNode> asOfficial = rest.withBasicAuth("county.654225", "demo")
                .postForEntity("/api/officials", json(body.formatted("township")), JsonNode.class);
        assertThat(asOfficial.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        TestRestTemplate admin = rest.withBasicAuth("admin", "test-admin-password");
        ResponseEntity<JsonNode> unknownRole =
                admin.postForEntity("/api/officials", json(body.formatted("mayor")), JsonNode.class);
        assertThat(unknownRole.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownRole.getBody().get("detail").asText()).contains("'mayor'");

        ResponseEntity<JsonNode> badCode = admin.postForEntity("/api/officials",
                json(body.formatted("township").replace("654225101000", "6542251010")), JsonNode.class);
        assertThat(badCode.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badCode.getBody().get("detail").asText()).contains("'6542251010'");

        ResponseEntity<JsonNode> shortPassword = admin.postForEntity("/api/officials",
                json(body.formatted("township").replace("long-enough-pw", "short")), JsonNode.class);
        assertThat(shortPassword.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(shortPassword.getBody().get("errors").get("password").asText()).contains("at least 12 characters");

        ResponseEntity<JsonNode> created =
                admin.postForEntity("/api/officials", json(body.formatted("township")), JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().get("groupId").asText()).isEqualTo("township-654225101");
        assertThat(rest.withBasicAuth("li.township.654225101", "long-enough-pw")
                .getForEntity("/engine-rest/task?maxResults=10", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<JsonNode> again =
                admin.postForEntity("/api/officials", json(body.formatted("township")), JsonNode.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    private static org.springframework.http.HttpEntity<String> json(String body) {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new org.springframework.http.HttpEntity<>(body, headers);
    }
}
