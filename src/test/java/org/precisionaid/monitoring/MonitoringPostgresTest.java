package org.precisionaid.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.precisionaid.monitoring.MonitoringCase.Channel;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.support.AtOnce;
import org.precisionaid.support.Projects;
import org.precisionaid.support.PostgresTest;
import org.precisionaid.web.ConflictException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * One open monitoring case per household holds when two starts for one household meet (threads released together by
 * a barrier), on PostgreSQL: one case and one process instance, the other start told or attached.
 */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitoringPostgresTest {

    static final String VILLAGE = "654225101208";   // 库萨克北村, 裕民县
    private long seed = 980_000;

    @Autowired HouseholdService households;
    @Autowired org.precisionaid.assistance.AssistanceService assistance;
    @Autowired MonitoringStarter starter;
    @Autowired MonitoringCaseRepository cases;
    @Autowired MonitoringAlertRepository alerts;
    @Autowired RuntimeService runtime;
    @Autowired TestRestTemplate rest;

    final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterAll
    void stop() {
        pool.shutdownNow();
    }

    private Projects.Family registered() {
        return Projects.registeredFamily(households, assistance, VILLAGE, seed++);
    }

    @Test
    void twoStartsForOneHouseholdAtOnceOpenOneCase() throws Exception {
        for (int round = 0; round < 3; round++) {
            long household = registered().household().getId();
            List<Object> outcomes = atOnce(
                    () -> starter.openUnlessOpen(household, Channel.DEPARTMENT, "部门预警 / alert", "county.654225"),
                    () -> starter.openUnlessOpen(household, Channel.CLERK, "村文书发现 / found", "clerk." + VILLAGE));

            List<MonitoringCase> opened = cases.findByHouseholdIdOrderById(household);
            assertThat(opened).as(outcomes.toString()).hasSize(1);
            long started = outcomes.stream().filter(o -> o instanceof Optional<?> started1 && started1.isPresent()).count();
            assertThat(started).as(outcomes.toString()).isOne();
            // the other saw the case (nothing to do) or met it in the database (a conflict, nothing written)
            assertThat(outcomes).as(outcomes.toString()).anySatisfy(o -> assertThat(
                    o instanceof ConflictException || (o instanceof Optional<?> none && none.isEmpty())).isTrue());
            assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(MonitoringService.PROCESS_KEY)
                    .variableValueEquals(MonitoringVariables.HOUSEHOLD_ID, household).count()).isOne();
        }
    }

    @Test
    void twoCountyUploadsNamingOneHouseholdAtOnceStartOneCaseAndAttachTheOtherAlert() throws Exception {
        Projects.Family registered = registered();
        String id = registered.idNumber(0);
        byte[] medical = MonitoringAlertImportTest.file(new Object[] {id, "LARGE_MEDICAL_EXPENSES", 20000,
                LocalDate.now().minusDays(2).toString()});
        byte[] civil = MonitoringAlertImportTest.file(new Object[] {id, "SUBSISTENCE_LOST", null,
                LocalDate.now().minusDays(1).toString()});

        List<Object> outcomes = atOnce(() -> upload(medical, "MEDICAL_INSURANCE"), () -> upload(civil, "CIVIL_AFFAIRS"));

        int started = 0;
        int attached = 0;
        for (Object outcome : outcomes) {
            @SuppressWarnings("unchecked")
            ResponseEntity<JsonNode> answer = (ResponseEntity<JsonNode>) outcome;
            assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(200);
            started += answer.getBody().get("startedCount").asInt();
            attached += answer.getBody().get("alreadyOpenCount").asInt();
        }
        assertThat(started).isOne();
        assertThat(attached).isOne();
        List<MonitoringCase> opened = cases.findByHouseholdIdOrderById(registered.household().getId());
        assertThat(opened).hasSize(1);
        assertThat(alerts.findByMonitoringCaseIdOrderById(opened.get(0).getId())).hasSize(2)
                .extracting(MonitoringAlert::isOpenedCase).containsExactlyInAnyOrder(true, false);
    }

    private ResponseEntity<JsonNode> upload(byte[] file, String department) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(file) {
            @Override
            public String getFilename() {
                return "alerts.xlsx";
            }
        });
        parts.add("department", department);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.withBasicAuth("county.654225", "demo").postForEntity("/api/monitoring/alerts/import",
                new HttpEntity<>(parts, headers), JsonNode.class);
    }

    private List<Object> atOnce(Callable<Object> first, Callable<Object> second) throws Exception {
        return AtOnce.run(pool, first, second);
    }
}
