package org.precisionaid.monitoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.precisionaid.monitoring.MonitoringCase.Channel;
import org.precisionaid.monitoring.MonitoringVariables.Step;
import org.precisionaid.procedure.FormInput;
import org.precisionaid.procedure.Officials;
import org.precisionaid.procedure.ProcessBean;
import org.precisionaid.procedure.Rejections;
import org.precisionaid.procedure.VoteRule;
import org.precisionaid.registry.Codes.LabourCapacity;
import org.precisionaid.registry.Household;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.web.ConflictException;
import org.precisionaid.web.FieldRuleException;
import org.springframework.stereotype.Component;

/**
 * The officials' steps of a monitoring case: each form's entries are checked (a broken rule keeps the task open and
 * names the field), the decision goes to the registry, and a refusal is noted for the model with level, reason and
 * official. The case's subject and region are the server's; the actor is the authenticated official.
 */
@Component("monitoringDecisions")
@ProcessBean
public class MonitoringDecisions implements TaskListener {

    private static final Set<String> DECIDE = Set.of("approve", "return", "reject");
    private static final Set<String> APPROVE_REJECT = Set.of("approve", "reject");
    static final Set<String> MEASURE_KINDS = Set.of("INDUSTRY", "EMPLOYMENT", "HEALTH", "EDUCATION", "HOUSING", "CREDIT",
            "INSURANCE", "SOCIAL_ASSISTANCE");

    private final MonitoringService monitoring;
    private final HouseholdService households;
    private final MonitoringRules rules;
    private final MonitoringSummaries summaries;

    public MonitoringDecisions(MonitoringService monitoring, HouseholdService households, MonitoringRules rules,
            MonitoringSummaries summaries) {
        this.monitoring = monitoring;
        this.households = households;
        this.rules = rules;
        this.summaries = summaries;
    }

    /** The follow-up form's fields (forms/monitoring-follow-up.form). */
    static final java.util.List<String> VISIT_ANSWERS = java.util.List.of("visitDate", "incomeAboveLine",
            "rigidExpensesResolved", "guaranteesSecure", "waterSecure", "visitNotes");

    @Override
    public void notify(DelegateTask task) {
        DelegateExecution process = task.getExecution().getProcessInstance();
        Long caseId = MonitoringVariables.caseId(task);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            if (caseId != null) {
                process.setVariable(MonitoringVariables.SUMMARY, summaries.of(caseId));
                if ("followUpVisit".equals(task.getTaskDefinitionKey())) {
                    summaries.cadreUser(monitoring.get(caseId).getHouseholdId()).ifPresent(task::setAssignee);
                    // each visit is answered afresh: the form would otherwise show (and could resend) the last
                    // visit's answers; those stay in the case's record and in history
                    process.removeVariables(VISIT_ANSWERS);
                }
            }
            return;
        }
        String actor = Officials.actor(task);
        try {
            switch (task.getTaskDefinitionKey()) {
                case "identifyHousehold" -> identify(task, process, actor);
                case "householdCheck" -> check(task, process, caseId, actor);
                case "villageAssessment" -> vote(task, process, caseId, actor, "assessment", "assessmentPassed",
                        Step.VILLAGE);
                case "townshipReview" -> decide(task, process, caseId, actor, "township", DECIDE, Step.TOWNSHIP);
                case "countyApproval" -> decide(task, process, caseId, actor, "county", DECIDE, Step.COUNTY);
                case "supportPlan" -> plan(task, caseId, actor);
                case "followUpVisit" -> visit(task, process, caseId, actor);
                case "eliminationAssessment" -> vote(task, process, caseId, actor, "elimination",
                        "eliminationVotePassed", Step.ELIMINATION_VILLAGE);
                case "eliminationTownship" -> decide(task, process, caseId, actor, "eliminationTownship",
                        APPROVE_REJECT, Step.ELIMINATION_TOWNSHIP);
                case "eliminationCounty" -> decide(task, process, caseId, actor, "eliminationCounty",
                        APPROVE_REJECT, Step.ELIMINATION_COUNTY);
                default -> throw new IllegalStateException("no monitoring rules for task " + task.getTaskDefinitionKey());
            }
        } catch (FieldRuleException e) {
            throw Officials.pleaseCorrect(e);
        } catch (ConflictException e) {
            throw Officials.pleaseCorrect(e);
        }
    }

    /** identifyHousehold: the clerk names the household (one the server offered) and the case opens, or it does not. */
    private void identify(DelegateTask task, DelegateExecution process, String actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        String decision = FormInput.choice(task, "intakeDecision", Set.of("open", "notConfirmed"), errors);
        String comment = FormInput.text(task, "intakeComment", "notConfirmed".equals(decision), errors);
        String applicationNo = (String) task.getVariable("applicationNo");
        if ("open".equals(decision) && (applicationNo == null
                || !String.valueOf(task.getVariable(MonitoringVariables.OPTIONS)).contains("\"" + applicationNo + "\""))) {
            errors.put("applicationNo", "choose one of the village's households offered");
        }
        if (!errors.isEmpty()) {
            throw FieldRuleException.invalid(errors);
        }
        if (!"open".equals(decision)) {
            Rejections.reject(process, Step.INTAKE, "线索不实 / The report does not hold: " + comment, actor);
            return;
        }
        Household household = households.get(applicationNo);
        Object reportId = process.getVariable(MonitoringVariables.REPORT_ID);
        Object text = process.getVariable("reportText");
        MonitoringCase opened = monitoring.open(household.getId(),
                Channel.valueOf((String) process.getVariable(MonitoringVariables.CHANNEL)),
                reportId == null ? null : ((Number) reportId).longValue(),
                reportId == null ? (text == null ? null : text.toString()) : "农户自主申报 / The household's own report",
                actor);
        process.setVariable(MonitoringVariables.CASE_ID, opened.getId());
        process.setVariable(MonitoringVariables.HOUSEHOLD_ID, household.getId());
        process.setProcessBusinessKey(opened.getCaseNo());
        process.removeVariable(MonitoringVariables.OPTIONS);
        process.removeVariable("reportText");
    }

    /** householdCheck: consent, the check's figures, and the DMN's category. */
    private void check(DelegateTask task, DelegateExecution process, long caseId, String actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        boolean consent = flag(task, "consentSigned");
        BigDecimal income = amount(task, "householdIncomeYuan", errors);
        BigDecimal medical = amount(task, "medicalExpenseYuan", errors);
        BigDecimal education = amount(task, "educationExpenseYuan", errors);
        BigDecimal disaster = amount(task, "disasterLossYuan", errors);
        String findings = FormInput.text(task, "checkFindings", true, errors);
        for (String field : List.of("medicalExpenseYuan", "educationExpenseYuan", "disasterLossYuan")) {
            BigDecimal value = (BigDecimal) Map.of("medicalExpenseYuan", orZero(medical), "educationExpenseYuan",
                    orZero(education), "disasterLossYuan", orZero(disaster)).get(field);
            if (value.signum() < 0) {
                errors.put(field, "must not be negative");
            }
        }
        if (!errors.isEmpty()) {
            throw FieldRuleException.invalid(errors);
        }
        MonitoringCase monitoringCase = monitoring.get(caseId);
        if (!consent) {
            monitoring.note(caseId, "no consent to verify assets", findings, actor);
            process.setVariable("atRisk", false);
            Rejections.reject(process, Step.CHECK, "未签署家庭经济状况核查授权书 / The household did not consent to the check: "
                    + findings, actor);
            return;
        }
        Household household = households.get(monitoringCase.getHouseholdId());
        int members = household.getMembers().size();
        BigDecimal perCapita = income.divide(BigDecimal.valueOf(members), 2, RoundingMode.HALF_UP);
        BigDecimal rigid = medical.add(education).add(disaster).divide(BigDecimal.valueOf(members), 2,
                RoundingMode.HALF_UP);
        boolean guarantees = flag(task, "schoolingSecure") && flag(task, "medicalSecure") && flag(task, "housingSecure");
        int year = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault()).getYear();
        MonitoringRules.Category category = rules.category(monitoringCase.getVillageCode(), year,
                household.getStatus().name(), perCapita.doubleValue(), rigid.doubleValue(), flag(task, "incomeCollapse"),
                guarantees, flag(task, "waterSecure"));
        boolean noLabour = household.getMembers().stream()
                .allMatch(member -> member.getLabourCapacity() == LabourCapacity.NONE);
        boolean atRisk = !"NOT_AT_RISK".equals(category.category());
        monitoring.checked(caseId, category.category(), noLabour, actor);
        monitoring.note(caseId, "check: per capita " + perCapita + " / line " + category.line(), findings, actor);
        process.setVariable("category", category.category());
        process.setVariable("categoryReason", category.reason() + " (人均 / per capita " + perCapita + "; 刚性支出人均 / "
                + "rigid expenses per capita " + rigid + "; 监测标准 / line " + category.line() + ")");
        process.setVariable(MonitoringVariables.NO_LABOUR, noLabour);
        process.setVariable("atRisk", atRisk);
        if (!atRisk) {
            Rejections.reject(process, Step.CHECK, category.reason(), actor);
        }
    }

    private void vote(DelegateTask task, DelegateExecution process, long caseId, String actor, String prefix,
            String passedVariable, Step step) {
        Map<String, String> errors = new LinkedHashMap<>();
        String attendeesField = prefix + "Attendees";
        String votesField = prefix + "VotesFor";
        Long attendees = FormInput.whole(task.getVariable(attendeesField), attendeesField, errors);
        Long votesFor = FormInput.whole(task.getVariable(votesField), votesField, errors);
        VoteRule.check(attendees, votesFor, attendeesField, votesField, errors);
        String minutes = FormInput.text(task, prefix + "Minutes", true, errors);
        if (!errors.isEmpty()) {
            throw FieldRuleException.invalid(errors);
        }
        boolean passed = VoteRule.passes(attendees, votesFor);
        process.setVariable(passedVariable, passed);
        String outcome = votesFor + "/" + attendees;
        monitoring.note(caseId, step + (passed ? " passed " : " failed ") + outcome, minutes, actor);
        if (!passed) {
            Rejections.reject(process, step, "民主评议未过半数 / The assessment failed (" + outcome + "): " + minutes, actor);
        }
    }

    private void decide(DelegateTask task, DelegateExecution process, long caseId, String actor, String prefix,
            Set<String> choices, Step step) {
        Map<String, String> errors = new LinkedHashMap<>();
        String decision = FormInput.choice(task, prefix + "Decision", choices, errors);
        String comment = FormInput.text(task, prefix + "Comment", decision != null && !"approve".equals(decision),
                errors);
        if (!errors.isEmpty()) {
            throw FieldRuleException.invalid(errors);
        }
        monitoring.note(caseId, step + " " + decision, comment, actor);
        if ("reject".equals(decision)) {
            Rejections.reject(process, step, comment, actor);
        }
    }

    /** supportPlan: measures by cause; a household without labour capacity is referred to social assistance. */
    private void plan(DelegateTask task, long caseId, String actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        String main = FormInput.choice(task, "measureKind", MEASURE_KINDS, errors);
        Object second = task.getVariable("secondMeasureKind");
        String measures = FormInput.text(task, "supportMeasures", true, errors);
        List<String> kinds = new ArrayList<>();
        if (main != null) {
            kinds.add(main);
        }
        if (second != null && !second.toString().isBlank() && !second.toString().equals(main)) {
            if (!MEASURE_KINDS.contains(second.toString())) {
                errors.put("secondMeasureKind", "choose one of " + MEASURE_KINDS);
            }
            kinds.add(second.toString());
        }
        if (monitoring.get(caseId).isNoLabourCapacity() && main != null && !kinds.contains("SOCIAL_ASSISTANCE")) {
            errors.put("measureKind", "无劳动能力的户须转介社会救助 / a household without labour capacity must be referred to "
                    + "social assistance (SOCIAL_ASSISTANCE)");
        }
        if (!errors.isEmpty()) {
            throw FieldRuleException.invalid(errors);
        }
        monitoring.plan(caseId, kinds, measures, actor);
    }

    /** followUpVisit: the visit is recorded; the DMN says whether risk elimination is proposed. */
    private void visit(DelegateTask task, DelegateExecution process, long caseId, String actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate date = FormInput.date(task.getVariable("visitDate"), "visitDate", errors);
        String notes = FormInput.text(task, "visitNotes", true, errors);
        LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault());
        if (date != null && date.isAfter(today)) {
            errors.put("visitDate", "must not be after today");
        }
        MonitoringCase monitoringCase = monitoring.get(caseId);
        if (date != null && monitoringCase.getLastVisit() != null && date.isBefore(monitoringCase.getLastVisit())) {
            errors.put("visitDate", "must not be before the last visit (" + monitoringCase.getLastVisit() + ")");
        }
        if (!errors.isEmpty()) {
            throw FieldRuleException.invalid(errors);
        }
        long months = monitoring.visited(caseId, date, flag(task, "incomeAboveLine"), notes, actor);
        MonitoringRules.Elimination elimination = rules.elimination(monitoringCase.isNoLabourCapacity(), months,
                flag(task, "rigidExpensesResolved"), flag(task, "guaranteesSecure"), flag(task, "waterSecure"));
        process.setVariable("eliminationProposed", elimination.propose());
        process.setVariable("eliminationReason", elimination.reason() + " (" + months + " 个月 / months)");
        if (elimination.propose()) {
            monitoring.eliminationProposed(caseId, actor);
        }
    }

    private static boolean flag(VariableScope scope, String field) {
        return Boolean.TRUE.equals(scope.getVariable(field));
    }

    private static BigDecimal amount(VariableScope scope, String field, Map<String, String> errors) {
        Object value = scope.getVariable(field);
        if (value instanceof Number number) {
            BigDecimal amount = new BigDecimal(number.toString());
            if (amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
                errors.put(field, "at most two decimals (fen)");
            }
            return amount.setScale(2, RoundingMode.HALF_UP);
        }
        errors.put(field, value == null ? "is required" : "must be an amount in yuan");
        return null;
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
