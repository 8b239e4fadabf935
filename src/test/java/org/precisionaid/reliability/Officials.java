package org.precisionaid.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.precisionaid.support.Applications;

/** The demo officials at work over HTTP against whichever node they are sent to, as their browsers would be. */
final class Officials {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Officials() {
    }

    static String apply(AppNode node, String village, long seed) throws IOException, InterruptedException {
        HttpResponse<String> answer = send(node, "clerk." + village, "POST", "/api/households",
                JSON.writeValueAsString(Applications.eligible(village, seed)));
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("application refused by " + node.name + ": " + answer.body());
        }
        return JSON.readTree(answer.body()).get("applicationNo").asText();
    }

    /** Group vote, village, township and county approve: the household goes on notice and its timer is set. */
    static void approveToNotice(AppNode node, String village, String applicationNo)
            throws IOException, InterruptedException {
        step(node, "clerk." + village, applicationNo, "groupEvaluation", """
                {"meetingDate":{"value":"2026-11-20T10:00:00.000+0800","type":"Date"},"attendees":{"value":30,"type":"Long"},
                 "votesFor":{"value":25,"type":"Long"},"groupMinutes":{"value":"第二村民小组会议 / group meeting"}}""");
        step(node, "village." + village, applicationNo, "villageReview", """
                {"villageDecision":{"value":"approve"},"villageNoticeDate":{"value":"2026-11-21T10:00:00.000+0800","type":"Date"}}""");
        step(node, "township." + village.substring(0, 9), applicationNo, "townshipReview", """
                {"townshipDecision":{"value":"approve"},"householdVisited":{"value":true}}""");
        step(node, "county." + village.substring(0, 6), applicationNo, "countyReview", """
                {"countyDecision":{"value":"approve"}}""");
    }

    /** The official finds the case's task in his own list, claims and completes it. */
    static void step(AppNode node, String official, String applicationNo, String taskKey, String variables)
            throws IOException, InterruptedException {
        HttpResponse<String> list = send(node, official, "GET", "/engine-rest/task?maxResults=5&processInstanceBusinessKey="
                + applicationNo + "&taskDefinitionKey=" + taskKey, null);
        JsonNode tasks = JSON.readTree(list.body());
        if (list.statusCode() != 200 || tasks.size() != 1) {
            throw new IllegalStateException(official + " on " + node.name + " does not see " + taskKey + " of "
                    + applicationNo + ": " + list.body());
        }
        String id = tasks.get(0).get("id").asText();
        expect(send(node, official, "POST", "/engine-rest/task/" + id + "/claim", "{\"userId\":\"" + official + "\"}"), 204);
        expect(send(node, official, "POST", "/engine-rest/task/" + id + "/complete", "{\"variables\":" + variables + "}"), 204);
    }

    private static void expect(HttpResponse<String> answer, int status) {
        if (answer.statusCode() != status) {
            throw new IllegalStateException("expected " + status + ", got " + answer.statusCode() + ": " + answer.body());
        }
    }

    static HttpResponse<String> send(AppNode node, String user, String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
