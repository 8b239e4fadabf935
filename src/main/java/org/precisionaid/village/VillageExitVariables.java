package org.precisionaid.village;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Names of the villageExit process's variables: the application's id, the village, the year and the summary. */
public final class VillageExitVariables {

    public static final String PROCESS_KEY = "villageExit";
    public static final String EXIT_ID = "villageExitId";
    public static final String REGION_CODE = "regionCode";
    public static final String EXIT_YEAR = "exitYear";
    public static final String STATEMENT = "statement";
    public static final String SUMMARY = "villageExitSummary";
    public static final String NOTICE_ENDS = "noticeEnds";

    private VillageExitVariables() {
    }

    public static long exitId(VariableScope scope) {
        return ((Number) scope.getVariable(EXIT_ID)).longValue();
    }
}
