package org.precisionaid.support;

import static org.precisionaid.support.Officials.as;
import static org.precisionaid.support.Officials.claimAndComplete;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.precisionaid.identification.IdentificationStarter;

/** Walks households of a demo village through identification, as its demo officials, up to registration. */
public record Registrations(IdentificationStarter starter, IdentityService identity, TaskService tasks,
                            RuntimeService runtime, ManagementService management) {

    /** Applies, approves at every level and lets the notice run out: the case waits at its registration task. */
    public String atRegistration(String village) {
        String township = village.substring(0, 9);
        String county = village.substring(0, 6);
        String clerk = "clerk." + village;
        String applicationNo = as(identity, clerk, () -> starter.apply(Applications.eligible(village), clerk))
                .household().getApplicationNo();
        claimAndComplete(identity, tasks, clerk, applicationNo, Map.of("meetingDate", new Date(), "attendees", 12L,
                "votesFor", 10L, "groupMinutes", "通过"));
        claimAndComplete(identity, tasks, "village." + village, applicationNo,
                Map.of("villageDecision", "approve", "villageNoticeDate", new Date()));
        claimAndComplete(identity, tasks, "township." + township, applicationNo, Map.of("townshipDecision", "approve"));
        claimAndComplete(identity, tasks, "county." + county, applicationNo, Map.of("countyDecision", "approve"));
        String instanceId = runtime.createProcessInstanceQuery().processInstanceBusinessKey(applicationNo)
                .singleResult().getId();
        management.executeJob(management.createJobQuery().processInstanceId(instanceId)
                .activityId("noticePeriodOver").singleResult().getId());
        return applicationNo;
    }

    /** The township completes the registration task with this cadre (as the form sends it: the id as text). */
    public void register(String applicationNo, long cadreId) {
        claimAndComplete(identity, tasks, "township." + village(applicationNo).substring(0, 9), applicationNo,
                registration(cadreId));
    }

    public String registered(String village, long cadreId) {
        String applicationNo = atRegistration(village);
        register(applicationNo, cadreId);
        return applicationNo;
    }

    public Task registrationTask(String applicationNo) {
        return tasks.createTaskQuery().processInstanceBusinessKey(applicationNo).taskDefinitionKey("registration")
                .singleResult();
    }

    public static Map<String, Object> registration(long cadreId) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("cadreId", String.valueOf(cadreId));
        variables.put("supportMeasures", "发展养殖：30只羊 / Sheep farming");
        variables.put("plannedExitYear", (long) java.time.Year.now().getValue() + 1);
        return variables;
    }

    /** SQ-2026-654224101201-000123 → 654224101201 */
    public static String village(String applicationNo) {
        return applicationNo.split("-")[2];
    }

    public static void asOfficial(IdentityService identity, String user, Runnable action) {
        as(identity, user, action);
    }
}
