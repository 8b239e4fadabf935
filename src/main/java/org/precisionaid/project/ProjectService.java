package org.precisionaid.project;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.precisionaid.project.ProjectCodes.Level;
import org.precisionaid.project.ProjectCodes.Status;
import org.precisionaid.project.ProjectValidator.ValidProject;
import org.precisionaid.web.ConflictException;
import org.precisionaid.web.FieldRuleException;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The project registry's use cases. Everything that changes a project goes through here and leaves a decision. */
@Service
@Transactional
public class ProjectService {

    private final ProjectRepository projects;
    private final ProjectValidator validator;
    private final ProjectCounter counter;
    private final FundBook funds;
    private final Ledger ledger;
    private final Clock clock;

    public ProjectService(ProjectRepository projects, ProjectValidator validator, ProjectCounter counter, FundBook funds,
            Ledger ledger, Clock clock) {
        this.projects = projects;
        this.validator = validator;
        this.counter = counter;
        this.funds = funds;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Validates and records a new application (status APPLIED). Writes nothing when a rule is broken. */
    public Project submit(ProjectForm form, String actor) {
        ValidProject valid = validator.validate(form, 0);
        Instant now = clock.instant();
        Project project = new Project(valid.region().getCode(), valid.countyCode(), actor, now);
        project.setProjectNo("p-" + UUID.randomUUID());
        apply(project, valid);
        projects.saveAndFlush(project);
        // only now, with every rule checked and the rows accepted by the database, is a number given out: the counter
        // commits on its own, so a number taken for an application refused later would be a gap in the sequence
        project.setProjectNo(counter.next(valid.countyCode(), project.getFundYear()));
        project.decide(Status.APPLIED, Level.APPLICATION, "submitted", null, actor, now);
        return project;
    }

    /** Replaces the application's facts while it is returned for correction. The region cannot change. */
    public Project correct(String projectNo, ProjectForm form, String actor) {
        Project project = get(projectNo);
        if (project.getStatus() != Status.RETURNED) {
            throw new ConflictException("project " + projectNo + " is " + project.getStatus()
                    + "; it can be corrected only while RETURNED for correction");
        }
        ValidProject valid = validator.validate(form, project.getId());
        if (!valid.region().getCode().equals(project.getRegionCode())) {
            throw FieldRuleException.invalid(Map.of("regionCode", "a project stays in its region "
                    + project.getRegionCode() + "; apply anew to move it"));
        }
        project.getOutputs().clear();
        project.getBudgetLines().clear();
        project.getBeneficiaries().clear();
        projects.flush();
        apply(project, valid);
        return project;
    }

    public Project decide(long projectId, Status status, Level level, String decision, String reason, String actor) {
        Project project = get(projectId);
        project.decide(status, level, decision, reason, actor, clock.instant());
        return project;
    }

    /** Records what the DMN rules decided: which bureau reviews, who approves. */
    public Project route(long projectId, String leadUnit, String approvalLevel) {
        Project project = get(projectId);
        project.route(leadUnit, approvalLevel);
        project.decide(project.getStatus(), Level.VALIDATION, "routed",
                "主管部门 / lead unit: " + roleLabel(leadUnit) + "; 审批 / approval: " + roleLabel(approvalLevel),
                org.precisionaid.procedure.Officials.SYSTEM, clock.instant());
        return project;
    }

    /**
     * Approves the project if its budget still fits the county's available funds (checked under lock).
     * @return {@code null} when approved, else why the funds do not suffice (the project stays unapproved)
     */
    public String approve(long projectId, String reason, String actor) {
        Project project = get(projectId);
        String shortfall = funds.overcommitted(project);
        if (shortfall != null) {
            return shortfall;
        }
        project.decide(Status.APPROVED, Level.APPROVAL, "approved", reason, actor, clock.instant());
        return null;
    }

    public Project disclose(long projectId, Instant ends, String actor) {
        Project project = get(projectId);
        project.discloseUntil(ends);
        project.decide(Status.DISCLOSED, Level.DISCLOSURE, "published", "until " + ends, actor, clock.instant());
        return project;
    }

    public Project allocate(long projectId, String voucherNo, String actor) {
        Project project = get(projectId);
        ledger.allocateAll(projectId, voucherNo, actor);
        project.decide(Status.FUNDED, Level.ALLOCATION, "allocated", "voucher " + voucherNo.trim(), actor, clock.instant());
        project.decide(Status.IMPLEMENTING, Level.IMPLEMENTATION, "started", null, actor, clock.instant());
        return project;
    }

    public Project reportProgress(long projectId, int percent, String note, String actor) {
        Project project = get(projectId);
        if (percent < project.getProgressPercent()) {
            throw FieldRuleException.invalid(Map.of("progressPercent", "progress cannot go back: it was "
                    + project.getProgressPercent() + " %"));
        }
        project.progressTo(percent);
        project.getProgress().add(new ProgressReport(project, percent, note, actor, clock.instant()));
        return project;
    }

    /** @return true when every fund source is disbursed in full */
    public boolean disburse(long projectId, String fundSource, long amountFen, String voucherNo, String actor) {
        Project project = get(projectId);
        ledger.disburse(projectId, fundSource, amountFen, voucherNo, actor);
        project.decide(project.getStatus(), Level.DISBURSEMENT, "disbursed",
                Money.format(amountFen) + " yuan of " + fundSource + ", voucher " + voucherNo.trim(), actor,
                clock.instant());
        return ledger.fullyDisbursed(projectId);
    }

    @Transactional(readOnly = true)
    public Project get(long id) {
        return projects.findById(id).orElseThrow(() -> new ProjectNotFoundException(String.valueOf(id)));
    }

    @Transactional(readOnly = true)
    public Project get(String projectNo) {
        return projects.findByProjectNo(projectNo).orElseThrow(() -> new ProjectNotFoundException(projectNo));
    }

    @Transactional(readOnly = true)
    public ProjectView view(String projectNo) {
        Project project = get(projectNo);
        return ProjectView.of(project, ledger.balances(project).values(), ledger.entries(project.getId()));
    }

    @Transactional(readOnly = true)
    public List<ProjectView> search(String regionPrefix, Status status, ProjectCodes.ProjectType type, Pageable page) {
        return projects.search(regionPrefix, status, type, page).stream()
                .map(project -> ProjectView.of(project, ledger.balances(project).values(), ledger.entries(project.getId())))
                .toList();
    }

    @Transactional(readOnly = true)
    public Map<String, Ledger.Balance> balances(long projectId) {
        return ledger.balances(projectId);
    }

    private static String roleLabel(String roleKey) {
        try {
            return org.precisionaid.region.OfficialRole.fromKey(roleKey).label();
        } catch (RuntimeException e) {
            return roleKey;
        }
    }

    /** The project as an application form again, e.g. to correct a few of its facts. */
    @Transactional(readOnly = true)
    public ProjectForm formOf(Project project) {
        return new ProjectForm(project.getName(), project.getType().name(), project.getRegionCode(),
                project.getImplementingUnit(), project.getPeriodStart(), project.getPeriodEnd(), project.getLatitude(),
                project.getLongitude(), Money.yuan(project.getTotalFen()), project.getLoanTermMonths(),
                project.isSecured(),
                project.getOutputs().stream().map(o -> new ProjectForm.OutputForm(o.getDescription(), o.getQuantity(),
                        o.getUnit())).toList(),
                project.getBudgetLines().stream().map(l -> new ProjectForm.BudgetLineForm(l.getFundSource(),
                        Money.yuan(l.getAmountFen()))).toList(),
                project.getBeneficiaries().stream().map(b -> new ProjectForm.BeneficiaryForm(
                        b.getHousehold().getApplicationNo(), b.getBenefit(),
                        b.getAmountFen() == null ? null : Money.yuan(b.getAmountFen()))).toList());
    }

    private void apply(Project project, ValidProject valid) {
        ProjectForm form = valid.form();
        project.describe(valid.name(), valid.type(), valid.implementingUnit(), form.periodStart(), form.periodEnd(),
                form.latitude(), form.longitude(),
                valid.type() == ProjectCodes.ProjectType.MICRO_CREDIT ? form.loanTermMonths() : null,
                Boolean.TRUE.equals(form.secured()));
        project.setTotalFen(valid.totalFen());
        int position = 0;
        for (ProjectForm.OutputForm output : form.outputs()) {
            project.getOutputs().add(new ProjectOutput(project, position++, output.description().strip(),
                    output.quantity(), output.unit().strip()));
        }
        position = 0;
        for (ProjectValidator.Line line : valid.lines()) {
            project.getBudgetLines().add(new BudgetLine(project, position++, line.fundSource(), line.amountFen()));
        }
        position = 0;
        for (ProjectValidator.ValidBeneficiary beneficiary : valid.beneficiaries()) {
            project.getBeneficiaries().add(new Beneficiary(project, beneficiary.household(), position++,
                    beneficiary.benefit(), beneficiary.amountFen()));
        }
    }
}
