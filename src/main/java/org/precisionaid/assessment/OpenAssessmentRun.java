package org.precisionaid.assessment;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.precisionaid.procedure.Officials;
import org.precisionaid.procedure.ProcessBean;
import org.precisionaid.region.CandidateGroups;
import org.precisionaid.region.Region;
import org.precisionaid.web.ConflictException;
import org.precisionaid.web.FieldRuleException;
import org.springframework.stereotype.Component;

/** openRun: only the county office of the county starts its year, once; the form's entries are checked first. */
@Component("openAssessmentRun")
@ProcessBean
public class OpenAssessmentRun implements JavaDelegate {

    private final AssessmentRuns runs;
    private final CandidateGroups groups;
    private final int lanes;

    public OpenAssessmentRun(AssessmentRuns runs, CandidateGroups groups,
            @org.springframework.beans.factory.annotation.Value("${precision-aid.annual-assessment.lanes:4}") int lanes) {
        this.runs = runs;
        this.groups = groups;
        this.lanes = Math.max(1, lanes);
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object rawCounty = execution.getVariable(AssessmentVariables.COUNTY_CODE);
        Region county;
        try {
            county = runs.check(rawCounty == null ? null : rawCounty.toString(),
                    execution.getVariable(AssessmentVariables.YEAR));
        } catch (FieldRuleException e) {
            throw Officials.pleaseCorrect(e);
        }
        if (!Officials.mayActAs(List.of(groups.of(county.getCode(), "county")))) {
            throw new ProcessEngineException("无权限 / Forbidden — only the county office of " + county.label()
                    + " (" + groups.of(county.getCode(), "county") + ") starts its annual assessment");
        }
        int year = AssessmentVariables.year(execution);
        try {
            runs.open(county.getCode(), year, Officials.actor(execution));
        } catch (ConflictException e) {
            throw new ProcessEngineException(e.getMessage(), e);
        }
        execution.setVariable(AssessmentVariables.COUNTY_CODE, county.getCode());
        execution.setVariable(AssessmentVariables.YEAR, year);
        execution.setVariable("lanes", lanes);
        execution.setProcessBusinessKey(AssessmentRuns.businessKey(county.getCode(), year));
    }
}
