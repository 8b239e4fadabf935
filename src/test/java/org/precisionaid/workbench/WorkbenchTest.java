package org.precisionaid.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.precisionaid.procedure.ObjectionService;
import org.precisionaid.support.CaseFlows;
import org.precisionaid.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * The workbench shows an official his region: a new application is one more household applied for, his own open
 * task is counted under its procedure, a task past its due date is flagged overdue; another county's region is
 * refused, a bad year is named, and nobody sees it without a login.
 */
@IntegrationTest
class WorkbenchTest {

    static final String VILLAGE = "654225101202"; // 窝尔塔吉也克北村, Jiyeke town, Yumin county
    static final String CLERK = "clerk." + VILLAGE;
    static final String TOWNSHIP = "township.654225101";

    @Autowired TestRestTemplate rest;
    @Autowired IdentityService identity;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired ObjectionService objections;

    @Test
    void aNewApplicationAndItsTaskShowOnTheWorkbenchAndAnOverdueTaskIsFlagged() {
        JsonNode townshipBefore = home(TOWNSHIP, "");
        JsonNode clerkBefore = home(CLERK, "");
        assertThat(townshipBefore.at("/region/code").asText()).isEqualTo("654225101000");

        String applicationNo = new CaseFlows(rest, identity, tasks, runtime, management, objections)
                .applyOverRest(VILLAGE, 9301L);

        JsonNode townshipAfter = home(TOWNSHIP, "");
        assertThat(applied(townshipAfter)).isEqualTo(applied(townshipBefore) + 1);
        JsonNode clerkAfter = home(CLERK, "");
        assertThat(clerkAfter.at("/tasks/open").asLong()).isEqualTo(clerkBefore.at("/tasks/open").asLong() + 1);
        assertThat(identification(clerkAfter).path("open").asLong())
                .isEqualTo(identification(clerkBefore).path("open").asLong() + 1);
        assertThat(identification(clerkAfter).path("name").asText()).contains("/");

        Task task = tasks.createTaskQuery().processInstanceBusinessKey(applicationNo).singleResult();
        task.setDueDate(new Date(System.currentTimeMillis() - 86_400_000L));
        tasks.saveTask(task);
        JsonNode overdue = home(CLERK, "");
        assertThat(overdue.at("/tasks/overdue").asLong()).isEqualTo(clerkAfter.at("/tasks/overdue").asLong() + 1);
        assertThat(identification(overdue).path("overdue").asLong())
                .isEqualTo(identification(clerkAfter).path("overdue").asLong() + 1);
        assertThat(home(TOWNSHIP, "").at("/tasks/open").asLong()).as("the clerk's task is not the township's work")
                .isEqualTo(townshipAfter.at("/tasks/open").asLong());
    }

    @Test
    void anotherCountysRegionIsRefusedABadYearNamedAndNothingWithoutALogin() {
        ResponseEntity<JsonNode> foreign = rest.withBasicAuth("county.654224", "demo")
                .getForEntity("/api/workbench?region=654225101000", JsonNode.class);
        assertThat(foreign.getStatusCode().value()).isEqualTo(403);
        assertThat(foreign.getBody().at("/errors/region").asText()).contains("outside your region");

        ResponseEntity<JsonNode> badYear = rest.withBasicAuth(TOWNSHIP, "demo")
                .getForEntity("/api/workbench?year=20x6", JsonNode.class);
        assertThat(badYear.getStatusCode().value()).isEqualTo(400);
        assertThat(badYear.getBody().at("/errors/year").asText()).contains("four digits");

        assertThat(rest.getForEntity("/api/workbench", JsonNode.class).getStatusCode().value()).isEqualTo(401);
    }

    private JsonNode home(String official, String query) {
        ResponseEntity<JsonNode> answer = rest.withBasicAuth(official, "demo")
                .getForEntity("/api/workbench" + query, JsonNode.class);
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(200);
        return answer.getBody();
    }

    private static long applied(JsonNode home) {
        for (JsonNode status : home.at("/households/byStatus")) {
            if (status.path("status").asText().equals("APPLIED")) {
                return status.path("count").asLong();
            }
        }
        throw new AssertionError("no APPLIED figure in " + home);
    }

    private static JsonNode identification(JsonNode home) {
        for (JsonNode process : home.at("/tasks/byProcess")) {
            if (process.path("process").asText().equals("identification")) {
                return process;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
}
