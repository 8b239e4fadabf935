package org.precisionaid.funding;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Names of the funding process's variables: ids, region, routing and the decisions made on the way. */
public final class FundingVariables {

    public static final String PROCESS_KEY = "funding";
    public static final String PROJECT_ID = "projectId";
    public static final String REGION_CODE = "regionCode";
    /** COUNTY, TOWNSHIP or VILLAGE: a county's own project skips the township review. */
    public static final String REGION_LEVEL = "regionLevel";
    /** The role of the applying official (clerk, township, county): he corrects and reports progress. */
    public static final String APPLICANT_ROLE = "applicantRole";
    /** DMN inputs. */
    public static final String PROJECT_TYPE = "projectType";
    public static final String TOTAL_YUAN = "totalYuan";
    /** DMN outputs. */
    public static final String LEAD_UNIT = "leadUnit";
    public static final String APPROVAL_LEVEL = "approvalLevel";
    public static final String SUMMARY = "projectSummary";
    public static final String DISCLOSURE_ENDS = "disclosureEnds";
    public static final String PROGRESS_PERCENT = "progressPercent";
    public static final String FULLY_DISBURSED = "fullyDisbursed";

    private FundingVariables() {
    }

    public static long projectId(VariableScope scope) {
        return ((Number) scope.getVariable(PROJECT_ID)).longValue();
    }
}
