package org.precisionaid.whatif;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRequirementsGraph;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.variable.Variables;
import org.precisionaid.region.Region;
import org.precisionaid.web.FieldRuleException;
import org.precisionaid.web.input.Numbers;
import org.springframework.stereotype.Service;

/**
 * A what-if: checks what the official asks to change, builds today's and the changed decision, and runs both over
 * the region's registry ({@link WhatIfRun}). Nothing is deployed and nothing is written.
 */
@Service
public class WhatIfService {

    /** A poverty line as the DMN keeps it: up to 999,999.99 yuan a person and year. */
    static final int LINE_PRECISION = 8;
    static final int LINE_SCALE = 2;
    static final int MAX_EXIT_YEARS = WhatIfRun.LOOK_BACK;
    static final String ELIGIBILITY = "povertyLine";
    static final String MONITORING_LINE = "monitoringLine";

    private final RuleModels models;
    private final WhatIfDmnEngine dmn;
    private final WhatIfRun run;

    public WhatIfService(RuleModels models, WhatIfDmnEngine dmn, WhatIfRun run) {
        this.models = models;
        this.dmn = dmn;
        this.run = run;
    }

    /** Edited values: a poverty line for the year, negative-list rows off (identification), years in a row (exit). */
    public WhatIfResult edited(WhatIfRule rule, Region region, int year, BigDecimal povertyLineYuan,
            List<String> negativeListOff, Integer exitYears, BigDecimal monitoringLineYuan) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (povertyLineYuan != null) {
            Numbers.positive(povertyLineYuan, "povertyLineYuan", LINE_PRECISION, LINE_SCALE, errors);
        }
        boolean negatives = negativeListOff != null && !negativeListOff.isEmpty();
        if (rule == WhatIfRule.MONITORING) {
            return monitoring(region, year, povertyLineYuan, negatives, exitYears, monitoringLineYuan, errors);
        }
        if (monitoringLineYuan != null) {
            errors.put("monitoringLineYuan", "the monitoring line belongs to the rule MONITORING, not to " + rule);
        }
        if (rule == WhatIfRule.EXIT && negatives) {
            errors.put("negativeListOff", "the negative list belongs to the rule IDENTIFICATION, not to EXIT");
        }
        if (rule == WhatIfRule.IDENTIFICATION && exitYears != null) {
            errors.put("exitYears", "the years above the line belong to the rule EXIT, not to IDENTIFICATION");
        }
        if (exitYears != null && (exitYears < 1 || exitYears > MAX_EXIT_YEARS)) {
            errors.put("exitYears", "must lie between 1 and " + MAX_EXIT_YEARS + " (years in a row above the line)");
        }
        if (errors.isEmpty() && povertyLineYuan == null && !negatives && exitYears == null) {
            errors.put(rule == WhatIfRule.EXIT ? "exitYears" : "povertyLineYuan", "say what changes: "
                    + (rule == WhatIfRule.EXIT ? "povertyLineYuan or exitYears" : "povertyLineYuan or negativeListOff"));
        }
        if (!errors.isEmpty()) {
            throw FieldRuleException.invalid(errors);
        }
        RuleModels.Deployed eligibility = models.deployed("classification");
        DmnDecisionRequirementsGraph todayEligibility = models.parseDeployed(eligibility);
        DmnDecisionRequirementsGraph changedEligibility = todayEligibility;
        StringBuilder change = new StringBuilder();
        if (povertyLineYuan != null || negatives) {
            changedEligibility = models.editEligibility(eligibility, year, povertyLineYuan, negativeListOff, errors);
            if (!errors.isEmpty()) {
                throw FieldRuleException.invalid(errors);
            }
            if (povertyLineYuan != null) {
                change.append("贫困线 / poverty line ").append(year).append(": ")
                        .append(povertyLineYuan.stripTrailingZeros().toPlainString()).append(" 元/yuan");
            }
            if (negatives) {
                change.append(change.isEmpty() ? "" : "; ").append("负面清单取消 / negative-list rows off: ")
                        .append(String.join(", ", negativeListOff));
            }
        }
        if (rule == WhatIfRule.IDENTIFICATION) {
            requireLine(todayEligibility, year, "year", "today's rule (" + eligibility.describe() + ")");
            return run.run(rule, region, year,
                    side(todayEligibility, rule, eligibility.describe() + "（现行 / deployed）", null, "year"),
                    side(changedEligibility, rule, eligibility.describe() + " · " + change, null, "povertyLineYuan"));
        }
        RuleModels.Deployed assessment = models.deployed(rule.decisionKey());
        DmnDecisionRequirementsGraph todayExit = models.parseDeployed(assessment);
        DmnDecisionRequirementsGraph changedExit = todayExit;
        if (exitYears != null) {
            changedExit = models.editExit(assessment, exitYears);
            change.append(change.isEmpty() ? "" : "; ").append("连续高于贫困线年数 / years in a row above the line: ≥ ")
                    .append(exitYears);
        }
        Map<Integer, Double> todayLines = lines(todayEligibility, year);
        if (todayLines.get(year) == null) {
            throw FieldRuleException.invalid(Map.of("year", eligibility.describe() + " has no poverty line for " + year));
        }
        String changedField = exitYears != null ? "exitYears" : "povertyLineYuan";
        return run.run(rule, region, year,
                side(todayExit, rule, assessment.describe() + " + " + eligibility.describe() + "（现行 / deployed）",
                        todayLines, "year"),
                side(changedExit, rule, assessment.describe() + " + " + eligibility.describe() + " · " + change,
                        lines(changedEligibility, year), changedField));
    }

    /**
     * The monitoring line of the region's province for the year changed (a row before the others in
     * {@code monitoringLine}, which answers the first row that matches); nothing else of the monitoring rules moves.
     */
    private WhatIfResult monitoring(Region region, int year, BigDecimal povertyLineYuan, boolean negatives,
            Integer exitYears, BigDecimal monitoringLineYuan, Map<String, String> errors) {
        String other = "belongs to another rule, not to MONITORING (change monitoringLineYuan)";
        if (povertyLineYuan != null) {
            errors.put("povertyLineYuan", "the poverty line " + other);
        }
        if (negatives) {
            errors.put("negativeListOff", "the negative list " + other);
        }
        if (exitYears != null) {
            errors.put("exitYears", "the years above the line " + other);
        }
        if (monitoringLineYuan == null) {
            errors.putIfAbsent("monitoringLineYuan", "say what changes: the monitoring line (yuan a person a year)");
        } else {
            Numbers.positive(monitoringLineYuan, "monitoringLineYuan", LINE_PRECISION, LINE_SCALE, errors);
        }
        if (!errors.isEmpty()) {
            throw FieldRuleException.invalid(errors);
        }
        String province = region.getCode().substring(0, 2);
        RuleModels.Deployed rules = models.deployed(WhatIfRule.MONITORING.decisionKey());
        DmnDecisionRequirementsGraph today = models.parseDeployed(rules);
        requireMonitoringLine(today, province, year, "year", "today's rule (" + rules.describe() + ")");
        DmnDecisionRequirementsGraph changed = models.editMonitoringLine(rules, province, year, monitoringLineYuan);
        String change = "监测标准 / monitoring line " + year + " (" + province + "): "
                + monitoringLineYuan.stripTrailingZeros().toPlainString() + " 元/yuan";
        return run.run(WhatIfRule.MONITORING, region, year,
                side(today, WhatIfRule.MONITORING, rules.describe() + "（现行 / deployed）", null, "year"),
                side(changed, WhatIfRule.MONITORING, rules.describe() + " · " + change, null, "monitoringLineYuan"));
    }

    /** An uploaded DMN file in place of the deployed one (for exit, the lines stay the deployed eligibility's). */
    public WhatIfResult uploaded(WhatIfRule rule, Region region, int year, byte[] xml, String fileName) {
        DmnDecisionRequirementsGraph changed = models.parseUpload(xml, rule);
        String name = fileName == null || fileName.isBlank() ? "uploaded.dmn"
                : fileName.replaceAll("[^\\p{L}\\p{N}._ -]", "_");
        if (name.length() > 80) {
            name = name.substring(0, 80);
        }
        String uploaded = "上传文件 / uploaded file " + name + "（未部署 / not deployed）";
        if (rule == WhatIfRule.MONITORING) {
            RuleModels.Deployed rules = models.deployed(rule.decisionKey());
            DmnDecisionRequirementsGraph today = models.parseDeployed(rules);
            requireMonitoringLine(today, region.getCode().substring(0, 2), year, "year",
                    "today's rule (" + rules.describe() + ")");
            return run.run(rule, region, year, side(today, rule, rules.describe() + "（现行 / deployed）", null, "year"),
                    side(changed, rule, uploaded, null, "file"));
        }
        RuleModels.Deployed eligibility = models.deployed("classification");
        DmnDecisionRequirementsGraph todayEligibility = models.parseDeployed(eligibility);
        if (rule == WhatIfRule.IDENTIFICATION) {
            requireLine(todayEligibility, year, "year", "today's rule (" + eligibility.describe() + ")");
            return run.run(rule, region, year,
                    side(todayEligibility, rule, eligibility.describe() + "（现行 / deployed）", null, "year"),
                    side(changed, rule, uploaded, null, "file"));
        }
        RuleModels.Deployed assessment = models.deployed(rule.decisionKey());
        Map<Integer, Double> lines = lines(todayEligibility, year);
        if (lines.get(year) == null) {
            throw FieldRuleException.invalid(Map.of("year", eligibility.describe() + " has no poverty line for " + year));
        }
        return run.run(rule, region, year,
                side(models.parseDeployed(assessment), rule, assessment.describe() + "（现行 / deployed）", lines, "year"),
                side(changed, rule, uploaded, lines, "file"));
    }

    private static WhatIfRun.Side side(DmnDecisionRequirementsGraph graph, WhatIfRule rule, String description,
            Map<Integer, Double> lines, String field) {
        DmnDecision decision = graph.getDecision(rule.decisionKey());
        if (decision == null) {
            throw new IllegalStateException(description + " has no decision " + rule.decisionKey());
        }
        return new WhatIfRun.Side(decision, description, lines, field);
    }

    /** The poverty line of the year and the years the exit rule looks back on, from the povertyLine table. */
    private Map<Integer, Double> lines(DmnDecisionRequirementsGraph eligibility, int year) {
        Map<Integer, Double> lines = new HashMap<>();
        DmnDecision decision = eligibility.getDecision(ELIGIBILITY);
        for (int y = year; y > year - WhatIfRun.LOOK_BACK; y--) {
            DmnDecisionResult result = dmn.engine().evaluateDecision(decision,
                    Variables.createVariables().putValue("incomeYear", y));
            if (!result.isEmpty() && result.getFirstResult().getEntry("povertyLine") != null) {
                lines.put(y, ((Number) result.getFirstResult().getEntry("povertyLine")).doubleValue());
            }
        }
        return lines;
    }

    /** As {@code MonitoringRules.category}: a year without a monitoring line is refused, not guessed. */
    private void requireMonitoringLine(DmnDecisionRequirementsGraph rules, String province, int year, String field,
            String what) {
        DmnDecision decision = rules.getDecision(MONITORING_LINE);
        if (decision == null) {
            return;
        }
        DmnDecisionResult result = dmn.engine().evaluateDecision(decision,
                Variables.createVariables().putValue("province", province).putValue("year", year));
        if (result.isEmpty() || result.getFirstResult().getEntry(MONITORING_LINE) == null) {
            throw FieldRuleException.invalid(Map.of(field, what + " has no monitoring line for province " + province
                    + " in " + year));
        }
    }

    private void requireLine(DmnDecisionRequirementsGraph eligibility, int year, String field, String what) {
        DmnDecision decision = eligibility.getDecision(ELIGIBILITY);
        if (decision == null) {
            return;
        }
        DmnDecisionResult result = dmn.engine().evaluateDecision(decision,
                Variables.createVariables().putValue("incomeYear", year));
        if (result.isEmpty() || result.getFirstResult().getEntry("povertyLine") == null) {
            throw FieldRuleException.invalid(Map.of(field, what + " has no poverty line for " + year));
        }
    }
}
