package org.precisionaid.procedure;

import java.util.List;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who is acting in a procedure: the official logged in for this request, or the task's assignee. */
public final class Officials {

    public static final String SYSTEM = "system";

    private Officials() {
    }

    /** The message Tasklist shows above the form when an entry breaks a rule; the task stays open. */
    public static PleaseCorrect pleaseCorrect(RuntimeException rule) {
        return pleaseCorrect(rule, UnaryOperator.identity());
    }

    /** As {@link #pleaseCorrect(RuntimeException)}, with the field paths put into the form's words. */
    public static PleaseCorrect pleaseCorrect(RuntimeException rule, UnaryOperator<String> describe) {
        return new PleaseCorrect(describe.apply(rule.getMessage()), rule);
    }

    public static Authentication current() {
        return Context.getCommandContext() == null ? null
                : Context.getCommandContext().getAuthentication();
    }

    public static String actor(DelegateTask task) {
        Authentication authentication = current();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        return task.getAssignee() != null ? task.getAssignee() : SYSTEM;
    }

    public static String actor(VariableScope ignored) {
        Authentication authentication = current();
        return authentication != null && authentication.getUserId() != null ? authentication.getUserId() : SYSTEM;
    }

    /** True when nobody is logged in (engine-internal work) or the official is in one of the groups. */
    public static boolean mayActAs(List<String> allowedGroups) {
        Authentication authentication = current();
        if (authentication == null || authentication.getUserId() == null) {
            return true;
        }
        List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
        return groups.contains(Groups.CAMUNDA_ADMIN) || groups.stream().anyMatch(allowedGroups::contains);
    }
}
