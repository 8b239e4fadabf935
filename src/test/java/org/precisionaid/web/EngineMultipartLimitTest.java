package org.precisionaid.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.precisionaid.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Multipart bodies sent to the engine's REST doors have a size limit (1 MB in the tests, 10 MB by default): above it
 * 413 with a problem detail, whether the body declares its length or comes chunked, and nothing is deployed; smaller
 * multipart bodies and JSON engine calls of any size pass as before.
 */
@IntegrationTest
class EngineMultipartLimitTest {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "test-admin-password";
    static final int OVER = 1024 * 1024 + 200 * 1024;

    @Autowired TestRestTemplate rest;
    @Autowired RepositoryService repository;
    @Autowired ObjectMapper json;
    @LocalServerPort int port;

    @Test
    void aDeploymentAboveTheLimitIsRefusedWith413AndNothingIsDeployed() {
        long before = repository.createDeploymentQuery().count();
        ResponseEntity<JsonNode> response = multipart("/engine-rest/deployment/create", "big.bpmn", OVER);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(response.getBody().get("type").asText()).endsWith("/upload-too-large");
        assertThat(response.getBody().get("errors").get("body").asText()).contains("at most 1048576 bytes");
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
    }

    @Test
    void theWebappsDoorHasTheSameLimit() {
        ResponseEntity<JsonNode> response = multipart(
                "/camunda/api/engine/engine/default/task/no-such-task/attachment/create", "photo.jpg", OVER);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(response.getBody().get("errors").get("body").asText()).contains("at most 1048576 bytes");
    }

    @Test
    void aChunkedBodyWithoutALengthIsCountedAndRefusedTheSame() throws Exception {
        String boundary = "----precision-aid-test";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"big.bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + OVER + tail.length];
        Arrays.fill(body, (byte) 'x');
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(tail, 0, body, body.length - tail.length, tail.length);
        long before = repository.createDeploymentQuery().count();

        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                (ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                        // an input stream of unknown length: sent chunked, without Content-Length
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json.readTree(response.body()).get("errors").get("body").asText()).contains("at most");
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
    }

    @Test
    void aSmallMultipartBodyAndALargeJsonCallReachTheEngineAsBefore() {
        ResponseEntity<JsonNode> small = multipart("/engine-rest/task/no-such-task/attachment/create", "note.txt", 1000);
        assertThat(small.getStatusCode()).as("the engine's own answer").isNotEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(small.getStatusCode().is2xxSuccessful()).isFalse();

        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> query = rest.withBasicAuth(ADMIN, ADMIN_PASSWORD).postForEntity(
                "/engine-rest/task?firstResult=0&maxResults=10",
                new HttpEntity<>("{\"processInstanceBusinessKey\": \"no-such-case\"" + " ".repeat(OVER) + "}", headers),
                JsonNode.class);
        assertThat(query.getStatusCode()).as("JSON is not limited here: " + query.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(query.getBody()).isEmpty();
    }

    private ResponseEntity<JsonNode> multipart(String url, String filename, int size) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", "too-large");
        parts.add("attachment-name", "too-large");
        parts.add("data", new ByteArrayResource(new byte[size]) {
            @Override
            public String getFilename() {
                return filename;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.withBasicAuth(ADMIN, ADMIN_PASSWORD).postForEntity(url, new HttpEntity<>(parts, headers),
                JsonNode.class);
    }
}
