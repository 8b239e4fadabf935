package org.precisionaid.identification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.precisionaid.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The house rules of docs/processes, applied to every model in bpmn/: a model that breaks them fails the build. */
@IntegrationTest
class ModelConventionsTest {

    static List<Path> models() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            return files.filter(path -> path.toString().endsWith(".bpmn")).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void theModelOpensInModelerForCamunda724(Path file) throws Exception {
        String xml = Files.readString(file);
        assertThat(xml).contains("modeler:executionPlatform=\"Camunda Platform\"")
                .contains("modeler:executionPlatformVersion=\"7.24.0\"").contains("<bpmndi:BPMNDiagram");
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        for (Process process : model.getModelElementsByType(Process.class)) {
            assertThat(process.isExecutable()).isTrue();
            assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
            assertThat(process.getId()).matches("[a-z][a-zA-Z0-9]*");
        }
    }

    /** Started by the bulk start (annualAssessmentStart), by annualAssessment's call activity or by a department list's upload (crossCheck), never by an official. */
    static final java.util.Set<String> ENGINE_STARTED = java.util.Set.of("annualAssessment", "householdExit", "crossCheck",
            // the server starts a round after drawing its sample (POST /api/inspections); a finding's rectification is
            // called from the round
            "inspection", "inspectionRectification");

    @ParameterizedTest
    @MethodSource("models")
    void everyUserTaskHasABilingualNameAFormRegionGroupsADueDateAndEscalation(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        Process process = model.getModelElementsByType(Process.class).iterator().next();
        Collection<UserTask> userTasks = model.getModelElementsByType(UserTask.class);
        // annualAssessmentStart has no user task: it only starts the cases of a county's year
        assertThat(userTasks.isEmpty() ? model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.ServiceTask.class)
                : userTasks).as("tasks of " + file).isNotEmpty();
        for (UserTask task : userTasks) {
            assertThat(task.getId()).matches("[a-z][a-zA-Z0-9]*");
            assertThat(task.getName()).as(task.getId()).matches("\\p{IsHan}.* / [A-Z].*");
            assertThat(task.getCamundaFormRef()).as(task.getId() + " form").isNotBlank();
            assertThat(Path.of("forms", task.getCamundaFormRef() + ".form")).as(task.getId() + " form file").exists();
            // the region's group, or the official who opened the case for himself (a cadre's own ledger entry)
            assertThat(task.getCamundaCandidateGroups() == null ? task.getCamundaAssignee()
                    : task.getCamundaCandidateGroups()).as(task.getId() + " groups")
                    .matches("\\$\\{groups\\.of\\(regionCode, .*|\\$\\{initiator\\}"
                            // a finding's township, or its unit's liaisons instead (users: ADR 0030)
                            + "|\\$\\{inspectionRectifiers\\.groups\\(findingId\\)\\}");
            assertThat(task.getCamundaDueDate()).as(task.getId() + " due date")
                    .contains("deadlines.due('" + process.getId() + "', '" + task.getId() + "')");
            assertThat(task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list())
                    .as(task.getId() + " escalates when overdue")
                    .anyMatch(listener -> "timeout".equals(listener.getCamundaEvent())
                            && listener.getCamundaExpression().startsWith("${escalation.escalate(task, '"));
        }
        for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
            // cases the engine starts itself (one per household of a county's year; an exit called from it) have no form
            boolean startedByTheEngine = ENGINE_STARTED.contains(process.getId());
            if (start.getParentElement() == process && start.getEventDefinitions().isEmpty() && !startedByTheEngine) {
                assertThat(start.getCamundaFormRef()).as(start.getId() + " start form").isNotBlank();
                assertThat(Path.of("forms", start.getCamundaFormRef() + ".form")).exists();
            }
        }
    }

    /** Security contract: a name in a model's expression that is a Spring bean must be a {@code @ProcessBean}. */
    @ParameterizedTest
    @MethodSource("models")
    void everyBeanAModelNamesIsAProcessBean(Path file, @Autowired org.springframework.context.ApplicationContext context)
            throws Exception {
        var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        StringBuilder texts = new StringBuilder();
        collect(factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement(), texts);
        java.util.regex.Matcher expressions = java.util.regex.Pattern.compile("[$#]\\{[^}]*}").matcher(texts);
        int checked = 0;
        while (expressions.find()) {
            var tree = new org.camunda.bpm.impl.juel.Builder(org.camunda.bpm.impl.juel.Builder.Feature.METHOD_INVOCATIONS)
                    .build(expressions.group());
            for (var identifier : tree.getIdentifierNodes()) {
                String name = identifier.getName();
                if (context.containsBean(name)) {
                    Class<?> type = org.springframework.aop.support.AopUtils.getTargetClass(context.getBean(name));
                    assertThat(type.isAnnotationPresent(org.precisionaid.procedure.ProcessBean.class))
                            .as(file + ": " + expressions.group() + " names bean '" + name + "'").isTrue();
                    checked++;
                }
            }
        }
        assertThat(checked).as("the models call beans").isPositive();
    }

    /** Every attribute value and text of the model, decoded, one per line. */
    private static void collect(org.w3c.dom.Node node, StringBuilder texts) {
        if (node.getAttributes() != null) {
            for (int i = 0; i < node.getAttributes().getLength(); i++) {
                texts.append(node.getAttributes().item(i).getNodeValue()).append('\n');
            }
        }
        for (org.w3c.dom.Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == org.w3c.dom.Node.TEXT_NODE) {
                texts.append(child.getNodeValue()).append('\n');
            } else {
                collect(child, texts);
            }
        }
    }

    @Test
    void everyFormIsDeployedWithTheProcess(@Autowired RepositoryService repository) throws Exception {
        try (var forms = Files.list(Path.of("forms"))) {
            forms.map(path -> path.getFileName().toString()).forEach(name -> assertThat(repository
                    .createDeploymentQuery().list().stream().flatMap(d -> repository.getDeploymentResourceNames(d.getId())
                            .stream()).anyMatch(resource -> resource.endsWith(name))).as(name + " deployed").isTrue());
        }
    }
}
