package org.precisionaid.whatif;

/**
 * The rules a county can try out: each is a deployed DMN decision, evaluated over the registry as its procedure
 * evaluates it. The monitoring rule is tried on what the registry knows (the year's income, housing and water); a
 * case's own facts (rigid expenses, an income collapse) come from the household check and count as none here.
 */
public enum WhatIfRule {

    /** 识别 / Identification: {@code classification} in bpmn/eligibility.dmn (poverty line, negative list). */
    IDENTIFICATION("classification", "classification", "识别资格 / Eligibility"),
    /** 脱贫退出 / Household exit: {@code householdAssessment} in bpmn/assessment-rules.dmn, the line from eligibility.dmn. */
    EXIT("householdAssessment", "outcome", "脱贫退出 / Household exit"),
    /** 防返贫监测 / Monitoring: {@code monitoringCategory} in bpmn/monitoring-rules.dmn (the monitoring line). */
    MONITORING("monitoringCategory", "category", "防返贫监测 / Return-to-poverty monitoring");

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
