package org.precisionaid.assistance;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.precisionaid.procedure.EngineCalls;
import org.precisionaid.procedure.OneActionPerTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Keeps the cadres offered by open registration tasks current: at start (tasks created before this version have no
 * list, and a list computed days ago may miss cadres added since), and whenever a county's cadres change — a cadre
 * added or gone is offered or withdrawn at once, since the form offers only what the list holds (ADR 0017). The
 * choice is checked again on completion anyway.
 */
@Component
@Order(30)
class RegistrationOptionsRefresh implements ApplicationRunner {

    static final int PAGE = 500;
    private static final Logger log = LoggerFactory.getLogger(RegistrationOptionsRefresh.class);

    private final TaskService tasks;
    private final RegistrationPairing pairing;
    private final IdentityService identity;
    private final OneActionPerTask taskLocks;

    RegistrationOptionsRefresh(TaskService tasks, RegistrationPairing pairing, IdentityService identity,
            OneActionPerTask taskLocks) {
        this.tasks = tasks;
        this.pairing = pairing;
        this.identity = identity;
        this.taskLocks = taskLocks;
    }

    @Override
    public void run(ApplicationArguments args) {
        int refreshed = refresh(null);
        if (refreshed > 0) {
            log.info("Cadre lists refreshed on {} open registration tasks", refreshed);
        }
    }

    /** Inside the transaction that changed the county's cadres: the new list is written with the change, or neither. */
    @EventListener
    void cadresChanged(AssistanceService.CadresChanged change) {
        // the server's own write, whoever's request changed the cadres: no official writes task variables himself
        EngineCalls.withoutAuthorization(identity, () -> refresh(change.countyCode().substring(0, 6)));
    }

    /**
     * Before a change that locks a cadre's row (a correction, a departure): the county's open registration tasks are
     * locked first, in the order a registration takes them — its task, then the cadre it pairs — so that the refresh
     * after the change cannot deadlock with a registration completing meanwhile (ADR 0021, one lock order).
     */
    @EventListener
    void cadresChanging(AssistanceService.CadresChanging change) {
        forEachOpenTask(change.countyCode().substring(0, 6), task -> { });
    }

    private int refresh(String county) {
        java.util.Map<String, org.camunda.bpm.engine.variable.value.TypedValue> optionsOfCounty = new java.util.HashMap<>();
        return forEachOpenTask(county, task -> {
            String regionCode = (String) tasks.getVariable(task.getId(), "regionCode");
            tasks.setVariableLocal(task.getId(), RegistrationPairing.OPTIONS,
                    optionsOfCounty.computeIfAbsent(regionCode.substring(0, 6), c -> pairing.options(regionCode)));
        });
    }

    /** Each open registration task of the county (all: null), locked; one completed meanwhile is passed by. */
    private int forEachOpenTask(String county, java.util.function.Consumer<Task> action) {
        int done = 0;
        for (int first = 0; ; first += PAGE) {
            TaskQuery query = tasks.createTaskQuery().processDefinitionKey("identification")
                    .taskDefinitionKey("registration");
            if (county != null) {
                query.processVariableValueLike("regionCode", county + "%");
            }
            List<Task> page = query.orderByTaskId().asc().listPage(first, PAGE);
            for (Task task : page) {
                if (!taskLocks.lock(task.getId())) {
                    continue; // registered by the township since the query: nothing left to offer
                }
                action.accept(task);
                done++;
            }
            if (page.size() < PAGE) {
                return done;
            }
        }
    }
}
