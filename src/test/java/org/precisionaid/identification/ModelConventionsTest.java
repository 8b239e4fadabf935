package org.precisionaid.identification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;
import org.precisionaid.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The house rules of docs/processes: a model that breaks them fails the build. */
@IntegrationTest
class ModelConventionsTest {

    @Autowired
    RepositoryService repository;

    private final BpmnModelInstance model = Bpmn.readModelFromFile(new File("bpmn/identification.bpmn"));

    @Test
    void theModelOpensInModelerForCamunda724() throws Exception {
        String xml = Files.readString(Path.of("bpmn/identification.bpmn"));
        assertThat(xml).contains("modeler:executionPlatform=\"Camunda Platform\"")
                .contains("modeler:executionPlatformVersion=\"7.24.0\"").contains("<bpmndi:BPMNDiagram");
        Process process = model.getModelElementById("identification");
        assertThat(process.isExecutable()).isTrue();
        assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
    }

    @Test
    void everyUserTaskHasABilingualNameAFormRegionGroupsADueDateAndEscalation() {
        Collection<UserTask> userTasks = model.getModelElementsByType(UserTask.class);
        assertThat(userTasks).hasSizeGreaterThanOrEqualTo(7);
        for (UserTask task : userTasks) {
            assertThat(task.getName()).as(task.getId()).matches("\\p{IsHan}.* / [A-Z].*");
            assertThat(task.getCamundaFormRef()).as(task.getId() + " form").isNotBlank();
            assertThat(Path.of("forms", task.getCamundaFormRef() + ".form")).as(task.getId() + " form file").exists();
            assertThat(task.getCamundaCandidateGroups()).as(task.getId() + " groups").startsWith("${groups.of(regionCode, '");
            assertThat(task.getCamundaDueDate()).as(task.getId() + " due date").contains("deadlines.due('" + task.getId() + "')");
            assertThat(task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list())
                    .as(task.getId() + " escalates when overdue")
                    .anyMatch(listener -> "timeout".equals(listener.getCamundaEvent())
                            && listener.getCamundaExpression().startsWith("${escalation.escalate(task, '"));
        }
    }

    @Test
    void everyFormIsDeployedWithTheProcess() throws Exception {
        try (var forms = Files.list(Path.of("forms"))) {
            forms.map(path -> path.getFileName().toString()).forEach(name -> assertThat(repository
                    .createDeploymentQuery().list().stream().flatMap(d -> repository.getDeploymentResourceNames(d.getId())
                            .stream()).anyMatch(resource -> resource.endsWith(name))).as(name + " deployed").isTrue());
        }
    }
}
