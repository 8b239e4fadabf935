package org.precisionaid.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.precisionaid.support.Applications;
import org.precisionaid.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** /actuator/prometheus: administrators only; engine and business figures right after a known case; no personal data. */
@IntegrationTest
class PrometheusMetricsTest {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");
    /** An 18-character resident ID number, a mobile phone number, or any run of 9+ digits (an id, a code). */
    /** Households of their own (people no other test uses), so the ID sequence of the other tests stays as it was. */
    private static final long SEED = 27_311;
    private static final Pattern PERSONAL = Pattern.compile("\\d{17}[\\dXx]|1[3-9]\\d{9}|\\d{9,}");

    @Autowired
    TestRestTemplate rest;
    @Autowired
    EngineFigures figures;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;

    @Test
    void onlyAnAdministratorReadsTheMetrics() {
        assertThat(rest.getForEntity("/actuator/prometheus", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.withBasicAuth("county.654224", "demo").getForEntity("/actuator/prometheus", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth("auditor.654224", "demo").getForEntity("/actuator/prometheus", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth("admin", "test-admin-password").getForEntity("/actuator/prometheus", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aNewCaseShowsInTheEngineAndBusinessFigures() {
        Map<String, Double> before = scrape();

        ResponseEntity<JsonNode> applied = rest.withBasicAuth("clerk.654224101201", "demo")
                .postForEntity("/api/households", Applications.eligible(Applications.VILLAGE, SEED), JsonNode.class);
        assertThat(applied.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String applicationNo = applied.getBody().path("applicationNo").asText();
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(applicationNo).singleResult();
        String open = "pa_engine_tasks_open{process=\"identification\",task=\"" + task.getTaskDefinitionKey() + "\"}";
        String overdue = open.replace("_open{", "_overdue{");
        String started = "pa_cases_started_total{process=\"identification\"}";

        // the gauges are cached: nothing moves before the next refresh
        figures.refresh();
        Map<String, Double> afterStart = scrape();
        assertThat(afterStart.get(open)).isEqualTo(before.getOrDefault(open, 0.0) + 1);
        assertThat(afterStart.get(started)).isEqualTo(before.getOrDefault(started, 0.0) + 1);
        assertThat(afterStart.get(overdue)).isEqualTo(before.getOrDefault(overdue, 0.0));

        // the task's due date passes (set by the engine's own API, as an administrator would)
        tasks.setDueDate(task.getId(), new Date(System.currentTimeMillis() - 86_400_000L));
        // a job of the case fails for good: one failed job, one incident
        Job job = management.createJobQuery().processInstanceId(task.getProcessInstanceId()).list().get(0);
        String failed = "pa_engine_jobs_failed{process=\"identification\"}";
        String incidents = "pa_engine_incidents_open{process=\"identification\",type=\"failedJob\"}";
        management.setJobRetries(job.getId(), 0);
        try {
            figures.refresh();
            Map<String, Double> afterTrouble = scrape();
            assertThat(afterTrouble.get(overdue)).isEqualTo(before.getOrDefault(overdue, 0.0) + 1);
            assertThat(afterTrouble.get(failed)).isEqualTo(before.getOrDefault(failed, 0.0) + 1);
            assertThat(afterTrouble.get(incidents)).isEqualTo(before.getOrDefault(incidents, 0.0) + 1);
        } finally {
            management.setJobRetries(job.getId(), 3);
        }

        runtime.deleteProcessInstance(task.getProcessInstanceId(), "metrics test");
        figures.refresh();
        Map<String, Double> afterEnd = scrape();
        String ended = "pa_cases_ended_total{process=\"identification\"}";
        assertThat(afterEnd.get(ended)).isEqualTo(before.getOrDefault(ended, 0.0) + 1);
        assertThat(afterEnd.getOrDefault(open, 0.0)).isEqualTo(before.getOrDefault(open, 0.0));
        assertThat(afterEnd.getOrDefault(incidents, 0.0)).isEqualTo(before.getOrDefault(incidents, 0.0));
    }

    @Test
    void refusedLoginsAreCountedByReasonAndTheOtherFiguresAreThere() {
        String wrong = "pa_logins_refused_total{reason=\"wrong-password\"}";
        String unknown = "pa_logins_refused_total{reason=\"unknown-user\"}";
        Map<String, Double> before = scrape();
        assertThat(rest.withBasicAuth("cadre.654225.02", "not-his-password").getForEntity("/api/regions", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.withBasicAuth("nobody.at.all", "whatever-it-is").getForEntity("/api/regions", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        figures.refresh();
        Map<String, Double> after = scrape();
        // at least once: until the login throttle's change (ADR 0018) Spring Boot's parent authentication manager
        // checks a refused password a second time, and each check is counted as it is logged
        assertThat(after.get(wrong)).isGreaterThanOrEqualTo(before.getOrDefault(wrong, 0.0) + 1);
        assertThat(after.get(unknown)).isGreaterThanOrEqualTo(before.getOrDefault(unknown, 0.0) + 1);

        assertThat(after).containsKeys("pa_engine_jobs_due", "pa_accounts_locked",
                "pa_objections_open{subject=\"household\"}", "pa_objections_open{subject=\"project\"}",
                "pa_objections_open{subject=\"village-exit\"}", "pa_engine_job_acquisition_total{result=\"attempt\"}",
                "pa_metrics_refreshed");
        // HTTP and the database pool, from Spring Boot
        assertThat(after.keySet()).anyMatch(key -> key.startsWith("http_server_requests_seconds_count{"))
                .anyMatch(key -> key.startsWith("hikaricp_connections_pending{"))
                .anyMatch(key -> key.startsWith("hikaricp_connections_max{"));
    }

    @Test
    void noLabelCarriesPersonalDataOrAnId() {
        ResponseEntity<JsonNode> applied = rest.withBasicAuth("clerk.654224101201", "demo")
                .postForEntity("/api/households", Applications.eligible(Applications.VILLAGE, SEED + 1), JsonNode.class);
        String applicationNo = applied.getBody().path("applicationNo").asText();
        figures.refresh();
        String text = scrapeText();
        assertThat(text).doesNotContain(applicationNo).doesNotContain("王建国").doesNotContain("13912345678")
                .doesNotContain(Applications.eligible(Applications.VILLAGE, SEED + 1).members().get(0).idNumber());

        List<String> suspicious = new ArrayList<>();
        Set<String> ourLabels = Set.of("process", "task", "type", "subject", "reason", "result");
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            // http_client_*: the test's own HTTP client (TestRestTemplate), which the application does not have
            if (line.startsWith("#") || line.startsWith("http_client_") || !sample.find() || sample.group(2) == null) {
                continue;
            }
            Matcher label = LABEL.matcher(sample.group(2));
            while (label.find()) {
                if (PERSONAL.matcher(label.group(2)).find()) {
                    suspicious.add(line);
                }
                if (sample.group(1).startsWith("pa_") && !ourLabels.contains(label.group(1))) {
                    suspicious.add(line + " (label " + label.group(1) + ")");
                }
            }
        }
        assertThat(suspicious).isEmpty();
    }

    private String scrapeText() {
        ResponseEntity<String> response = rest.withBasicAuth("admin", "test-admin-password")
                .getForEntity("/actuator/prometheus", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    /** Every sample as {@code name{labels}} (labels as written, without extra ones) → value. */
    private Map<String, Double> scrape() {
        Map<String, Double> samples = new LinkedHashMap<>();
        for (String line : scrapeText().split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (!line.startsWith("#") && sample.find()) {
                String key = sample.group(1) + (sample.group(2) == null || sample.group(2).isEmpty() ? ""
                        : "{" + sample.group(2).replaceAll(",$", "") + "}");
                samples.put(key, Double.valueOf(sample.group(3)));
            }
        }
        return samples;
    }
}
