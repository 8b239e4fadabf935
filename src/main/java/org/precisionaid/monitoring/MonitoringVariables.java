package org.precisionaid.monitoring;

import org.camunda.bpm.engine.delegate.VariableScope;

/** The few variables of a monitoring case; the household and the case live in the registry. */
final class MonitoringVariables {

    static final String CASE_ID = "monitoringCaseId";
    static final String HOUSEHOLD_ID = "householdId";
    static final String REGION_CODE = "regionCode";
    static final String CHANNEL = "channel";
    static final String REPORT_ID = "reportId";
    static final String SUBJECT_KNOWN = "subjectKnown";
    static final String OPTIONS = "householdOptions";
    static final String SUMMARY = "householdSummary";
    static final String NOTICE_ENDS = "noticeEnds";
    static final String NO_LABOUR = "noLabourCapacity";

    /** Where a case was refused (rejection level) or an elimination was not approved. */
    enum Step { INTAKE, CHECK, VILLAGE, ANNOUNCEMENT, TOWNSHIP, COUNTY, ELIMINATION_VILLAGE, ELIMINATION_NOTICE,
        ELIMINATION_TOWNSHIP, ELIMINATION_COUNTY }

    private MonitoringVariables() {
    }

    static Long caseId(VariableScope scope) {
        Object value = scope.getVariable(CASE_ID);
        return value == null ? null : ((Number) value).longValue();
    }
}
