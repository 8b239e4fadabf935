package org.precisionaid.support;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;

/** Runs engine calls as a given demo official, with his real group memberships. */
public final class Officials {

    private Officials() {
    }

    public static <T> T as(IdentityService identity, String userId, Supplier<T> action) {
        List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
        identity.setAuthentication(userId, groups);
        try {
            return action.get();
        } finally {
            identity.clearAuthentication();
        }
    }

    /** The official finds the case's one open task in his own view, claims and completes it. */
    public static void claimAndComplete(IdentityService identity, TaskService tasks,
            String official, String businessKey, Map<String, Object> variables) {
        as(identity, official, () -> {
            Task task = tasks.createTaskQuery().processInstanceBusinessKey(businessKey)
                    .singleResult();
            if (task == null) {
                throw new AssertionError(official + " sees no task of " + businessKey);
            }
            tasks.claim(task.getId(), official);
            tasks.complete(task.getId(), variables);
        });
    }

    public static void as(IdentityService identity, String userId, Runnable action) {
        as(identity, userId, () -> {
            action.run();
            return null;
        });
    }
}
