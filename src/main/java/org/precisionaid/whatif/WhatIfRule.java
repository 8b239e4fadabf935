package org.precisionaid.whatif;

/**
 * The rules a county can try out: each is a deployed DMN decision, evaluated over the registry as its procedure
 * evaluates it. The monitoring line is not here yet: its inputs (rigid expenses, an income collapse) are facts of a
 * monitoring case, not of the registry.
 */
public enum WhatIfRule {

    /** 识别 / Identification: {@code classification} in bpmn/eligibility.dmn (poverty line, negative list). */
    IDENTIFICATION("classification", "classification", "识别资格 / Eligibility"),
    /** 脱贫退出 / Household exit: {@code householdAssessment} in bpmn/assessment-rules.dmn, the line from eligibility.dmn. */
    EXIT("householdAssessment", "outcome", "脱贫退出 / Household exit");

    private final String decisionKey;
    private final String outcomeOutput;
    private final String label;

    WhatIfRule(String decisionKey, String outcomeOutput, String label) {
        this.decisionKey = decisionKey;
        this.outcomeOutput = outcomeOutput;
        this.label = label;
    }

    public String decisionKey() {
        return decisionKey;
    }

    public String outcomeOutput() {
        return outcomeOutput;
    }

    public String label() {
        return label;
    }
}
