package org.precisionaid.funding;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.precisionaid.procedure.FormInput;
import org.precisionaid.procedure.Officials;
import org.precisionaid.procedure.ProcessBean;
import org.precisionaid.procedure.Rejections;
import org.precisionaid.project.Money;
import org.precisionaid.project.ProjectCodes.Level;
import org.precisionaid.project.ProjectCodes.Status;
import org.precisionaid.project.ProjectService;
import org.precisionaid.web.FieldRuleException;
import org.springframework.stereotype.Component;

/**
 * On completion of each funding task: checks the official's entries (a broken rule keeps the task open and tells
 * him which field), writes the decision or the money movement to the registry, and notes a rejection for the model.
 */
@Component("fundingDecisions")
@ProcessBean
public class FundingDecisions implements TaskListener {

    static final Set<String> REVIEW = Set.of("approve", "return", "reject");
    static final List<String> REVIEW_FIELDS = List.of("townshipDecision", "townshipComment", "countyDecision",
            "countyComment", "leadUnitDecision", "leadUnitComment", "approvalDecision", "approvalComment");

    private final ProjectService projects;
    private final ProjectSummary summary;

    public FundingDecisions(ProjectService projects, ProjectSummary summary) {
        this.projects = projects;
        this.summary = summary;
    }

    @Override
    public void notify(DelegateTask task) {
        long projectId = FundingVariables.projectId(task);
        String actor = Officials.actor(task);
        VariableScope process = task.getExecution().getProcessInstance();
        try {
            switch (task.getTaskDefinitionKey()) {
                case "townshipReview" -> review(task, process, projectId, actor, "township", Level.TOWNSHIP);
                case "countyReview" -> review(task, process, projectId, actor, "county", Level.COUNTY);
                case "leadUnitReview" -> review(task, process, projectId, actor, "leadUnit", Level.LEAD_UNIT);
                case "approval" -> review(task, process, projectId, actor, "approval", Level.APPROVAL);
                case "allocateFunds" -> allocate(task, projectId, actor);
                case "reportProgress" -> progress(task, process, projectId, actor);
                case "acceptance" -> acceptance(task, projectId, actor);
                case "disburse" -> disburse(task, process, projectId, actor);
                default -> throw new IllegalStateException("no decision rules for task " + task.getTaskDefinitionKey());
            }
        } catch (FieldRuleException e) {
            throw Officials.pleaseCorrect(e, FundingStartForm::describe);
        }
        summary.refresh(process);
    }

    private void review(DelegateTask task, VariableScope process, long projectId, String actor, String prefix,
            Level level) {
        Map<String, String> errors = new LinkedHashMap<>();
        String decision = FormInput.choice(task, prefix + "Decision", REVIEW, errors);
        String comment = FormInput.text(task, prefix + "Comment", decision != null && !"approve".equals(decision), errors);
        if (!errors.isEmpty()) {
            throw FieldRuleException.invalid(errors);
        }
        switch (decision) {
            case "approve" -> {
                if (level == Level.APPROVAL) {
                    String shortfall = projects.approve(projectId, comment, actor);
                    if (shortfall != null) {
                        throw FieldRuleException.invalid(Map.of("approvalDecision",
                                "the county's available funds no longer cover the project (" + shortfall
                                        + "); return it for correction or reject it"));
                    }
                } else {
                    projects.decide(projectId, Status.APPLIED, level, "approved", comment, actor);
                }
            }
            case "return" -> projects.decide(projectId, Status.RETURNED, level, "returned", comment, actor);
            default -> Rejections.reject(process, level, comment, actor);
        }
    }

    private void allocate(DelegateTask task, long projectId, String actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        String voucher = FormInput.text(task, "voucherNo", true, errors);
        if (!errors.isEmpty()) {
            throw FieldRuleException.invalid(errors);
        }
        projects.allocate(projectId, voucher, actor);
    }

    private void progress(DelegateTask task, VariableScope process, long projectId, String actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        Long percent = FormInput.whole(task.getVariable("progressPercent"), "progressPercent", errors);
        if (percent != null && (percent < 0 || percent > 100)) {
            errors.put("progressPercent", "must be between 0 and 100");
        }
        String note = FormInput.text(task, "progressNote", true, errors);
        if (!errors.isEmpty()) {
            throw FieldRuleException.invalid(errors);
        }
        projects.reportProgress(projectId, percent.intValue(), note, actor);
        process.setVariable(FundingVariables.PROGRESS_PERCENT, percent.intValue());
        process.removeVariable("progressNote");
    }

    private void acceptance(DelegateTask task, long projectId, String actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        String decision = FormInput.choice(task, "acceptanceDecision", Set.of("accept", "rectify"), errors);
        String comment = FormInput.text(task, "acceptanceComment", "rectify".equals(decision), errors);
        if (!errors.isEmpty()) {
            throw FieldRuleException.invalid(errors);
        }
        if ("accept".equals(decision)) {
            projects.decide(projectId, Status.ACCEPTED, Level.ACCEPTANCE, "accepted", comment, actor);
        } else {
            projects.decide(projectId, Status.IMPLEMENTING, Level.ACCEPTANCE, "rectification required", comment, actor);
        }
    }

    private void disburse(DelegateTask task, VariableScope process, long projectId, String actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        String source = FormInput.text(task, "trancheSource", true, errors);
        String voucher = FormInput.text(task, "trancheVoucher", true, errors);
        Object raw = task.getVariable("trancheAmount");
        Long fen = null;
        if (!(raw instanceof Number number) || number.doubleValue() <= 0) {
            errors.put("trancheAmount", "must be a positive amount in yuan");
        } else {
            fen = Money.fen(new BigDecimal(raw.toString()));
            if (fen == null) {
                errors.put("trancheAmount", "at most two decimals (fen)");
            }
        }
        if (!errors.isEmpty()) {
            throw FieldRuleException.invalid(errors);
        }
        try {
            boolean done = projects.disburse(projectId, source, fen, voucher, actor);
            process.setVariable(FundingVariables.FULLY_DISBURSED, done);
        } catch (FieldRuleException e) {
            Map<String, String> named = new LinkedHashMap<>();
            e.errors().forEach((field, rule) -> named.put(switch (field) {
                case "amount" -> "trancheAmount";
                case "fundSource" -> "trancheSource";
                case "voucherNo" -> "trancheVoucher";
                default -> field;
            }, rule));
            throw FieldRuleException.invalid(named);
        }
        process.removeVariables(List.of("trancheSource", "trancheAmount", "trancheVoucher"));
    }

}
