package org.precisionaid.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.precisionaid.support.Officials.as;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.precisionaid.identification.IdentificationStarter;
import org.precisionaid.support.Applications;
import org.precisionaid.support.IntegrationTest;
import org.precisionaid.support.WebappSession;
import org.precisionaid.web.FieldRuleException;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A group's vote with more votes than villagers present is the clerk's mistake to correct: every door answers it as
 * his input (400, the field named), the task stays as it was, and the log an operator watches holds no error and no
 * stack trace for it — while a real failure of a command is still logged as an error.
 */
@IntegrationTest
class EntryCorrectionsTest {

    private static final String CLERK = "clerk." + Applications.VILLAGE;
    private static final String ENGINE_LOG = "org.camunda.bpm.engine.context";
    private static final String REST_LOG = "org.camunda.bpm.engine.rest.exception";
    private static final String TOO_MANY_VOTES = """
            {"variables": {"meetingDate": {"value": "2026-11-30"}, "attendees": {"value": 10},
                           "votesFor": {"value": 12}, "groupMinutes": {"value": "会议记录 / minutes"}}}""";

    @Autowired IdentificationStarter starter;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired TestRestTemplate rest;
    @Autowired ObjectMapper json;
    @LocalServerPort int port;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Map<Logger, Level> levels = new java.util.HashMap<>();
    private Task vote;

    @BeforeEach
    void aClaimedGroupEvaluationAndTheLogWatched() {
        String applicationNo = starter.apply(Applications.eligible(Applications.VILLAGE), CLERK).household()
                .getApplicationNo();
        vote = tasks.createTaskQuery().processInstanceBusinessKey(applicationNo).singleResult();
        assertThat(vote.getTaskDefinitionKey()).isEqualTo("groupEvaluation");
        as(identity, CLERK, () -> tasks.claim(vote.getId(), CLERK));
        log.start();
        for (String name : List.of(ENGINE_LOG, REST_LOG)) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            levels.put(logger, logger.getLevel());
            logger.setLevel(Level.DEBUG);
            logger.addAppender(log);
        }
    }

    @AfterEach
    void unwatch() {
        levels.forEach((logger, level) -> {
            logger.detachAppender(log);
            logger.setLevel(level);
        });
    }

    @Test
    void aRefusedEntryIsTheOfficialsToCorrectAtEveryDoorAndNoErrorInTheLog() throws Exception {
        assertThatThrownBy(() -> as(identity, CLERK, () -> tasks.complete(vote.getId(), Map.of("meetingDate",
                "2026-11-30", "attendees", 10L, "votesFor", 12L, "groupMinutes", "会议记录 / minutes"))))
                .isInstanceOf(PleaseCorrect.class)
                .hasMessageStartingWith("请更正 / Please correct — ").hasMessageContaining("votesFor")
                .cause().isInstanceOfSatisfying(FieldRuleException.class,
                        rule -> assertThat(rule.errors()).containsKey("votesFor"));

        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> engineRest = rest.withBasicAuth(CLERK, "demo").postForEntity(
                "/engine-rest/task/" + vote.getId() + "/submit-form", new HttpEntity<>(TOO_MANY_VOTES, headers),
                JsonNode.class);
        assertCorrection(engineRest.getStatusCode().value(), engineRest.getBody());

        var tasklist = WebappSession.login(port, CLERK, "demo").send("POST",
                "/camunda/api/engine/engine/default/task/" + vote.getId() + "/submit-form", "application/json",
                TOO_MANY_VOTES);
        assertCorrection(tasklist.statusCode(), json.readTree(tasklist.body()));

        Task after = tasks.createTaskQuery().taskId(vote.getId()).singleResult();
        assertThat(after.getAssignee()).isEqualTo(CLERK);
        assertThat(tasks.getVariable(vote.getId(), "votesFor")).isNull();

        assertThat(corrections()).as("each refusal reached the engine's log").hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(event -> assertThat(event.getLevel()).as(event.getFormattedMessage()).isEqualTo(Level.DEBUG));
        assertThat(log.list).as("no warning or error from the engine or its APIs")
                .noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.WARN));
    }

    @Test
    void aFailureThatIsNoCorrectionIsStillLoggedAsAnError() {
        assertThatThrownBy(() -> as(identity, CLERK, () -> {
            tasks.complete("no-such-task");
            return null;
        })).isInstanceOf(ProcessEngineException.class).isNotInstanceOf(PleaseCorrect.class);

        assertThat(log.list).anySatisfy(event -> {
            assertThat(event.getLoggerName()).isEqualTo(ENGINE_LOG);
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getFormattedMessage()).contains("ENGINE-16004").contains("no-such-task");
        });
    }

    private void assertCorrection(int status, JsonNode problem) {
        assertThat(status).as(String.valueOf(problem)).isEqualTo(400);
        assertThat(problem.path("type").asText()).endsWith("please-correct");
        assertThat(problem.path("message").asText()).startsWith("请更正 / Please correct — ").contains("votesFor")
                .contains("10 attendees");
    }

    private List<ILoggingEvent> corrections() {
        return log.list.stream().filter(event -> event.getFormattedMessage().contains(PleaseCorrect.PREFIX)).toList();
    }
}
