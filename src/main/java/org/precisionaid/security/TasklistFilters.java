package org.precisionaid.security;

import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The task lists every official sees in Tasklist: his group's tasks and the ones he has claimed.
 * Created once; administrators may edit them afterwards in Tasklist.
 */
@Component
@Order(5)
public class TasklistFilters implements ApplicationRunner {

    static final String GROUP_TASKS = "本组待办 / My group's tasks";
    static final String MY_TASKS = "我的任务 / Claimed by me";

    private final FilterService filters;
    private final TaskService tasks;
    private final AuthorizationService authorizations;

    public TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
        this.filters = filters;
        this.tasks = tasks;
        this.authorizations = authorizations;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (filters.createFilterQuery().filterName(GROUP_TASKS).count() == 0) {
            save(GROUP_TASKS, -10, tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                    .includeAssignedTasks().orderByDueDate().asc());
        }
        if (filters.createFilterQuery().filterName(MY_TASKS).count() == 0) {
            save(MY_TASKS, -5, tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}")
                    .orderByDueDate().asc());
        }
    }

    private void save(String name, int priority, org.camunda.bpm.engine.task.TaskQuery query) {
        Filter filter = filters.newTaskFilter(name)
                .setQuery(query)
                .setProperties(Map.of("priority", priority, "refresh", true,
                        "description", "按到期日排序 / Sorted by due date"));
        filters.saveFilter(filter);
        Authorization everyone = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
        everyone.setUserId(Authorization.ANY);
        everyone.setResource(Resources.FILTER);
        everyone.setResourceId(filter.getId());
        everyone.addPermission(Permissions.READ);
        authorizations.saveAuthorization(everyone);
    }
}
