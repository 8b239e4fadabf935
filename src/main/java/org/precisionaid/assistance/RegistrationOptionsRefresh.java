package org.precisionaid.assistance;

import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start, gives every open registration task a fresh list of cadres: tasks created before this version have
 * none, and a list computed days ago may miss cadres added since. The choice is checked again on completion anyway.
 */
@Component
@Order(30)
class RegistrationOptionsRefresh implements ApplicationRunner {

    static final int PAGE = 500;
    private static final Logger log = LoggerFactory.getLogger(RegistrationOptionsRefresh.class);

    private final TaskService tasks;
    private final RegistrationPairing pairing;

    RegistrationOptionsRefresh(TaskService tasks, RegistrationPairing pairing) {
        this.tasks = tasks;
        this.pairing = pairing;
    }

    @Override
    public void run(ApplicationArguments args) {
        int refreshed = 0;
        for (int first = 0; ; first += PAGE) {
            List<Task> page = tasks.createTaskQuery().processDefinitionKey("identification")
                    .taskDefinitionKey("registration").orderByTaskId().asc().listPage(first, PAGE);
            for (Task task : page) {
                String regionCode = (String) tasks.getVariable(task.getId(), "regionCode");
                tasks.setVariableLocal(task.getId(), RegistrationPairing.OPTIONS, pairing.options(regionCode));
                refreshed++;
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        if (refreshed > 0) {
            log.info("Cadre lists refreshed on {} open registration tasks", refreshed);
        }
    }
}
