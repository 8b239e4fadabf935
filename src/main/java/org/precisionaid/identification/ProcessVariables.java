package org.precisionaid.identification;

/** Names of the identification process's variables: ids, region and the decisions made on the way. */
public final class ProcessVariables {

    public static final String PROCESS_KEY = "identification";
    public static final String HOUSEHOLD_ID = "householdId";
    public static final String REGION_CODE = "regionCode";
    public static final String CLASSIFICATION = "classification";
    public static final String CLASSIFICATION_REASON = "classificationReason";
    public static final String PER_CAPITA_INCOME = "perCapitaIncome";
    public static final String POVERTY_LINE = "povertyLine";
    public static final String SUMMARY = "householdSummary";
    public static final String NOTICE_ENDS = "noticeEnds";
    public static final String FILE_CARD_NO = "fileCardNo";
    public static final String OBJECTION_MESSAGE = org.precisionaid.procedure.ObjectionService.OBJECTION_MESSAGE;

    private ProcessVariables() {
    }

    /** The registry id of the case's household. */
    public static long householdId(org.camunda.bpm.engine.delegate.VariableScope scope) {
        return ((Number) scope.getVariable(HOUSEHOLD_ID)).longValue();
    }
}
