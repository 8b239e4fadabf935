package org.precisionaid.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.precisionaid.support.Officials.as;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.precisionaid.identification.IdentificationStarter;
import org.precisionaid.monitoring.MonitoringCase;
import org.precisionaid.monitoring.MonitoringCaseRepository;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.security.OfficialDirectory;
import org.precisionaid.support.Cadres;
import org.precisionaid.support.IntegrationTest;
import org.precisionaid.support.Registrations;
import org.springframework.beans.factory.annotation.Autowired;

/** bpmn/cadre-visit.bpmn: a cadre records a ledger entry from Tasklist. */
@IntegrationTest
class CadreVisitProcessTest {

    static final String VILLAGE = "654224101001";   // 同心居委会, 铁厂沟镇, 托里县

    @Autowired ProcessEngine engine;
    @Autowired IdentificationStarter starter;
    @Autowired IdentityService identity;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired AssistanceService assistance;
    @Autowired HouseholdService households;
    @Autowired OfficialDirectory officials;
    @Autowired MonitoringCaseRepository monitoringCases;

    Registrations cases;
    static int users;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        cases = new Registrations(starter, identity, tasks, runtime, management);
    }

    @Test
    void theCadreStartsAnEntryPicksHisHouseholdAndTheVisitIsInTheLedger() {
        String user = cadreLogin();
        long cadre = Cadres.fresh(assistance, "654224", CadreRank.STAFF, user);
        String applicationNo = cases.registered(VILLAGE, cadre);

        ProcessInstance instance = as(identity, user, () -> runtime.startProcessInstanceByKey("cadreVisit"));
        Task task = as(identity, user, () -> tasks.createTaskQuery().taskAssignee(user).singleResult());
        assertThat(task).as("the entry waits in his own list").isNotNull();
        assertThat(task.getTaskDefinitionKey()).isEqualTo("recordVisit");
        assertThat(task.getDueDate()).isNotNull();
        String options = tasks.getVariableLocal(task.getId(), CadreVisits.OPTIONS).toString();
        assertThat(options).contains(applicationNo).contains("王建国").contains("同心居委会").doesNotContain("654224198");

        as(identity, user, () -> tasks.complete(task.getId(), entry(applicationNo, LocalDate.now().toString())));

        assertThat(instance).isEnded();
        Visit visit = assistance.visitsOfHousehold(households.get(applicationNo).getId(), 10).get(0);
        assertThat(visit.getCadreId()).isEqualTo(cadre);
        assertThat(visit.getMeasureType()).isEqualTo(MeasureType.SKILLS);
        assertThat(visit.getAmount()).isEqualByComparingTo("350.5");
        assertThat(visit.getRecordedBy()).isEqualTo(user);
    }

    @Test
    void aVisitFlaggedRiskFoundOpensAMonitoringCaseForTheVillageClerkAndOnlyOne() {
        String user = cadreLogin();
        long cadre = Cadres.fresh(assistance, "654224", CadreRank.STAFF, user);
        String applicationNo = cases.registered(VILLAGE, cadre);
        long householdId = households.get(applicationNo).getId();

        recordEntry(user, entry(applicationNo, LocalDate.now().toString()));
        assertThat(monitoringCases.findByHouseholdIdOrderById(householdId)).as("an ordinary visit opens nothing").isEmpty();

        Map<String, Object> risk = entry(applicationNo, LocalDate.now().toString());
        risk.put("description", "户主摔伤住院，家里没有劳动力了 / The head fell and is in hospital; nobody can work");
        risk.put("riskFound", true);
        recordEntry(user, risk);

        List<MonitoringCase> opened = monitoringCases.findByHouseholdIdOrderById(householdId);
        assertThat(opened).hasSize(1);
        assertThat(opened.get(0).getChannel()).isEqualTo(MonitoringCase.Channel.CADRE);
        assertThat(opened.get(0).getOpenedBy()).isEqualTo(user);
        assertThat(opened.get(0).getReport()).contains("户主摔伤住院");
        Task check = tasks.createTaskQuery().processInstanceBusinessKey(opened.get(0).getCaseNo()).singleResult();
        assertThat(check.getTaskDefinitionKey()).as("the clerk checks the household next").isEqualTo("householdCheck");
        assertThat(tasks.createTaskQuery().taskId(check.getId()).taskCandidateGroup("clerk-" + VILLAGE).count())
                .isEqualTo(1);
        assertThat(assistance.visitsOfHousehold(householdId, 10)).hasSize(2);

        recordEntry(user, risk);
        assertThat(monitoringCases.findByHouseholdIdOrderById(householdId)).as("the open case goes on").hasSize(1);
        assertThat(assistance.visitsOfHousehold(householdId, 10)).as("the visit is in the ledger still").hasSize(3);
    }

    @Test
    void theFlagIsTheOnlyMonitoringValueTheCadreSends() {
        String user = cadreLogin();
        long cadre = Cadres.fresh(assistance, "654224", CadreRank.STAFF, user);
        String applicationNo = cases.registered(VILLAGE, cadre);
        Task task = openEntry(user);
        Map<String, Object> forged = entry(applicationNo, LocalDate.now().toString());
        forged.put("riskFound", true);
        forged.put("regionCode", "654225101201");

        assertThatThrownBy(() -> as(identity, user, () -> tasks.complete(task.getId(), forged)))
                .hasMessageContaining("regionCode");
        assertThat(monitoringCases.findByHouseholdIdOrderById(households.get(applicationNo).getId())).isEmpty();
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as("nothing written half-way").isEqualTo(1);
    }

    private Task openEntry(String user) {
        as(identity, user, () -> runtime.startProcessInstanceByKey("cadreVisit"));
        return as(identity, user, () -> tasks.createTaskQuery().taskAssignee(user).singleResult());
    }

    private void recordEntry(String user, Map<String, Object> entry) {
        Task task = openEntry(user);
        as(identity, user, () -> tasks.complete(task.getId(), entry));
    }

    @Test
    void aFutureDateIsRefusedInTheFormAndTheEntryStaysOpen() {
        String user = cadreLogin();
        long cadre = Cadres.fresh(assistance, "654224", CadreRank.STAFF, user);
        String applicationNo = cases.registered(VILLAGE, cadre);
        as(identity, user, () -> runtime.startProcessInstanceByKey("cadreVisit"));
        Task task = as(identity, user, () -> tasks.createTaskQuery().taskAssignee(user).singleResult());

        assertThatThrownBy(() -> as(identity, user, () -> tasks.complete(task.getId(),
                entry(applicationNo, LocalDate.now().plusDays(3).toString()))))
                .hasMessageContaining("请更正 / Please correct").hasMessageContaining("is in the future");
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    }

    @Test
    void someoneWhoIsNoCadreCannotStartAnEntry() {
        String user = cadreLogin();   // a cadre login not linked to any cadre of the registry
        assertThatThrownBy(() -> as(identity, user, () -> runtime.startProcessInstanceByKey("cadreVisit")))
                .hasMessageContaining("Only an active responsible cadre");
        assertThatThrownBy(() -> as(identity, "township.654224101",
                () -> runtime.startProcessInstanceByKey("cadreVisit"))).as("no start permission").isNotNull();
    }

    @Test
    void theModelFollowsTheHouseRules() throws Exception {
        String xml = Files.readString(Path.of("bpmn/cadre-visit.bpmn"));
        assertThat(xml).contains("modeler:executionPlatformVersion=\"7.24.0\"").contains("<bpmndi:BPMNDiagram");
        BpmnModelInstance model = Bpmn.readModelFromFile(new File("bpmn/cadre-visit.bpmn"));
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            assertThat(task.getName()).matches("\\p{IsHan}.* / [A-Z].*");
            assertThat(Path.of("forms", task.getCamundaFormRef() + ".form")).exists();
            assertThat(task.getCamundaDueDate()).contains("deadlines.due('cadreVisit', '" + task.getId() + "')");
            assertThat(task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list())
                    .anyMatch(listener -> "timeout".equals(listener.getCamundaEvent()));
        }
    }

    private static Map<String, Object> entry(String applicationNo, String date) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("applicationNo", applicationNo);
        variables.put("visitDate", date);       // form-js sends dates as text
        variables.put("measureType", "SKILLS");
        variables.put("description", "联系县职业技能培训班，报名电焊 / Enrolled in the county welding course");
        variables.put("amount", 350.5);
        return variables;
    }

    private String cadreLogin() {
        String user = "cadre.654224.v" + (++users) + System.nanoTime() % 100000;
        officials.create(user, "测试", "Cadre", null, CadreApiTest.CADRE_PASSWORD, "654224000000", "cadre");
        return user;
    }
}
