package org.precisionaid.crosscheck;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.precisionaid.procedure.FormInput;
import org.precisionaid.registry.Codes.Level;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.web.FieldRuleException;
import org.springframework.stereotype.Component;

/**
 * The hits on a review form (township and county review of identification, the township's re-check): on create the
 * task gets, as its own local variables, one slot per open hit — its description and empty outcome and reason fields —
 * so what an official submits stays on his task and cannot be read by the next form. On complete each filled slot is
 * recorded (confirmed with the hit's rule, or dismissed with a reason) in our table and in the household's history.
 * The server picked the hits of each slot at create (ADR 0017: the form carries only the outcome and the reason).
 */
@Component
public class HitResolutions {

    /** Slots a form has; a household rarely has more open hits (one per member and list), the rest wait (see docs). */
    public static final int SLOTS = 5;
    static final String IDS = "crossCheckHitIds";
    static final String OVERVIEW = "crossCheckHits";

    private final CrossCheckHits hits;
    private final HouseholdService households;

    public HitResolutions(CrossCheckHits hits, HouseholdService households) {
        this.hits = hits;
        this.households = households;
    }

    public static String hitVariable(int slot) {
        return "crossCheckHit" + slot;
    }

    public static String outcomeField(int slot) {
        return "crossCheckOutcome" + slot;
    }

    public static String reasonField(int slot) {
        return "crossCheckReason" + slot;
    }

    /** Fills the task's slots with the household's open hits (oldest first) and an overview of all of them. */
    public void show(DelegateTask task, long householdId) {
        List<Hit> all = hits.of(householdId, false);
        List<Hit> open = all.stream().filter(h -> h.status() == Hit.Status.OPEN).toList();
        List<String> ids = new ArrayList<>();
        for (int slot = 1; slot <= SLOTS; slot++) {
            // an earlier task's answers must not count for this one's slots
            task.getExecution().removeVariable(outcomeField(slot));
            task.getExecution().removeVariable(reasonField(slot));
            if (slot <= open.size()) {
                // only slots with a hit exist (the form hides the others): a case without hits writes none of them
                Hit hit = open.get(slot - 1);
                task.setVariableLocal(hitVariable(slot), hit.describe());
                task.setVariableLocal(outcomeField(slot), null);
                task.setVariableLocal(reasonField(slot), null);
                ids.add(String.valueOf(hit.id()));
            }
        }
        task.setVariableLocal(IDS, String.join(",", ids));
        task.setVariableLocal(OVERVIEW, overview(all, open.size()));
    }

    private static String overview(List<Hit> all, int open) {
        if (all.isEmpty()) {
            return "与部门数据比对无命中 / No department record matched.";
        }
        StringBuilder text = new StringBuilder("**待处理 / To resolve: " + open + "**"
                + (open > SLOTS ? "（本表显示前 " + SLOTS + " 条 / this form shows the first " + SLOTS + "）" : ""));
        for (Hit hit : all) {
            if (hit.status() != Hit.Status.OPEN) {
                text.append("\n- ").append(hit.status() == Hit.Status.CONFIRMED ? "已确认 / Confirmed" : "已排除 / Dismissed")
                        .append("（").append(hit.resolvedBy()).append("）: ").append(hit.describe())
                        .append(hit.reason() == null ? "" : " — " + hit.reason());
            }
        }
        return text.toString();
    }

    /**
     * Records the slots the official filled; throws (naming the field) when a slot is half filled. The level is where
     * the decision was taken, as in the household's history.
     */
    public void record(DelegateTask task, long householdId, Level level, String actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        Object ids = task.getVariableLocal(IDS);
        List<String> slots = ids == null || ids.toString().isBlank() ? List.of() : Arrays.asList(ids.toString().split(","));
        for (int slot = 1; slot <= slots.size(); slot++) {
            Object raw = submitted(task, outcomeField(slot));
            String outcome = raw == null || raw.toString().isBlank() ? null : raw.toString();
            Object reasonRaw = submitted(task, reasonField(slot));
            String reason = reasonRaw == null || reasonRaw.toString().isBlank() ? null : reasonRaw.toString().trim();
            if (reason != null && reason.length() > FormInput.MAX_COMMENT) {
                errors.put(reasonField(slot), "at most " + FormInput.MAX_COMMENT + " characters");
                continue;
            }
            if (outcome == null) {
                continue;
            }
            if (!"confirm".equals(outcome) && !"dismiss".equals(outcome)) {
                errors.put(outcomeField(slot), "choose one of [confirm, dismiss]");
                continue;
            }
            if ("dismiss".equals(outcome) && reason == null) {
                errors.put(reasonField(slot), "排除须说明理由 / give the reason for dismissing this hit");
                continue;
            }
            long hitId = Long.parseLong(slots.get(slot - 1));
            Hit hit = hits.get(hitId).filter(h -> h.householdId() == householdId).orElse(null);
            if (hit == null) {
                continue;
            }
            boolean confirm = "confirm".equals(outcome);
            if (hits.resolve(hitId, confirm ? Hit.Status.CONFIRMED : Hit.Status.DISMISSED, reason, level.name(), actor)) {
                // the household's history names the list, the rule and the reason; never the ID number
                households.note(householdId, level, confirm ? "cross-check confirmed" : "cross-check dismissed",
                        shorten(hit.kind().label() + " · " + hit.department() + " · " + hit.asOf() + " · " + hit.rule()
                                + (reason == null ? "" : " — " + reason)), actor);
            }
        }
        if (!errors.isEmpty()) {
            throw FieldRuleException.invalid(errors);
        }
        for (int slot = 1; slot <= SLOTS; slot++) {
            // recorded in our table: the answers need not stay in the case (few and small process variables)
            task.getExecution().removeVariable(outcomeField(slot));
            task.getExecution().removeVariable(reasonField(slot));
        }
    }

    /**
     * A slot's answer: Tasklist's submit-form writes it on the task (where the slot's empty variable is), the engine's
     * complete on the case; {@link #show} removed the case's older values, so either is this task's own.
     */
    private static Object submitted(DelegateTask task, String field) {
        Object local = task.getVariableLocal(field);
        return local != null ? local : task.getExecution().getVariable(field);
    }

    /**
     * Refuses an approval while a hit of the household is open or confirmed: the first open slot (or the decision
     * field) is named with the rule.
     */
    public void requireClear(DelegateTask task, long householdId, String decisionField) {
        int open = 0;
        String confirmedRule = null;
        for (Hit hit : hits.of(householdId, false)) {
            if (hit.status() == Hit.Status.OPEN) {
                open++;
            } else if (hit.status() == Hit.Status.CONFIRMED && confirmedRule == null) {
                confirmedRule = hit.rule();
            }
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (open > 0) {
            Object ids = task.getVariableLocal(IDS);
            boolean shown = ids != null && !ids.toString().isBlank();
            errors.put(shown ? outcomeField(1) : decisionField, "部门数据比对尚有 " + open + " 条命中未处理，不能同意 / "
                    + open + " cross-check hit(s) still unresolved: confirm or dismiss each before approving");
        } else if (confirmedRule != null) {
            errors.put(decisionField, "部门数据比对命中已确认（" + confirmedRule + "），不能同意 / a confirmed cross-check hit "
                    + "breaks rule " + confirmedRule + ": the household cannot be approved");
        }
        if (!errors.isEmpty()) {
            throw FieldRuleException.invalid(errors);
        }
    }

    private static String shorten(String text) {
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }
}
