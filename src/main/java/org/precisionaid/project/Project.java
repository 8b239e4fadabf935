package org.precisionaid.project;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.precisionaid.project.ProjectCodes.Level;
import org.precisionaid.project.ProjectCodes.ProjectType;
import org.precisionaid.project.ProjectCodes.Status;

/** A poverty-alleviation project: what, where, who implements it, its budget and the households it benefits. */
@Entity
@Table(name = "project")
public class Project {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "project_seq")
    @SequenceGenerator(name = "project_seq", sequenceName = "project_seq", allocationSize = 50)
    private Long id;
    @Column(name = "project_no", nullable = false, unique = true)
    private String projectNo;
    private String name;
    @Enumerated(EnumType.STRING)
    @Column(name = "project_type")
    private ProjectType type;
    @Column(name = "region_code")
    private String regionCode;
    @Column(name = "county_code")
    private String countyCode;
    @Column(name = "implementing_unit")
    private String implementingUnit;
    @Column(name = "period_start")
    private LocalDate periodStart;
    @Column(name = "period_end")
    private LocalDate periodEnd;
    @Column(name = "fund_year")
    private int fundYear;
    private BigDecimal latitude;
    private BigDecimal longitude;
    @Column(name = "total_fen")
    private long totalFen;
    @Column(name = "loan_term_months")
    private Integer loanTermMonths;
    private boolean secured;
    @Column(name = "lead_unit")
    private String leadUnit;
    @Column(name = "approval_level")
    private String approvalLevel;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "disclosure_ends")
    private Instant disclosureEnds;
    @Column(name = "progress_percent")
    private int progressPercent;
    @Column(name = "applied_by")
    private String appliedBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    @OneToMany(mappedBy = "project", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<ProjectOutput> outputs = new ArrayList<>();
    @OneToMany(mappedBy = "project", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<BudgetLine> budgetLines = new ArrayList<>();
    @OneToMany(mappedBy = "project", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<Beneficiary> beneficiaries = new ArrayList<>();
    @OneToMany(mappedBy = "project", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("at, id")
    private List<ProjectDecision> decisions = new ArrayList<>();
    @OneToMany(mappedBy = "project", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("at, id")
    private List<ProgressReport> progress = new ArrayList<>();

    protected Project() {
    }

    Project(String regionCode, String countyCode, String appliedBy, Instant now) {
        this.regionCode = regionCode;
        this.countyCode = countyCode;
        this.appliedBy = appliedBy;
        this.status = Status.APPLIED;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void describe(String name, ProjectType type, String implementingUnit, LocalDate periodStart, LocalDate periodEnd,
            BigDecimal latitude, BigDecimal longitude, Integer loanTermMonths, boolean secured) {
        this.name = name;
        this.type = type;
        this.implementingUnit = implementingUnit;
        this.periodStart = periodStart;
        this.periodEnd = periodEnd;
        this.fundYear = periodStart.getYear();
        this.latitude = latitude;
        this.longitude = longitude;
        this.loanTermMonths = loanTermMonths;
        this.secured = secured;
    }

    ProjectDecision decide(Status newStatus, Level level, String decision, String reason, String actor, Instant at) {
        this.status = newStatus;
        this.updatedAt = at;
        ProjectDecision change = new ProjectDecision(this, newStatus, level, decision, reason, actor, at);
        decisions.add(change);
        return change;
    }

    void setProjectNo(String projectNo) { this.projectNo = projectNo; }
    void setTotalFen(long totalFen) { this.totalFen = totalFen; }
    void route(String leadUnit, String approvalLevel) { this.leadUnit = leadUnit; this.approvalLevel = approvalLevel; }
    void discloseUntil(Instant ends) { this.disclosureEnds = ends; }
    void progressTo(int percent) { this.progressPercent = percent; }

    /** Every ledger entry bumps the project's version: two concurrent entries cannot both pass the budget check. */
    void touchLedger(Instant at) { this.updatedAt = at; }

    public Long getId() { return id; }
    public String getProjectNo() { return projectNo; }
    public String getName() { return name; }
    public ProjectType getType() { return type; }
    public String getRegionCode() { return regionCode; }
    public String getCountyCode() { return countyCode; }
    public String getImplementingUnit() { return implementingUnit; }
    public LocalDate getPeriodStart() { return periodStart; }
    public LocalDate getPeriodEnd() { return periodEnd; }
    public int getFundYear() { return fundYear; }
    public BigDecimal getLatitude() { return latitude; }
    public BigDecimal getLongitude() { return longitude; }
    public long getTotalFen() { return totalFen; }
    public Integer getLoanTermMonths() { return loanTermMonths; }
    public boolean isSecured() { return secured; }
    public String getLeadUnit() { return leadUnit; }
    public String getApprovalLevel() { return approvalLevel; }
    public Status getStatus() { return status; }
    public Instant getDisclosureEnds() { return disclosureEnds; }
    public int getProgressPercent() { return progressPercent; }
    public String getAppliedBy() { return appliedBy; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public List<ProjectOutput> getOutputs() { return outputs; }
    public List<BudgetLine> getBudgetLines() { return budgetLines; }
    public List<Beneficiary> getBeneficiaries() { return beneficiaries; }
    public List<ProjectDecision> getDecisions() { return decisions; }
    public List<ProgressReport> getProgress() { return progress; }
}
