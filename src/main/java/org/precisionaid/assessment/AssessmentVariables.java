package org.precisionaid.assessment;

import org.camunda.bpm.engine.delegate.VariableScope;

/** The few variables of the assessment procedures; the facts live in the registry and the account. */
public final class AssessmentVariables {

    public static final String START_KEY = "annualAssessmentStart";
    public static final String PROCESS_KEY = "annualAssessment";
    public static final String EXIT_KEY = "householdExit";
    public static final String HOUSEHOLD_ID = "householdId";
    public static final String REGION_CODE = "regionCode";
    public static final String YEAR = "assessmentYear";
    public static final String COUNTY_CODE = "countyCode";
    public static final String OUTCOME = "outcome";
    public static final String EXIT_APPROVED = "exitApproved";
    public static final String EXIT_NOTICE_ENDS = "exitNoticeEnds";
    public static final String MORE_TO_START = "moreToStart";

    private AssessmentVariables() {
    }

    public static int year(VariableScope scope) {
        return ((Number) scope.getVariable(YEAR)).intValue();
    }

    public static String county(VariableScope scope) {
        return (String) scope.getVariable(COUNTY_CODE);
    }
}
