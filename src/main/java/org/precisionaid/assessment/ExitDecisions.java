package org.precisionaid.assessment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.precisionaid.identification.ProcessVariables;
import org.precisionaid.procedure.FormInput;
import org.precisionaid.procedure.Officials;
import org.precisionaid.procedure.ProcessBean;
import org.precisionaid.procedure.Rejections;
import org.precisionaid.procedure.VoteRule;
import org.precisionaid.registry.Codes.Level;
import org.precisionaid.registry.Household;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.web.FieldRuleException;
import org.springframework.stereotype.Component;

/**
 * The decisions of the exit procedure (householdExit): each task's entries are checked (a broken rule keeps the task
 * open and names the field), the decision is kept with the household's decisions, and a refusal is noted for the
 * model to close with level, reason and official.
 */
@Component("exitDecisions")
@ProcessBean
public class ExitDecisions implements TaskListener {

    private static final Set<String> APPROVE_REJECT = Set.of("approve", "reject");
    private static final Set<String> AGREE_DISAGREE = Set.of("agree", "disagree");

    private final HouseholdService households;

    public ExitDecisions(HouseholdService households) {
        this.households = households;
    }

    @Override
    public void notify(DelegateTask task) {
        VariableScope process = task.getExecution().getProcessInstance();
        long householdId = ProcessVariables.householdId(task);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            if (process.getVariable("exitSummary") == null) {
                process.setVariable("exitSummary", summary(households.get(householdId)));
            }
            return;
        }
        String actor = Officials.actor(task);
        try {
            switch (task.getTaskDefinitionKey()) {
                case "exitEvaluation" -> evaluation(task, process, householdId, actor);
                case "exitVerification" -> decision(task, process, householdId, actor, "verification", Level.VILLAGE);
                case "householdConsent" -> consent(task, process, householdId, actor);
                case "townshipVerification" -> decision(task, process, householdId, actor, "exitTownship",
                        Level.TOWNSHIP);
                case "countyApproval" -> decision(task, process, householdId, actor, "exitCounty", Level.COUNTY);
                default -> throw new IllegalStateException("no exit rules for task " + task.getTaskDefinitionKey());
            }
        } catch (FieldRuleException e) {
            throw Officials.pleaseCorrect(e);
        }
    }

    private void evaluation(DelegateTask task, VariableScope process, long householdId, String actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        Long attendees = FormInput.whole(task.getVariable("exitAttendees"), "exitAttendees", errors);
        Long votesFor = FormInput.whole(task.getVariable("exitVotesFor"), "exitVotesFor", errors);
        VoteRule.check(attendees, votesFor, "exitAttendees", "exitVotesFor", errors);
        String minutes = FormInput.text(task, "exitMinutes", true, errors);
        if (!errors.isEmpty()) {
            throw FieldRuleException.invalid(errors);
        }
        boolean passed = VoteRule.passes(attendees, votesFor);
        process.setVariable("exitVotePassed", passed);
        String outcome = votesFor + "/" + attendees;
        households.note(householdId, Level.GROUP, (passed ? "exit evaluation passed " : "exit evaluation failed ")
                + outcome, minutes, actor);
        if (!passed) {
            Rejections.reject(process, Level.GROUP, "民主评议未过半数 / The evaluation failed (" + outcome + "): " + minutes,
                    actor);
        }
    }

    private void decision(DelegateTask task, VariableScope process, long householdId, String actor, String prefix,
            Level level) {
        Map<String, String> errors = new LinkedHashMap<>();
        String decision = FormInput.choice(task, prefix + "Decision", APPROVE_REJECT, errors);
        String comment = FormInput.text(task, prefix + "Comment", "reject".equals(decision), errors);
        if ("verification".equals(prefix)) {
            FormInput.text(task, "workTeam", true, errors);
        }
        if (!errors.isEmpty()) {
            throw FieldRuleException.invalid(errors);
        }
        households.note(householdId, level, "approve".equals(decision) ? "exit approved" : "exit refused", comment,
                actor);
        if (!"approve".equals(decision)) {
            Rejections.reject(process, level, comment, actor);
        }
    }

    private void consent(DelegateTask task, VariableScope process, long householdId, String actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        String consent = FormInput.choice(task, "consentDecision", AGREE_DISAGREE, errors);
        if (task.getVariable("consentDate") == null) {
            errors.put("consentDate", "give the date the household signed");
        }
        String comment = FormInput.text(task, "consentComment", "disagree".equals(consent), errors);
        if (!errors.isEmpty()) {
            throw FieldRuleException.invalid(errors);
        }
        households.note(householdId, Level.CONSENT, "agree".equals(consent) ? "household agrees" : "household disagrees",
                comment, actor);
        if (!"agree".equals(consent)) {
            Rejections.reject(process, Level.CONSENT, "贫困户不认可 / The household does not agree: " + comment, actor);
        }
    }

    private static String summary(Household household) {
        String head = household.head() == null ? "?" : household.head().getName();
        return "**户主 / Head:** " + head + " · **人口 / Members:** " + household.getMembers().size()
                + " · **申请号 / Application:** " + household.getApplicationNo();
    }
}
