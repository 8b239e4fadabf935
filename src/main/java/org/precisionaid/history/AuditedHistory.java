package org.precisionaid.history;

import java.util.Set;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ByteArrayEntity;
import org.camunda.bpm.engine.repository.ResourceTypes;

/**
 * History FULL, less what nobody reads and what is kept twice (ADR 0028). Every case keeps: the case, each
 * activity it passed (tasks, service tasks, events, sub-processes), each task with its official and times, every value
 * set on the case with its time and task (the submitted values), the user-operation log (who opened, claimed,
 * assigned, completed), incidents, the decisions' evaluations and the job log's runs (which node fired each timer or
 * ran each job, once, and each failure: what operations read after a crash or with two nodes). It no longer keeps:
 * <ul>
 *   <li>the job log's "created" and "deleted" rows: a due-date timer is made with every task and deleted when the task
 *       is done in time; nobody reads either (a pending job is in the runtime tables), and the bulk start makes
 *       100,000 of them at once (ADR 0032);</li>
 *   <li>the identity-link log (candidate groups come from the region; claims and assignments are in the operation log);</li>
 *   <li>gateways passed (the path shows in the tasks and events on either side);</li>
 *   <li>the variable-instance table (each value is in the variable updates already, with its time: written once);</li>
 *   <li>display-only and derived values: names ending in {@code Summary} or {@code Options} (what a form shows above
 *       its fields, rebuilt from the registry) and the names configured in
 *       {@code precision-aid.history.derived-variables} (keys and results the registry and the decision history hold).</li>
 * </ul>
 */
public class AuditedHistory extends DbHistoryEventHandler {

    static final Set<String> GATEWAYS = Set.of("exclusiveGateway", "parallelGateway", "inclusiveGateway",
            "eventBasedGateway", "complexGateway");

    private final Set<String> derivedVariables;

    public AuditedHistory(Set<String> derivedVariables) {
        this.derivedVariables = Set.copyOf(derivedVariables);
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        if (event instanceof HistoricIdentityLinkLogEventEntity
                || event instanceof HistoricActivityInstanceEventEntity activity
                        && GATEWAYS.contains(activity.getActivityType())
                || event instanceof HistoricJobLogEvent job && (job.isCreationLog() || job.isDeletionLog())) {
            return;
        }
        super.handleEvent(event);
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
