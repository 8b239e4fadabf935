package org.precisionaid.funding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.precisionaid.procedure.FormInput;
import org.precisionaid.procedure.Officials;
import org.precisionaid.procedure.ProcessBean;
import org.precisionaid.project.Project;
import org.precisionaid.project.ProjectCodes.Level;
import org.precisionaid.project.ProjectCodes.Status;
import org.precisionaid.project.ProjectForm;
import org.precisionaid.project.ProjectService;
import org.precisionaid.web.FieldRuleException;
import org.springframework.stereotype.Component;

/**
 * The applicant resubmits a returned project. What he corrects in the form (name, implementing unit, end of the
 * period, total and budget amounts) replaces the old values; beneficiaries and anything else he corrected over
 * REST ({@code PUT /api/projects/{no}}) stay as he left them. The corrected project passes the same validation as
 * a new one and goes through the reviews again.
 */
@Component("fundingCorrection")
@ProcessBean
public class FundingCorrection implements TaskListener {

    static final List<String> FIELDS = List.of("correctedName", "correctedImplementingUnit", "correctedPeriodEnd",
            "correctedTotal", "correctedLine1Amount", "correctedLine2Amount", "correctedLine3Amount", "correctionNote");

    private final ProjectService projects;

    public FundingCorrection(ProjectService projects) {
        this.projects = projects;
    }

    @Override
    public void notify(DelegateTask task) {
        long projectId = FundingVariables.projectId(task);
        Project project = projects.get(projectId);
        String actor = Officials.actor(task);
        VariableScope process = task.getExecution().getProcessInstance();
        try {
            Map<String, String> errors = new LinkedHashMap<>();
            String note = FormInput.text(task, "correctionNote", true, errors);
            if (!errors.isEmpty()) {
                throw FieldRuleException.invalid(errors);
            }
            ProjectForm current = projects.formOf(project);
            List<ProjectForm.BudgetLineForm> lines = new ArrayList<>(current.budgetLines());
            for (int i = 0; i < Math.min(lines.size(), FundingStartForm.LINES); i++) {
                BigDecimal amount = amount(task.getVariable("correctedLine" + (i + 1) + "Amount"));
                if (amount != null) {
                    lines.set(i, new ProjectForm.BudgetLineForm(lines.get(i).fundSource(), amount));
                }
            }
            BigDecimal total = amount(task.getVariable("correctedTotal"));
            ProjectForm corrected = new ProjectForm(pick(task, "correctedName", current.name()), current.type(),
                    current.regionCode(), pick(task, "correctedImplementingUnit", current.implementingUnit()),
                    current.periodStart(), date(task.getVariable("correctedPeriodEnd"), current.periodEnd()),
                    current.latitude(), current.longitude(), total == null ? current.total() : total,
                    current.loanTermMonths(), current.secured(), current.outputs(), lines, current.beneficiaries());
            projects.correct(project.getProjectNo(), corrected, actor);
            projects.decide(projectId, Status.APPLIED, Level.APPLICATION, "resubmitted", note, actor);
        } catch (FieldRuleException e) {
            throw Officials.pleaseCorrect(e, FundingStartForm::describe);
        }
        process.removeVariables(FIELDS);
        process.removeVariables(FundingDecisions.REVIEW_FIELDS);
        process.setVariables(RecordProject.caseVariables(projects.get(projectId)));
    }

    private static String pick(DelegateTask task, String field, String current) {
        Object value = task.getVariable(field);
        return value == null || value.toString().isBlank() ? current : value.toString().trim();
    }

    private static BigDecimal amount(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        return value instanceof Double d ? BigDecimal.valueOf(d) : new BigDecimal(value.toString());
    }

    private static LocalDate date(Object value, LocalDate current) {
        return value == null || value.toString().isBlank() ? current : LocalDate.parse(value.toString().substring(0, 10));
    }
}
