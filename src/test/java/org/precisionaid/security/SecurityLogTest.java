package org.precisionaid.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.precisionaid.procedure.ObjectionService;
import org.precisionaid.support.Applications;
import org.precisionaid.assistance.AssistanceService;
import org.precisionaid.assistance.CadreRank;
import org.precisionaid.support.Cadres;
import org.precisionaid.support.CaseFlows;
import org.precisionaid.support.IntegrationTest;
import org.precisionaid.support.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Threats: an attack nobody can reconstruct afterwards, and personal data leaking into log files. Logins and
 * refusals are logged with user, resource and time; passwords, ID numbers and phones never.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SecurityLogTest {

    static final String VILLAGE = "654224102203";
    static final String CLERK = "clerk." + VILLAGE;
    static final Pattern ID_NUMBER = Pattern.compile("\\d{17}[\\dXx]");
    static final Pattern PHONE = Pattern.compile("1\\d{10}");

    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityService identity;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;
    @Autowired
    ObjectionService objections;
    @Autowired
    AssistanceService assistance;
    @Autowired
    org.precisionaid.security.OfficialDirectory officials;
    @LocalServerPort
    int port;

    @Test
    void loginsSucceededAndRefusedAreLoggedWithTheUserButNeverThePassword(CapturedOutput log) {
        // a fresh official: nothing of his is remembered from earlier requests (VerifiedLogins)
        String official = "log-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        officials.create(official, "测试", "Test", null, "Long-Enough-Secret-1", "654225101200", "clerk");
        WebappSession.login(port, "township.654224102", "demo");
        rest.withBasicAuth("village.654225101200", "wrong-secret-typed").getForEntity("/api/regions", String.class);
        rest.withBasicAuth(official, "Long-Enough-Secret-1").getForEntity("/api/regions", String.class);

        assertThat(log.getOut()).containsPattern("login succeeded: user=township\\.654224102")
                .containsPattern("login refused: user=village\\.654225101200 reason=wrong password")
                .contains("login succeeded: user=" + official)
                .doesNotContain("wrong-secret-typed");
    }

    @Test
    void refusedRequestsAreLoggedWithUserAndResource(CapturedOutput log) {
        rest.withBasicAuth("county.654225", "demo").getForEntity("/actuator/metrics", String.class);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        rest.withBasicAuth("township.654224102", "demo").postForEntity("/engine-rest/filter/create",
                new HttpEntity<>("{\"resourceType\":\"Task\",\"name\":\"mine\",\"query\":{}}", headers), String.class);

        assertThat(log.getOut()).contains("refused: user=county.654225 resource=GET /actuator/metrics")
                // officials act only through their forms: the engine command he tried is named (ADR 0017)
                .containsPattern("refused: user=township\\.654224102 resource=CALL on EngineCommand CreateFilter");
    }

    @Test
    void aWholeIdentificationCaseWritesNoIdNumberOrPhoneIntoTheLog(CapturedOutput log) {
        CaseFlows flows = new CaseFlows(rest, identity, tasks, runtime, management, objections);
        String applicationNo = flows.applyOverRest(VILLAGE, 7L);
        // the same household again is refused: its message must not echo the numbers either
        rest.withBasicAuth(CLERK, "demo").postForEntity("/api/households", json(Applications.eligible(VILLAGE, 7L)),
                JsonNode.class);
        flows.approveToAnnouncement(VILLAGE, applicationNo);
        assertThat(rest.getForEntity("/public/notices?village=" + VILLAGE, String.class).getStatusCode().value())
                .isEqualTo(200);
        flows.objectionDismissed(VILLAGE, applicationNo, "13912345678");
        flows.noticePeriodEnds(applicationNo);
        flows.register(VILLAGE, applicationNo, Cadres.fresh(assistance, VILLAGE.substring(0, 6), CadreRank.STAFF));

        String written = log.getAll();
        assertThat(ID_NUMBER.matcher(written).find()).as("an ID number in the log").isFalse();
        assertThat(PHONE.matcher(written).find()).as("a phone number in the log").isFalse();
        assertThat(Applications.eligible(VILLAGE, 7L).members().get(0).idNumber()).matches(ID_NUMBER); // the case carried them
    }

    private static HttpEntity<Object> json(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
