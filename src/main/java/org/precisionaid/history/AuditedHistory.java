package org.precisionaid.history;

import java.util.Set;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.history.JobState;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.bpmn.helper.BpmnProperties;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ByteArrayEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.repository.ResourceTypes;

/**
 * History FULL, less what nobody reads and what is kept twice (ADR 0028). Every case keeps: the case, each
 * activity it passed (tasks, service tasks, events, sub-processes), each task with its official and times, every value
 * set on the case with its time and task (the submitted values), the user-operation log (who opened, claimed,
 * assigned, completed), incidents, the decisions' evaluations and the job log (which node fired each timer, once: what
 * operations read after a crash or with two nodes). It no longer keeps:
 * <ul>
 *   <li>the identity-link log (candidate groups come from the region; claims and assignments are in the operation log);</li>
 *   <li>gateways passed (the path shows in the tasks and events on either side);</li>
 *   <li>user tasks as activities: the task's own row has the same activity, instance, times and official, and more;</li>
 *   <li>none start events, and none end events whose scope says which end was reached (the case's row names its start
 *       and end activity, a sub-process's row its times; a sub-process with several none ends keeps them);</li>
 *   <li>a job's creation and its deletion unfired (an escalation timer of a task done in time): the job log keeps each
 *       firing and each failure, with its node;</li>
 *   <li>the operation log's completion of a task by the official who held it, and its start of a case by the official
 *       who started it: the task's row (assignee, end) and the case's row (start user, start) say the same; a task
 *       completed by someone other than its holder keeps its entry;</li>
 *   <li>the variable-instance table (each value is in the variable updates already, with its time: written once);</li>
 *   <li>display-only and derived values: names ending in {@code Summary} or {@code Options} (what a form shows above
 *       its fields, rebuilt from the registry) and the names configured in
 *       {@code precision-aid.history.derived-variables} (keys and results the registry and the decision history hold).</li>
 * </ul>
 */
public class AuditedHistory extends DbHistoryEventHandler {

    static final Set<String> GATEWAYS = Set.of("exclusiveGateway", "parallelGateway", "inclusiveGateway",
            "eventBasedGateway", "complexGateway");
    static final String NONE_START = "startEvent";
    static final String NONE_END = "noneEndEvent";
    static final String USER_TASK = "userTask";

    private final Set<String> derivedVariables;

    public AuditedHistory(Set<String> derivedVariables) {
        this.derivedVariables = Set.copyOf(derivedVariables);
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        if (event instanceof HistoricIdentityLinkLogEventEntity
                || event instanceof HistoricActivityInstanceEventEntity activity && repeatsItsNeighbours(activity)
                || event instanceof HistoricJobLogEvent job && !firedOrFailed(job)
                || event instanceof UserOperationLogEntryEventEntity operation && repeatsItsRow(operation)) {
            return;
        }
        super.handleEvent(event);
    }

    /** Both the start and the end of such an activity are left out, so no update ever meets a missing row. */
    boolean repeatsItsNeighbours(HistoricActivityInstanceEventEntity activity) {
        String type = activity.getActivityType();
        if (GATEWAYS.contains(type) || NONE_START.equals(type) || USER_TASK.equals(type)) {
            return true; // a scope has one none start event: its start is the scope's own; a user task has its task row
        }
        if (!NONE_END.equals(type)) {
            return false;
        }
        if (activity.getProcessInstanceId() != null
                && activity.getProcessInstanceId().equals(activity.getParentActivityInstanceId())) {
            return true; // the case's row keeps its end activity
        }
        ProcessDefinitionEntity definition = Context.getProcessEngineConfiguration().getDeploymentCache()
                .findDeployedProcessDefinitionById(activity.getProcessDefinitionId());
        ActivityImpl end = definition == null ? null : definition.findActivity(activity.getActivityId());
        return end != null && end.getFlowScope().getActivities().stream()
                .filter(sibling -> NONE_END.equals(sibling.getProperties().get(BpmnProperties.TYPE))).count() == 1;
    }

    static boolean firedOrFailed(HistoricJobLogEvent job) {
        return job.getState() == JobState.SUCCESSFUL.getStateCode() || job.getState() == JobState.FAILED.getStateCode();
    }

    /** A completion by the task's holder, or a case's plain start: the task's or case's own row holds the fact. */
    static boolean repeatsItsRow(UserOperationLogEntryEventEntity operation) {
        String type = operation.getOperationType();
        if (UserOperationLogEntry.OPERATION_TYPE_CREATE.equals(type)
                && EntityTypes.PROCESS_INSTANCE.equals(operation.getEntityType()) && operation.getProperty() == null) {
            return true;
        }
        if (!UserOperationLogEntry.OPERATION_TYPE_COMPLETE.equals(type) || operation.getTaskId() == null
                || operation.getUserId() == null) {
            return false;
        }
        TaskEntity task = Context.getCommandContext().getDbEntityManager().getCachedEntity(TaskEntity.class,
                operation.getTaskId());
        return task != null && operation.getUserId().equals(task.getAssignee());
    }

    /** A value set on the case: one variable-update row, only; none for a display-only or derived value. */
    @Override
    protected void insertHistoricVariableUpdateEntity(HistoricVariableUpdateEventEntity update) {
        boolean setOrChanged = update.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_CREATE)
                || update.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE);
        if (!setOrChanged || !recorded(update.getVariableName()) || !shouldWriteHistoricDetail(update)) {
            return;
        }
        if (update.getByteValue() != null) { // a serialized or JSON value lives in a byte array of its own
            ByteArrayEntity bytes = new ByteArrayEntity(update.getVariableName(), update.getByteValue(),
                    ResourceTypes.HISTORY);
            bytes.setRootProcessInstanceId(update.getRootProcessInstanceId());
            bytes.setRemovalTime(update.getRemovalTime());
            Context.getCommandContext().getByteArrayManager().insertByteArray(bytes);
            update.setByteArrayId(bytes.getId());
        }
        getDbEntityManager().insert(update);
    }

    boolean recorded(String name) {
        return name != null && !name.endsWith("Summary") && !name.endsWith("Options") && !derivedVariables.contains(name);
    }
}
