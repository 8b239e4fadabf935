package org.precisionaid.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.precisionaid.security.engine.FormContractViolation;
import org.precisionaid.support.IntegrationTest;
import org.precisionaid.support.Officials;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A form bound "latest" is what its open tasks accept: once an administrator deploys a new version with another
 * field, the next completion accepts that field — the parsed contracts the engine keeps per deployed form
 * (issue #26) never answer for a newer version.
 */
@IntegrationTest
class FormVersionsTest {

    static final String OFFICIAL = "township.654224101"; // 铁厂沟镇, 托里县

    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;

    @Test
    void aNewVersionOfTheFormDecidesWhatTheOpenTaskAcceptsAtItsNextCompletion() {
        String key = "formVersions" + Long.toString(System.nanoTime(), 36);
        String formId = key + "-form";
        List<String> deployments = new ArrayList<>();
        try {
            deployments.add(repository.createDeployment()
                    .addModelInstance(key + ".bpmn", Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
                            .startEvent().userTask("fill").name("填写 / Fill in").camundaFormRef(formId)
                            .camundaFormRefBinding("latest").camundaCandidateGroups("township-654224101")
                            .endEvent().done())
                    .addString(formId + ".form", form(formId, "note")).deploy().getId());
            String instance = runtime.startProcessInstanceByKey(key).getId();
            Task task = tasks.createTaskQuery().processInstanceId(instance).singleResult();
            Officials.as(identity, OFFICIAL, () -> tasks.claim(task.getId(), OFFICIAL));

            for (int attempt = 0; attempt < 2; attempt++) { // the second answer comes from the kept contract
                assertThatThrownBy(() -> Officials.as(identity, OFFICIAL, () -> tasks.complete(task.getId(),
                        Map.of("note", "ok", "photoCount", 3L)))).isInstanceOf(FormContractViolation.class)
                        .hasMessageContaining("photoCount:");
            }
            assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as("the task stays open").isOne();

            deployments.add(repository.createDeployment().addString(formId + ".form", form(formId, "note", "photoCount"))
                    .deploy().getId());
            Officials.as(identity, OFFICIAL, () -> tasks.complete(task.getId(), Map.of("note", "ok", "photoCount", 3L)));
            assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
        } finally {
            deployments.forEach(id -> repository.deleteDeployment(id, true));
        }
    }

    private static String form(String id, String... keys) {
        StringBuilder components = new StringBuilder();
        for (String key : keys) {
            components.append(components.isEmpty() ? "" : ",").append("{\"type\":\"")
                    .append(key.equals("note") ? "textfield" : "number").append("\",\"key\":\"").append(key)
                    .append("\",\"label\":\"").append(key).append("\",\"id\":\"Field_").append(key).append("\"}");
        }
        return "{\"executionPlatform\":\"Camunda Platform\",\"executionPlatformVersion\":\"7.24.0\","
                + "\"schemaVersion\":12,\"id\":\"" + id + "\",\"type\":\"default\",\"components\":[" + components + "]}";
    }
}
