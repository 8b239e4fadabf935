package org.precisionaid.village;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.precisionaid.procedure.Officials;
import org.precisionaid.procedure.ProcessBean;
import org.precisionaid.region.CandidateGroups;
import org.precisionaid.region.InvalidRegionCodeException;
import org.precisionaid.region.OfficialRole;
import org.precisionaid.region.UnknownRegionException;
import org.precisionaid.web.ConflictException;
import org.precisionaid.web.FieldRuleException;
import org.springframework.stereotype.Component;

/**
 * Takes the village committee's start form into the registry. A broken rule (no village file, conditions not met,
 * an application under way) stops the start altogether: nothing is written, no case exists, and the committee reads
 * which field is wrong above its form. Applications made over REST arrive already recorded and pass through.
 */
@Component("villageExitRecord")
@ProcessBean
public class RecordVillageExit implements JavaDelegate {

    private final VillageExitService exits;
    private final VillageExitSummary summary;
    private final CandidateGroups groups;

    public RecordVillageExit(VillageExitService exits, VillageExitSummary summary, CandidateGroups groups) {
        this.exits = exits;
        this.summary = summary;
        this.groups = groups;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (!execution.hasVariable(VillageExitVariables.EXIT_ID)) {
            Object code = execution.getVariable(VillageExitVariables.REGION_CODE);
            Object year = execution.getVariable(VillageExitVariables.EXIT_YEAR);
            String villageCode = code == null ? null : code.toString().trim();
            try {
                if (villageCode == null || villageCode.isEmpty()) {
                    throw FieldRuleException.invalid(Map.of("regionCode", "is required: the village's 12-digit code"));
                }
                if (!Officials.mayActAs(List.of(groups.of(villageCode, OfficialRole.VILLAGE.key())))) {
                    throw FieldRuleException.invalid(Map.of("regionCode",
                            "only the village committee of " + villageCode + " applies for its exit"));
                }
                if (year != null && !(year instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue()))) {
                    throw FieldRuleException.invalid(Map.of("exitYear", "must be a whole year"));
                }
                VillageExit exit = exits.apply(villageCode, year == null ? null : ((Number) year).intValue(),
                        (String) execution.getVariable(VillageExitVariables.STATEMENT), Officials.actor(execution));
                execution.setVariable(VillageExitVariables.EXIT_ID, exit.getId());
                execution.setVariable(VillageExitVariables.REGION_CODE, exit.getVillageCode());
                execution.setVariable(VillageExitVariables.EXIT_YEAR, exit.getExitYear());
                execution.removeVariable(VillageExitVariables.STATEMENT);
                execution.setProcessBusinessKey(exit.getExitNo());
            } catch (FieldRuleException | InvalidRegionCodeException | UnknownRegionException | ConflictException e) {
                throw Officials.pleaseCorrect(e);
            }
        }
        summary.refresh(execution);
    }
}
