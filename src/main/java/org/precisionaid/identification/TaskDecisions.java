package org.precisionaid.identification;


import org.precisionaid.procedure.FormInput;
import org.precisionaid.procedure.Officials;
import org.precisionaid.procedure.ProcessBean;
import org.precisionaid.procedure.Rejections;
import org.precisionaid.procedure.VoteRule;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.precisionaid.registry.Codes.Level;
import org.precisionaid.registry.Codes.Status;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.web.FieldRuleException;
import org.springframework.stereotype.Component;

/**
 * On completion of each review task: checks the official's entries (a broken rule keeps the task open and
 * tells him which field), writes the decision to the registry, and notes a rejection for the model to close.
 */
@Component("taskDecisions")
@ProcessBean
public class TaskDecisions implements TaskListener {

    private static final Set<String> APPROVE_REJECT = Set.of("approve", "reject");
    private static final Set<String> APPROVE_REJECT_RETURN = Set.of("approve", "reject", "return");

    private final HouseholdService households;

    public TaskDecisions(HouseholdService households) {
        this.households = households;
    }

    @Override
    public void notify(DelegateTask task) {
        long householdId = ProcessVariables.householdId(task);
        String actor = Officials.actor(task);
        VariableScope process = task.getExecution().getProcessInstance();
        try {
            decide(task, process, householdId, actor);
        } catch (FieldRuleException e) {
            throw Officials.pleaseCorrect(e, StartForm::describe);
        }
    }

    private void decide(DelegateTask task, VariableScope process, long householdId, String actor) {
        switch (task.getTaskDefinitionKey()) {
            case "groupEvaluation" -> groupEvaluation(task, process, householdId, actor);
            case "villageReview" -> review(task, process, householdId, actor, "village", Level.VILLAGE, APPROVE_REJECT);
            case "townshipReview" -> review(task, process, householdId, actor, "township", Level.TOWNSHIP,
                    APPROVE_REJECT_RETURN);
            case "countyReview" -> review(task, process, householdId, actor, "county", Level.COUNTY, APPROVE_REJECT);
            case "registration" -> registration(task, process, actor);
            default -> throw new IllegalStateException("no decision rules for task " + task.getTaskDefinitionKey());
        }
    }

    private void groupEvaluation(DelegateTask task, VariableScope process, long householdId, String actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        Long attendees = whole(task.getVariable("attendees"), "attendees", errors);
        Long votesFor = whole(task.getVariable("votesFor"), "votesFor", errors);
        VoteRule.check(attendees, votesFor, "attendees", "votesFor", errors);
        String minutes = comment(task, "groupMinutes", true, errors);
        if (!errors.isEmpty()) {
            throw FieldRuleException.invalid(errors);
        }
        boolean passed = VoteRule.passes(attendees, votesFor);
        process.setVariable("groupVotePassed", passed);
        String outcome = votesFor + "/" + attendees;
        households.decide(householdId, Status.APPLIED, Level.GROUP, passed ? "passed " + outcome : "failed " + outcome,
                minutes, actor);
        if (!passed) {
            Rejections.reject(process, Level.GROUP, "民主评议未过半数 / The group vote failed (" + outcome + "): "
                    + minutes, actor);
        }
    }

    private void review(DelegateTask task, VariableScope process, long householdId, String actor, String prefix,
            Level level, Set<String> allowed) {
        Map<String, String> errors = new LinkedHashMap<>();
        String decisionField = prefix + "Decision";
        Object raw = task.getVariable(decisionField);
        String decision = raw == null ? null : raw.toString();
        if (decision == null || !allowed.contains(decision)) {
            errors.put(decisionField, "choose one of " + allowed);
        }
        boolean needsReason = decision != null && !"approve".equals(decision);
        String comment = comment(task, prefix + "Comment", needsReason, errors);
        if ("village".equals(prefix) && "approve".equals(decision) && task.getVariable("villageNoticeDate") == null) {
            errors.put("villageNoticeDate", "give the date the list was posted in the village");
        }
        if (!errors.isEmpty()) {
            throw FieldRuleException.invalid(errors);
        }
        switch (decision) {
            case "approve" -> households.decide(householdId, Status.APPLIED, level, "approved", comment, actor);
            case "return" -> households.decide(householdId, Status.RETURNED, level, "returned", comment, actor);
            default -> Rejections.reject(process, level, comment, actor);
        }
    }

    private void registration(DelegateTask task, VariableScope process, String actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        comment(task, "supportMeasures", true, errors);
        Long exitYear = whole(task.getVariable("plannedExitYear"), "plannedExitYear", errors);
        int thisYear = LocalDate.now().getYear();
        if (exitYear != null && (exitYear < thisYear || exitYear > thisYear + 5)) {
            errors.put("plannedExitYear", "must be between " + thisYear + " and " + (thisYear + 5));
        }
        if (!errors.isEmpty()) {
            throw FieldRuleException.invalid(errors);
        }
        process.setVariable("registeredBy", actor);
    }

    private static String comment(DelegateTask task, String field, boolean required, Map<String, String> errors) {
        return FormInput.text(task, field, required, errors);
    }

    private static Long whole(Object value, String field, Map<String, String> errors) {
        return FormInput.whole(value, field, errors);
    }
}
