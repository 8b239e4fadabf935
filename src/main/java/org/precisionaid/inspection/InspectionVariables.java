package org.precisionaid.inspection;

import java.util.List;

/** The few variables of an inspection round and of a rectification (ADR 0003: ids, region, summary, decisions). */
final class InspectionVariables {

    static final String ROUND_ID = "roundId";
    static final String SAMPLE_SIZE = "sampleSize";
    static final String REGION_CODE = "regionCode";
    /** Local to one sampled case's scope of the multi-instance. */
    static final String SAMPLE_ID = "sampleId";
    /** Local too: whether the case is a project (its own task and form) or a household. */
    static final String PROJECT_SAMPLE = "projectSample";
    static final String FINDING_ID = "findingId";
    static final String FINDING_NO = "findingNo";
    static final String SUMMARY = "caseSummary";
    /** The inspection form's fields (forms/inspection-inspect-case.form), kept local to the case's scope. */
    static final List<String> INSPECT_FIELDS = List.of("incomeAccountChecked", "guaranteesChecked", "visitsChecked",
            "projectOutputsChecked", "inspectionOutcome", "findingKind", "findingSeverity", "findingResponsible",
            "findingDescription", "inspectionNotes", "outputsChecked", "fundsChecked", "disclosureChecked",
            "beneficiariesChecked");
    /** What an on-site check of a project asks (forms/inspection-inspect-project.form), each needed to find it in order. */
    static final List<String> PROJECT_CHECKS = List.of("outputsChecked", "fundsChecked", "disclosureChecked",
            "beneficiariesChecked");
    /** The verification form's fields, cleared before each rectification so a return is answered afresh. */
    static final List<String> VERIFY_FIELDS = List.of("verifyDecision", "verifyComment");

    private InspectionVariables() {
    }
}
