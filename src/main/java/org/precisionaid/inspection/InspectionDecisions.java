package org.precisionaid.inspection;

import static org.precisionaid.inspection.InspectionVariables.FINDING_ID;
import static org.precisionaid.inspection.InspectionVariables.FINDING_NO;
import static org.precisionaid.inspection.InspectionVariables.SAMPLE_ID;
import static org.precisionaid.inspection.InspectionVariables.SUMMARY;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.precisionaid.inspection.InspectionFinding.Kind;
import org.precisionaid.inspection.InspectionFinding.Responsible;
import org.precisionaid.inspection.InspectionFinding.Severity;
import org.precisionaid.procedure.FormInput;
import org.precisionaid.procedure.Officials;
import org.precisionaid.procedure.ProcessBean;
import org.precisionaid.web.FieldRuleException;
import org.springframework.stereotype.Component;

/**
 * The officials' steps of a round and of a rectification: each form's entries are checked (a broken rule keeps the
 * task open and names the field) and written to our tables; the actor is the authenticated official.
 */
@Component("inspectionDecisions")
@ProcessBean
public class InspectionDecisions implements TaskListener {

    private static final Set<String> OUTCOMES = Set.of("clean", "finding");
    private static final Set<String> VERIFY = Set.of("close", "return", "withdraw");

    private final InspectionService inspections;
    private final InspectionSummaries summaries;
    private final InspectionRectifiers rectifiers;

    public InspectionDecisions(InspectionService inspections, InspectionSummaries summaries,
            InspectionRectifiers rectifiers) {
        this.inspections = inspections;
        this.summaries = summaries;
        this.rectifiers = rectifiers;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            created(task);
            return;
        }
        String actor = Officials.actor(task);
        try {
            switch (task.getTaskDefinitionKey()) {
                case "inspectCase" -> inspect(task, actor);
                case "inspectProject" -> inspectProject(task, actor);
                case "rectify" -> rectify(task, actor);
                case "verifyRectification" -> verify(task, actor);
                default -> throw new IllegalStateException("no inspection rules for task " + task.getTaskDefinitionKey());
            }
        } catch (FieldRuleException e) {
            throw Officials.pleaseCorrect(e);
        }
    }

    private void created(DelegateTask task) {
        if (task.getVariable(SAMPLE_ID) == null && task.getVariable(FINDING_ID) == null) {
            return; // a task made without its round (an administrator's modification): nothing to show
        }
        switch (task.getTaskDefinitionKey()) {
            case "inspectCase", "inspectProject" -> {
                InspectionSample sample = inspections.sample(((Number) task.getVariable(SAMPLE_ID)).longValue());
                long roundYear = inspections.round(sample.getRoundId()).getYear();
                // the list shows which household or project each of the round's tasks is about
                task.setDescription(summaries.label(sample));
                task.getExecution().setVariableLocal(SUMMARY, summaries.ofSample(sample, (int) roundYear));
            }
            case "rectify" -> {
                InspectionFinding finding = inspections.finding(findingId(task));
                // the candidates came from inspectionRectifiers; the finding records who holds the task this time
                inspections.heldBy(finding.getId(), rectifiers.holder(finding));
                task.getExecution().getProcessInstance().setVariable(SUMMARY, summaries.ofFinding(finding));
                task.setDescription(finding.getFindingNo() + " · " + finding.getKind().label());
                inspections.rectificationDue(finding.getId(), task.getDueDate());
                InspectionVariables.VERIFY_FIELDS.forEach(task.getExecution().getProcessInstance()::removeVariable);
            }
            case "verifyRectification" -> {
                InspectionFinding finding = inspections.finding(findingId(task));
                task.getExecution().getProcessInstance().setVariable(SUMMARY, summaries.ofFinding(finding)
                        + "\n\n**整改情况 / Rectification:** " + finding.getRectification() + " ("
                        + finding.getRectifiedBy() + ")");
                task.setDescription(finding.getFindingNo() + " · " + finding.getKind().label());
            }
            default -> {
            }
        }
    }

    /** inspectCase: the case holds against its file, or a finding with its kind, severity and who answers for it. */
    private void inspect(DelegateTask task, String actor) {
        outcome(task, actor, java.util.List.of("incomeAccountChecked", "guaranteesChecked", "visitsChecked"),
                "must be checked against the file before the case is found in order", Kind.OF_HOUSEHOLD,
                errors -> FormInput.choice(task, "findingResponsible", names(Responsible.OF_HOUSEHOLD), errors));
    }

    /**
     * inspectProject: what an on-site check asks — the outputs exist and match, the funds match the ledger, the
     * disclosure was posted, the beneficiaries benefit — all checked to find it in order; or a finding of a project's
     * kind, which the project's owner answers for.
     */
    private void inspectProject(DelegateTask task, String actor) {
        outcome(task, actor, InspectionVariables.PROJECT_CHECKS,
                "must be checked on site before the project is found in order", Kind.OF_PROJECT,
                errors -> Responsible.OWNER.name());
    }

    /**
     * An inspection's outcome, household or project alike: in order once every check is ticked, or a finding of one
     * of the case's kinds, answered for by whom {@code responsible} reads (the form's choice, or the project's owner).
     */
    private void outcome(DelegateTask task, String actor, java.util.List<String> checks, String uncheckedRule,
            Set<Kind> kinds,
            java.util.function.Function<Map<String, String>, String> responsible) {
        Map<String, String> errors = new LinkedHashMap<>();
        String outcome = FormInput.choice(task, "inspectionOutcome", OUTCOMES, errors);
        String notes = FormInput.text(task, "inspectionNotes", false, errors);
        long sampleId = ((Number) task.getVariable(SAMPLE_ID)).longValue();
        if ("clean".equals(outcome)) {
            for (String check : checks) {
                if (!Boolean.TRUE.equals(task.getVariable(check))) {
                    errors.put(check, uncheckedRule);
                }
            }
            if (!errors.isEmpty()) {
                throw FieldRuleException.invalid(errors);
            }
            inspections.clean(sampleId, notes, actor);
            return;
        }
        String kind = FormInput.choice(task, "findingKind", names(kinds), errors);
        String severity = FormInput.choice(task, "findingSeverity", names(Severity.values()), errors);
        String answering = responsible.apply(errors);
        String description = FormInput.text(task, "findingDescription", true, errors);
        if (!errors.isEmpty()) {
            throw FieldRuleException.invalid(errors);
        }
        InspectionFinding finding = inspections.found(sampleId, Kind.valueOf(kind), Severity.valueOf(severity),
                description, Responsible.valueOf(answering), notes, actor);
        task.getExecution().setVariable(FINDING_ID, finding.getId());
        task.getExecution().setVariable(FINDING_NO, finding.getFindingNo());
    }

    /** rectify: what was done, in words the inspector can check. */
    private void rectify(DelegateTask task, String actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        String report = FormInput.text(task, "rectificationReport", true, errors);
        if (!errors.isEmpty()) {
            throw FieldRuleException.invalid(errors);
        }
        inspections.rectified(findingId(task), report, actor);
    }

    /** verifyRectification: closed, returned for more work (a reason), or withdrawn as not upheld (a reason). */
    private void verify(DelegateTask task, String actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        String decision = FormInput.choice(task, "verifyDecision", VERIFY, errors);
        String comment = FormInput.text(task, "verifyComment", decision != null && !"close".equals(decision), errors);
        if (!errors.isEmpty()) {
            throw FieldRuleException.invalid(errors);
        }
        inspections.verified(findingId(task), decision, comment, actor);
    }

    private static long findingId(DelegateTask task) {
        return ((Number) task.getVariable(FINDING_ID)).longValue();
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toSet());
    }

    private static Set<String> names(java.util.Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).collect(Collectors.toSet());
    }
}
