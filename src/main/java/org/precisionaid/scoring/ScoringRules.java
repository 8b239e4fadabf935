package org.precisionaid.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.precisionaid.procedure.EngineCalls;
import org.springframework.stereotype.Service;

/**
 * Indicators, weights and rating bands are data (bpmn/assistance-scoring.dmn); the seeds' caps are not: after the
 * DMN has rated, a failed poverty task takes "excellent" from a cadre and "good" from a unit whatever the table says
 * (implementation plan §22; ADR 0012).
 */
@Service
public class ScoringRules {

    public static final String EXCELLENT = "EXCELLENT";
    public static final String GOOD = "GOOD";
    public static final String NOT_GOOD = "NOT_GOOD";

    private final DecisionService decisions;
    private final IdentityService identity;

    public ScoringRules(DecisionService decisions, IdentityService identity) {
        this.decisions = decisions;
        this.identity = identity;
    }

    public record Rating(BigDecimal points, String pointsRating, String rating, String capReason) {
    }

    public Rating rateCadre(Figures figures) {
        BigDecimal points = points(figures);
        String byPoints = rating("cadreRating", points);
        if (figures.failed() > 0 && EXCELLENT.equals(byPoints)) {
            return new Rating(points, byPoints, GOOD, "未完成脱贫任务（" + figures.failed()
                    + "户到期未按期脱贫），不能评为优秀 / Poverty task not done (" + figures.failed()
                    + " household(s) past their planned exit year): not excellent (§22)");
        }
        return new Rating(points, byPoints, byPoints, null);
    }

    public Rating rateUnit(Figures figures) {
        BigDecimal points = points(figures);
        String byPoints = rating("unitRating", points);
        if (figures.failed() > 0 && GOOD.equals(byPoints)) {
            return new Rating(points, byPoints, NOT_GOOD, "未完成脱贫任务（" + figures.failed()
                    + "户到期未按期脱贫），不能评为好 / Poverty task not done (" + figures.failed()
                    + " household(s) past their planned exit year): not good (§22)");
        }
        return new Rating(points, byPoints, byPoints, null);
    }

    BigDecimal points(Figures figures) {
        VariableMap inputs = Variables.createVariables()
                .putValue("onScheduleShare", figures.onScheduleShare() == null ? null
                        : figures.onScheduleShare().doubleValue())
                .putValue("incomeGrowth", figures.incomeGrowth() == null ? null : figures.incomeGrowth().doubleValue())
                .putValue("visitsPerHousehold", figures.visitsPerHousehold().doubleValue())
                .putValue("objectionsUpheld", figures.objectionsUpheld())
                .putValue("findingsUpheld", figures.findingsUpheld());
        DmnDecisionResult result = EngineCalls.withoutAuthorization(identity,
                () -> decisions.evaluateDecisionByKey("assistancePoints").variables(inputs).evaluate());
        Object points = result.isEmpty() ? null : result.getSingleEntry();
        return points == null ? BigDecimal.ZERO
                : BigDecimal.valueOf(((Number) points).doubleValue()).setScale(2, RoundingMode.HALF_UP);
    }

    private String rating(String decisionKey, BigDecimal points) {
        DmnDecisionResult result = EngineCalls.withoutAuthorization(identity,
                () -> decisions.evaluateDecisionByKey(decisionKey)
                        .variables(Variables.createVariables().putValue("points", points.doubleValue())).evaluate());
        if (result.isEmpty() || result.getFirstResult().getEntry("rating") == null) {
            throw new IllegalStateException("The DMN table " + decisionKey + " rates no score of " + points
                    + ": an administrator must fix bpmn/assistance-scoring.dmn and deploy");
        }
        return result.getFirstResult().getEntry("rating");
    }

    /** Bilingual names of the ratings of the seeds (优秀/良好/称职/不称职 for cadres, 好/不好 for units). */
    public static String label(AssistanceScore.Kind kind, String rating) {
        return switch (rating) {
            case EXCELLENT -> "优秀 / Excellent";
            case GOOD -> kind == AssistanceScore.Kind.UNIT ? "好 / Good" : "良好 / Good";
            case "COMPETENT" -> "称职 / Competent";
            case "NOT_COMPETENT" -> "不称职 / Not competent";
            case NOT_GOOD -> "不好 / Not good";
            default -> rating;
        };
    }
}
