package org.precisionaid.funding;

import static org.precisionaid.funding.FundingVariables.PROJECT_ID;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.precisionaid.procedure.Officials;
import org.precisionaid.procedure.ProcessBean;
import org.precisionaid.project.Money;
import org.precisionaid.project.Project;
import org.precisionaid.project.ProjectForm;
import org.precisionaid.project.ProjectService;
import org.precisionaid.region.InvalidRegionCodeException;
import org.precisionaid.region.RegionCode;
import org.precisionaid.region.RegionLevel;
import org.precisionaid.web.FieldRuleException;
import org.springframework.stereotype.Component;

/**
 * Takes the start form into the project registry. A broken rule stops the start altogether: nothing is written,
 * no case exists, and the official reads which field is wrong above his form. Applications made over REST arrive
 * already recorded and pass through.
 */
@Component("fundingRecordProject")
@ProcessBean
public class RecordProject implements JavaDelegate {

    private final ProjectService projects;
    private final ApplicantRole applicants;
    private final ProjectSummary summary;

    public RecordProject(ProjectService projects, ApplicantRole applicants, ProjectSummary summary) {
        this.projects = projects;
        this.applicants = applicants;
        this.summary = summary;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (!execution.hasVariable(PROJECT_ID)) {
            ProjectForm form = FundingStartForm.read(execution::getVariable);
            try {
                if (form.regionCode() != null && !Officials.mayActAs(List.of(applicants.groupOf(form.regionCode())))) {
                    throw FieldRuleException.invalid(Map.of("regionCode", "only the " + ApplicantRole.of(form.regionCode())
                            + " of " + form.regionCode() + " may apply for its projects"));
                }
                Project project = projects.submit(form, Officials.actor(execution));
                execution.removeVariables(FundingStartForm.allFields());
                execution.setVariables(caseVariables(project));
                execution.setProcessBusinessKey(project.getProjectNo());
            } catch (FieldRuleException | InvalidRegionCodeException e) {
                throw Officials.pleaseCorrect(e, FundingStartForm::describe);
            }
        }
        summary.refresh(execution);
    }

    /** The few variables a funding case carries; the registry holds the project. */
    static Map<String, Object> caseVariables(Project project) {
        RegionLevel level = RegionCode.of(project.getRegionCode()).level();
        return Variables.createVariables()
                .putValue(PROJECT_ID, project.getId())
                .putValue(FundingVariables.REGION_CODE, project.getRegionCode())
                .putValue(FundingVariables.REGION_LEVEL, level.name())
                .putValue(FundingVariables.APPLICANT_ROLE, ApplicantRole.of(project.getRegionCode()))
                .putValue(FundingVariables.PROJECT_TYPE, project.getType().name())
                .putValue(FundingVariables.TOTAL_YUAN, Money.yuan(project.getTotalFen()).doubleValue());
    }
}
