package org.precisionaid.village;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.precisionaid.procedure.EngineCalls;
import org.precisionaid.region.RegionCode;
import org.springframework.stereotype.Service;

/**
 * Asks bpmn/village-exit.dmn whether a village may leave poverty: the thresholds of its province or prefecture
 * ({@code villageExitThresholds}) and the conditions it does not meet ({@code villageExit}, none = eligible).
 * Thresholds and conditions are data; this class only supplies the figures.
 */
@Service
public class VillageExitRules {

    private final DecisionService decisions;
    private final IdentityService identity;

    public VillageExitRules(DecisionService decisions, IdentityService identity) {
        this.decisions = decisions;
        this.identity = identity;
    }

    /** The figures a village is judged on: the poor population from the registry, the rest from its file. */
    public record Figures(String villageCode, long poorPopulation, int agriculturalPopulation, long collectiveIncomeYuan,
                          boolean roadHardened, boolean safeDrinkingWater, boolean electricity, boolean broadband,
                          boolean clinic, boolean busService, boolean culturalRoom) {

        /** Poor population ÷ agricultural population, six decimals (0.030000 = 3 %). */
        public BigDecimal incidence() {
            if (agriculturalPopulation <= 0) {
                return BigDecimal.ONE;
            }
            return BigDecimal.valueOf(poorPopulation).divide(BigDecimal.valueOf(agriculturalPopulation), 6,
                    RoundingMode.HALF_UP);
        }
    }

    public record Shortfall(String criterion, String reason) {
    }

    public record Check(Figures figures, BigDecimal incidence, BigDecimal maxIncidence, long minCollectiveIncomeYuan,
                        String thresholdSource, List<Shortfall> shortfalls) {
        public boolean eligible() {
            return shortfalls.isEmpty();
        }

        public String shortfallText() {
            return String.join("；", shortfalls.stream().map(Shortfall::reason).toList());
        }
    }

    public Check check(Figures figures) {
        RegionCode code = RegionCode.of(figures.villageCode());
        BigDecimal incidence = figures.incidence();
        VariableMap inputs = Variables.createVariables()
                .putValue("prefecture", code.value().substring(0, 4))
                .putValue("province", code.value().substring(0, 2))
                // exact ratio for the comparison: 12 of 400 is 0.03 and not below 3 %
                .putValue("incidence", figures.agriculturalPopulation() <= 0 ? 1.0
                        : (double) figures.poorPopulation() / figures.agriculturalPopulation())
                .putValue("collectiveIncome", (double) figures.collectiveIncomeYuan())
                .putValue("roadHardened", figures.roadHardened())
                .putValue("safeDrinkingWater", figures.safeDrinkingWater())
                .putValue("electricity", figures.electricity())
                .putValue("broadband", figures.broadband())
                .putValue("clinic", figures.clinic())
                .putValue("busService", figures.busService())
                .putValue("culturalRoom", figures.culturalRoom());
        DmnDecisionResult thresholds = EngineCalls.withoutAuthorization(identity,
                () -> decisions.evaluateDecisionByKey("villageExitThresholds").variables(inputs).evaluate());
        if (thresholds.isEmpty() || thresholds.getFirstResult().getEntry("maxIncidence") == null) {
            // a missing threshold must stop the case, never let a village pass: an incident for the administrator
            throw new IllegalStateException("The DMN table villageExitThresholds has no row for region "
                    + figures.villageCode() + ": an administrator must add it to bpmn/village-exit.dmn and deploy");
        }
        Map<String, Object> row = thresholds.getFirstResult().getEntryMap();
        DmnDecisionResult result = EngineCalls.withoutAuthorization(identity,
                () -> decisions.evaluateDecisionByKey("villageExit").variables(inputs).evaluate());
        List<Shortfall> shortfalls = result.getResultList().stream()
                .map(entry -> new Shortfall((String) entry.get("criterion"), (String) entry.get("reason"))).toList();
        return new Check(figures, incidence, BigDecimal.valueOf(((Number) row.get("maxIncidence")).doubleValue()),
                Math.round(((Number) row.get("minCollectiveIncome")).doubleValue()), (String) row.get("thresholdSource"),
                shortfalls);
    }
}
