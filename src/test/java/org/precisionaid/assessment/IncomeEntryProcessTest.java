package org.precisionaid.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.precisionaid.assistance.AssistanceService;
import org.precisionaid.registry.Household;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.support.IntegrationTest;
import org.precisionaid.support.Officials;
import org.precisionaid.support.Projects;
import org.springframework.beans.factory.annotation.Autowired;

/** incomeEntry: the clerk records a line from Tasklist; bad entries keep the task open; others cannot start it. */
@IntegrationTest
class IncomeEntryProcessTest {

    static final String CLERK = "clerk." + Projects.VILLAGE;

    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired HouseholdService households;
    @Autowired AssistanceService assistance;
    @Autowired IncomeAccounts accounts;

    @Test
    void theClerkChoosesAHouseholdOfHisVillageAndTheLineIsWritten() {
        Household household = Projects.registered(households, assistance, Projects.VILLAGE);
        String no = household.getApplicationNo();
        ProcessInstance instance = Officials.as(identity, CLERK, () -> runtime.startProcessInstanceByKey("incomeEntry"));
        Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(task.getAssignee()).isEqualTo(CLERK);
        assertThat(tasks.getVariable(task.getId(), "householdOptions").toString()).contains(no);

        assertThatThrownBy(() -> Officials.as(identity, CLERK, () -> tasks.complete(task.getId(), Map.of(
                "applicationNo", no, "entryDate", LocalDate.now().toString(), "item", "WAGES", "amountYuan", 12.345))))
                .hasMessageContaining("amountYuan").hasMessageContaining("decimal");
        assertThatThrownBy(() -> Officials.as(identity, CLERK, () -> tasks.complete(task.getId(), Map.of(
                "applicationNo", no, "entryDate", LocalDate.now().toString(), "item", "WAGES", "amountYuan", -50.0))))
                .hasMessageContaining("amountYuan").hasMessageContaining("positive");
        assertThat(accounts.summary(no, LocalDate.now().getYear()).entries()).isEmpty();

        Officials.as(identity, CLERK, () -> tasks.complete(task.getId(), Map.of("applicationNo", no,
                "entryDate", LocalDate.now().toString(), "item", "OPERATING", "amountYuan", -123.45,
                "note", "冰雹减产 / hail")));
        var account = accounts.summary(no, LocalDate.now().getYear());
        assertThat(account.entries()).hasSize(1);
        assertThat(account.entries().get(0).amountFen()).isEqualTo(-12_345L);
        assertThat(account.entries().get(0).recordedBy()).isEqualTo(CLERK);
    }

    @Test
    void someoneWhoIsNeitherClerkNorCadreCannotRecord() {
        assertThatThrownBy(() -> Officials.as(identity, "township.654224101",
                () -> runtime.startProcessInstanceByKey("incomeEntry"))).hasMessageContaining("incomeEntry");
    }
}
