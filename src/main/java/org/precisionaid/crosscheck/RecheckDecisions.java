package org.precisionaid.crosscheck;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.precisionaid.procedure.FormInput;
import org.precisionaid.procedure.Officials;
import org.precisionaid.procedure.ProcessBean;
import org.precisionaid.registry.Codes.Level;
import org.precisionaid.registry.Codes.Status;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.web.FieldRuleException;
import org.springframework.stereotype.Component;

/**
 * The re-check's tasks: the township resolves each hit and finds the household still eligible or not (ineligible
 * needs a confirmed hit, eligible needs none confirmed; no hit may stay open); the county decides a removal, which
 * is recorded in the household's history and takes it off the register (status REJECTED, level county) — never
 * silently. Each decision is the authenticated official's.
 */
@Component("recheckDecisions")
@ProcessBean
public class RecheckDecisions implements TaskListener {

    private final HitResolutions resolutions;
    private final CrossCheckHits hits;
    private final HouseholdService households;

    public RecheckDecisions(HitResolutions resolutions, CrossCheckHits hits, HouseholdService households) {
        this.resolutions = resolutions;
        this.hits = hits;
        this.households = households;
    }

    @Override
    public void notify(DelegateTask task) {
        long householdId = ((Number) task.getVariable("householdId")).longValue();
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            resolutions.show(task, householdId);
            return;
        }
        String actor = Officials.actor(task);
        try {
            switch (task.getTaskDefinitionKey()) {
                case "verifyHits" -> verify(task, householdId, actor);
                case "countyRemoval" -> removal(task, householdId, actor);
                default -> throw new IllegalStateException("no re-check rules for task " + task.getTaskDefinitionKey());
            }
        } catch (FieldRuleException e) {
            throw Officials.pleaseCorrect(e);
        }
    }

    private void verify(DelegateTask task, long householdId, String actor) {
        resolutions.record(task, householdId, Level.TOWNSHIP, actor);
        Map<String, String> errors = new LinkedHashMap<>();
        String finding = FormInput.choice(task, "recheckFinding", Set.of("eligible", "ineligible"), errors);
        String comment = FormInput.text(task, "recheckComment", "ineligible".equals(finding), errors);
        long open = hits.of(householdId, true).size();
        boolean confirmed = hits.of(householdId, false).stream().anyMatch(h -> h.status() == Hit.Status.CONFIRMED);
        if (open > 0) {
            errors.putIfAbsent(HitResolutions.outcomeField(1), "部门数据比对尚有 " + open + " 条命中未处理 / " + open
                    + " hit(s) still unresolved: confirm or dismiss each");
        } else if ("ineligible".equals(finding) && !confirmed) {
            errors.put("recheckFinding", "没有已确认的命中，不能认定不符合条件 / no hit is confirmed: nothing makes the "
                    + "household ineligible");
        } else if ("eligible".equals(finding) && confirmed) {
            errors.put("recheckFinding", "已确认的命中违反负面清单，不能认定仍符合条件 / a confirmed hit breaks the negative "
                    + "list: the household cannot be found eligible");
        }
        if (!errors.isEmpty()) {
            throw FieldRuleException.invalid(errors);
        }
        households.note(householdId, Level.TOWNSHIP, "eligible".equals(finding) ? "re-check: eligible"
                : "re-check: ineligible", comment, actor);
    }

    private void removal(DelegateTask task, long householdId, String actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        String decision = FormInput.choice(task, "countyRemovalDecision", Set.of("remove", "keep"), errors);
        String reason = FormInput.text(task, "countyRemovalComment", true, errors);
        if (!errors.isEmpty()) {
            throw FieldRuleException.invalid(errors);
        }
        if ("remove".equals(decision)) {
            households.decide(householdId, Status.REJECTED, Level.COUNTY, "removed: cross-check", reason, actor);
        } else {
            households.note(householdId, Level.COUNTY, "kept: cross-check", reason, actor);
        }
    }
}
