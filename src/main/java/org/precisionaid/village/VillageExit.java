package org.precisionaid.village;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One application of a village to leave poverty (贫困村退出), with the figures it is judged on and its decisions. */
@Entity
@Table(name = "village_exit")
public class VillageExit {

    public enum Status {
        APPLIED("审核中 / Under review"), ANNOUNCED("公示中 / On public notice"), EXITED("已出列 / Exited"),
        REJECTED("未通过 / Rejected");
        private final String label;
        Status(String label) { this.label = label; }
        public String label() { return label; }
        public boolean isOpen() { return this == APPLIED || this == ANNOUNCED; }
    }

    /** Where in the procedure a decision was taken. */
    public enum Level {
        APPLICATION("村申请 / Village application"), TOWNSHIP("乡镇审核 / Township review"),
        COUNTY("县级审核 / County review"), NOTICE("公示 / Public notice"), CITY("市级审批 / City approval");
        private final String label;
        Level(String label) { this.label = label; }
        public String label() { return label; }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "village_exit_seq")
    @SequenceGenerator(name = "village_exit_seq", sequenceName = "village_exit_seq", allocationSize = 50)
    private Long id;
    @Column(name = "exit_no")
    private String exitNo;
    @Column(name = "village_code")
    private String villageCode;
    @Column(name = "exit_year")
    private int exitYear;
    @Enumerated(EnumType.STRING)
    private Status status;
    private String statement;
    @Column(name = "poor_population")
    private int poorPopulation;
    @Column(name = "agricultural_population")
    private int agriculturalPopulation;
    private BigDecimal incidence;
    @Column(name = "max_incidence")
    private BigDecimal maxIncidence;
    @Column(name = "collective_income_yuan")
    private long collectiveIncomeYuan;
    @Column(name = "min_collective_income_yuan")
    private long minCollectiveIncomeYuan;
    private String shortfalls;
    @Column(name = "notice_ends")
    private Instant noticeEnds;
    @Enumerated(EnumType.STRING)
    @Column(name = "rejection_level")
    private Level rejectionLevel;
    @Column(name = "rejection_reason")
    private String rejectionReason;
    @Column(name = "rejected_by")
    private String rejectedBy;
    @Column(name = "applied_by")
    private String appliedBy;
    @Column(name = "applied_at")
    private Instant appliedAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;
    // a handful of rows per application, always shown with it
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @JoinColumn(name = "exit_id", nullable = false)
    @OrderBy("at, id")
    private List<VillageExitDecision> decisions = new ArrayList<>();

    protected VillageExit() {
    }

    VillageExit(String exitNo, String villageCode, int exitYear, String statement, String actor, Instant now) {
        this.exitNo = exitNo;
        this.villageCode = villageCode;
        this.exitYear = exitYear;
        this.statement = statement;
        this.status = Status.APPLIED;
        this.appliedBy = actor;
        this.appliedAt = now;
        this.updatedAt = now;
        decisions.add(new VillageExitDecision(Level.APPLICATION, "applied", statement, actor, now));
    }

    /** The figures and the DMN verdict as they stand at this step. */
    void judge(VillageExitRules.Check check) {
        this.poorPopulation = (int) check.figures().poorPopulation();
        this.agriculturalPopulation = check.figures().agriculturalPopulation();
        this.incidence = check.incidence();
        this.maxIncidence = check.maxIncidence();
        this.collectiveIncomeYuan = check.figures().collectiveIncomeYuan();
        this.minCollectiveIncomeYuan = check.minCollectiveIncomeYuan();
        this.shortfalls = check.eligible() ? null : truncate(check.shortfallText());
    }

    void decide(Level level, String decision, String reason, String actor, Instant now) {
        decisions.add(new VillageExitDecision(level, decision, reason, actor, now));
        this.updatedAt = now;
    }

    void announce(Instant noticeEnds, String actor, Instant now) {
        this.status = Status.ANNOUNCED;
        this.noticeEnds = noticeEnds;
        decide(Level.COUNTY, "announced", null, actor, now);
    }

    void exited(String actor, Instant now) {
        this.status = Status.EXITED;
        decide(Level.CITY, "exited", null, actor, now);
    }

    void reject(Level level, String reason, String actor, Instant now) {
        this.status = Status.REJECTED;
        this.rejectionLevel = level;
        this.rejectionReason = reason;
        this.rejectedBy = actor;
        decide(level, "rejected", reason, actor, now);
    }

    private static String truncate(String text) {
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }

    public Long getId() { return id; }
    public String getExitNo() { return exitNo; }
    public String getVillageCode() { return villageCode; }
    public int getExitYear() { return exitYear; }
    public Status getStatus() { return status; }
    public String getStatement() { return statement; }
    public int getPoorPopulation() { return poorPopulation; }
    public int getAgriculturalPopulation() { return agriculturalPopulation; }
    public BigDecimal getIncidence() { return incidence; }
    public BigDecimal getMaxIncidence() { return maxIncidence; }
    public long getCollectiveIncomeYuan() { return collectiveIncomeYuan; }
    public long getMinCollectiveIncomeYuan() { return minCollectiveIncomeYuan; }
    public String getShortfalls() { return shortfalls; }
    public Instant getNoticeEnds() { return noticeEnds; }
    public Level getRejectionLevel() { return rejectionLevel; }
    public String getRejectionReason() { return rejectionReason; }
    public String getRejectedBy() { return rejectedBy; }
    public String getAppliedBy() { return appliedBy; }
    public Instant getAppliedAt() { return appliedAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public List<VillageExitDecision> getDecisions() { return decisions; }
}
