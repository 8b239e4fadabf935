package org.precisionaid.whatif;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A what-if, side by side: how many households of each village today's rule and the changed rule put into each
 * outcome, how many change and in which direction (the class), and the households behind each count, ID numbers
 * masked. {@code households} holds at most {@link WhatIfRun#LIST_LIMIT} rows ({@code listComplete} false beyond);
 * the Excel file holds them all. {@code engineEvaluations}: how often the DMN engine evaluated a decision for the
 * run, both sides, at most twice {@code evaluated} (households with the same inputs share one, ADR 0029).
 */
public record WhatIfResult(String rule, String ruleLabel, String regionCode, String regionName, int year,
                           String today, String changed, long evaluated, List<Outcome> outcomes,
                           Map<String, Long> classes, List<Village> villages, List<Household> households,
                           boolean listComplete, long engineEvaluations, long millis) {

    /** One outcome of the rule (e.g. DEVELOPMENT, EXIT_PROPOSED): households today and under the changed rule. */
    public record Outcome(String outcome, String label, long today, long changed) {
    }

    /** A village: households evaluated, and the count of each class of change. */
    public record Village(String code, String name, long evaluated, Map<String, Long> classes) {
    }

    /** A household whose outcome changes; the ID number of its first member (the head) masked. */
    public record Household(String changeClass, String applicationNo, String villageCode, String head,
                            String idNumber, String status, BigDecimal perCapitaYuan, String today,
                            String changed, String todayReason, String changedReason) {
    }
}
