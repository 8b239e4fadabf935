package org.precisionaid.identification;

import java.util.List;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who is acting: the official logged in for this request, or the task's assignee. */
final class Officials {

    static final String SYSTEM = "system";

    private Officials() {
    }

    /** The message Tasklist shows above the form when an entry breaks a rule; the task stays open. */
    static org.camunda.bpm.engine.ProcessEngineException pleaseCorrect(RuntimeException rule) {
        return new org.camunda.bpm.engine.ProcessEngineException(
                "请更正 / Please correct — " + StartForm.describe(rule.getMessage()), rule);
    }

    static Authentication current() {
        return Context.getCommandContext() == null ? null
                : Context.getCommandContext().getAuthentication();
    }

    static String actor(DelegateTask task) {
        Authentication authentication = current();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        return task.getAssignee() != null ? task.getAssignee() : SYSTEM;
    }

    static String actor(VariableScope ignored) {
        Authentication authentication = current();
        return authentication != null && authentication.getUserId() != null ? authentication.getUserId() : SYSTEM;
    }

    /** True when nobody is logged in (engine-internal work) or the official is in one of the groups. */
    static boolean mayActAs(List<String> allowedGroups) {
        Authentication authentication = current();
        if (authentication == null || authentication.getUserId() == null) {
            return true;
        }
        List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
        return groups.contains(Groups.CAMUNDA_ADMIN) || groups.stream().anyMatch(allowedGroups::contains);
    }
}
