package org.precisionaid.village;

import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.precisionaid.procedure.FormInput;
import org.precisionaid.web.ConflictException;
import org.precisionaid.web.FieldRuleException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry side of village exit: an application is taken only for a village whose file and registry meet the
 * DMN's conditions now; each level's decision is kept; the city's approval checks them once more and marks the
 * village exited in its file.
 */
@Service
@Transactional
public class VillageExitService {

    /** DMN criterion → the field of the village file (or the figure) a village committee would look at. */
    static final Map<String, String> CRITERION_FIELDS = Map.of("INCIDENCE", "poorPopulation",
            "COLLECTIVE_INCOME", "collectiveIncomeYuan", "ROAD", "roadHardened", "DRINKING_WATER",
            "safeDrinkingWater", "ELECTRICITY", "electricity", "BROADBAND", "broadband", "CLINIC", "clinic");

    private final VillageExitRepository exits;
    private final VillageFileService files;
    private final VillageExitRules rules;
    private final Clock clock;

    public VillageExitService(VillageExitRepository exits, VillageFileService files, VillageExitRules rules,
            Clock clock) {
        this.exits = exits;
        this.files = files;
        this.rules = rules;
        this.clock = clock;
    }

    /**
     * A village's application: the file exists, the village has not left poverty and has no application under way,
     * the year is this year or last, and the DMN finds every condition met. A broken rule names its field.
     */
    public VillageExit apply(String villageCode, Integer exitYear, String statement, String actor) {
        files.village(villageCode);
        Map<String, String> errors = new LinkedHashMap<>();
        int thisYear = thisYear();
        if (exitYear == null) {
            errors.put("exitYear", "is required: the year the village leaves poverty");
        } else if (exitYear < thisYear - 1 || exitYear > thisYear) {
            errors.put("exitYear", "must be " + (thisYear - 1) + " or " + thisYear);
        }
        String text = statement == null ? "" : statement.trim();
        if (text.isEmpty()) {
            errors.put("statement", "is required: what the village committee states in its application");
        } else if (text.length() > FormInput.MAX_COMMENT) {
            errors.put("statement", "at most " + FormInput.MAX_COMMENT + " characters");
        }
        if (!errors.isEmpty()) {
            throw FieldRuleException.invalid(errors);
        }
        VillageFile file = files.lock(villageCode);
        if (file.getExitYear() != null) {
            throw FieldRuleException.invalid(Map.of("villageCode", "village " + villageCode + " already left poverty in "
                    + file.getExitYear()));
        }
        List<VillageExit> open = exits.findByVillageCodeAndStatusIn(villageCode,
                EnumSet.of(VillageExit.Status.APPLIED, VillageExit.Status.ANNOUNCED));
        if (!open.isEmpty()) {
            throw new ConflictException("villageCode: the exit application " + open.get(0).getExitNo() + " of village "
                    + villageCode + " is still under way");
        }
        VillageExitRules.Check check = rules.check(VillageFileService.figures(file, files.poorPopulation(villageCode)));
        if (!check.eligible()) {
            throw notEligible(check, null);
        }
        String exitNo = "CL-%d-%s-%02d".formatted(exitYear, villageCode,
                exits.countByVillageCodeAndExitYear(villageCode, exitYear) + 1);
        VillageExit exit = new VillageExit(exitNo, villageCode, exitYear, text, actor, clock.instant());
        exit.judge(check);
        return exits.saveAndFlush(exit);
    }

    /** The figures as they stand now, recorded on the application for the next reviewer. */
    public VillageExitRules.Check refresh(long exitId) {
        VillageExit exit = get(exitId);
        VillageExitRules.Check check = files.check(exit.getVillageCode());
        exit.judge(check);
        return check;
    }

    public void decide(long exitId, VillageExit.Level level, String decision, String reason, String actor) {
        get(exitId).decide(level, decision, reason, actor, clock.instant());
    }

    public void announce(long exitId, Instant noticeEnds, String actor) {
        get(exitId).announce(noticeEnds, actor, clock.instant());
    }

    /**
     * The city approves: the conditions are checked once more against the file and the registry as they stand now;
     * when one no longer holds, the approval is refused under {@code decisionField} and nothing is written.
     */
    public void approveAtCity(long exitId, String reason, String actor, String decisionField) {
        VillageExit exit = get(exitId);
        VillageFile file = files.lock(exit.getVillageCode());
        VillageExitRules.Check check = rules.check(VillageFileService.figures(file,
                files.poorPopulation(exit.getVillageCode())));
        if (!check.eligible()) {
            throw notEligible(check, decisionField);
        }
        exit.judge(check);
        exit.decide(VillageExit.Level.CITY, "approved", reason, actor, clock.instant());
    }

    /** The approved village leaves poverty: the application's year goes into its file (销号). */
    public VillageExit markExited(long exitId, String actor) {
        VillageExit exit = get(exitId);
        files.lock(exit.getVillageCode()).markExited(exit.getExitYear(), actor, clock.instant());
        exit.exited(actor, clock.instant());
        return exit;
    }

    public void reject(long exitId, VillageExit.Level level, String reason, String actor) {
        get(exitId).reject(level, reason, actor, clock.instant());
    }

    @Transactional(readOnly = true)
    public VillageExit get(long exitId) {
        return exits.findById(exitId).orElseThrow(() -> new IllegalStateException("no village exit " + exitId));
    }

    @Transactional(readOnly = true)
    public Optional<VillageExit> find(String exitNo) {
        return exits.findByExitNo(exitNo);
    }

    @Transactional(readOnly = true)
    public List<VillageExit> ofVillage(String villageCode) {
        return exits.findByVillageCodeOrderByAppliedAtDesc(villageCode);
    }

    @Transactional(readOnly = true)
    public List<VillageExit> announced(String prefix) {
        return exits.findInRegion(prefix, VillageExit.Status.ANNOUNCED);
    }

    /** Each condition not met under its field; at a review step all of them under the decision field. */
    static FieldRuleException notEligible(VillageExitRules.Check check, String decisionField) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (VillageExitRules.Shortfall shortfall : check.shortfalls()) {
            String field = decisionField != null ? decisionField
                    : CRITERION_FIELDS.getOrDefault(shortfall.criterion(), "villageCode");
            String detail = switch (shortfall.criterion()) {
                case "INCIDENCE" -> " (" + check.figures().poorPopulation() + " ÷ "
                        + check.figures().agriculturalPopulation() + " = " + percent(check.incidence())
                        + ", must be below " + percent(check.maxIncidence()) + ")";
                case "COLLECTIVE_INCOME" -> " (" + check.figures().collectiveIncomeYuan() + " yuan, needs "
                        + check.minCollectiveIncomeYuan() + " yuan or more)";
                default -> "";
            };
            errors.merge(field, shortfall.reason() + detail, (a, b) -> a + "; " + b);
        }
        if (decisionField != null) {
            errors.put(decisionField, "the village no longer meets the exit conditions: " + errors.get(decisionField)
                    + "; reject the application");
        }
        return FieldRuleException.invalid(errors);
    }

    static String percent(java.math.BigDecimal fraction) {
        return fraction.movePointRight(2).stripTrailingZeros().toPlainString() + " %";
    }

    int thisYear() {
        return Year.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).getValue();
    }
}
