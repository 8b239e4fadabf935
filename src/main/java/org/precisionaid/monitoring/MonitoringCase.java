package org.precisionaid.monitoring;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One return-to-poverty monitoring case (防止返贫监测) of one household: how it was found, its category, where it
 * stands, who decided and when. The household lives in the registry; {@code openHouseholdId} is the household's id
 * while the case is open and empty once it is closed, and the database keeps it unique: one open case per household.
 */
@Entity
@Table(name = "monitoring_case")
public class MonitoringCase {

    /** How the case was found. */
    public enum Channel { PUBLIC, CLERK, CADRE, ASSESSMENT, DEPARTMENT }

    public enum State {
        /** Reported; being checked and decided (at most 15 days). */
        REPORTED,
        /** Approved by the county: a monitored household, supported and visited. */
        MONITORED,
        /** Risk elimination proposed and under way. */
        ELIMINATION,
        /** Risk eliminated (风险消除); the record is kept. */
        ELIMINATED,
        /** Not a monitoring subject (refused at a level, with reason). */
        REJECTED;

        public boolean isOpen() {
            return this == REPORTED || this == MONITORED || this == ELIMINATION;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "monitoring_case_seq")
    @SequenceGenerator(name = "monitoring_case_seq", sequenceName = "monitoring_case_seq", allocationSize = 50)
    private Long id;
    @Column(name = "case_no", nullable = false, unique = true)
    private String caseNo;
    @Column(name = "household_id", nullable = false)
    private long householdId;
    @Column(name = "open_household_id")
    private Long openHouseholdId;
    @Column(name = "village_code", nullable = false)
    private String villageCode;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    @Column(name = "report_id")
    private Long reportId;
    private String report;
    private String category;
    @Enumerated(EnumType.STRING)
    private State status;
    @Column(name = "no_labour_capacity")
    private boolean noLabourCapacity;
    @Column(name = "opened_at")
    private Instant openedAt;
    @Column(name = "opened_by")
    private String openedBy;
    @Column(name = "decision_due")
    private Instant decisionDue;
    private boolean overdue;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "notice_ends")
    private Instant noticeEnds;
    @Column(name = "measure_kinds")
    private String measureKinds;
    @Column(name = "support_measures")
    private String supportMeasures;
    @Column(name = "stable_since")
    private LocalDate stableSince;
    @Column(name = "last_visit")
    private LocalDate lastVisit;
    @Column(name = "eliminated_at")
    private Instant eliminatedAt;
    @Column(name = "eliminated_by")
    private String eliminatedBy;
    @Column(name = "closed_level")
    private String closedLevel;
    @Column(name = "closed_reason")
    private String closedReason;
    @Column(name = "closed_by")
    private String closedBy;
    @Version
    private long version;

    protected MonitoringCase() {
    }

    MonitoringCase(long householdId, String villageCode, Channel channel, Long reportId, String report,
            String openedBy, Instant openedAt, Instant decisionDue) {
        this.caseNo = "p-" + java.util.UUID.randomUUID();
        this.householdId = householdId;
        this.openHouseholdId = householdId;
        this.villageCode = villageCode;
        this.channel = channel;
        this.reportId = reportId;
        this.report = report;
        this.status = State.REPORTED;
        this.openedBy = openedBy;
        this.openedAt = openedAt;
        this.decisionDue = decisionDue;
    }

    void number(int year) {
        this.caseNo = String.format("JC-%d-%s-%06d", year, villageCode, id);
    }

    void checked(String category, boolean noLabourCapacity) {
        this.category = category;
        this.noLabourCapacity = noLabourCapacity;
    }

    void onNotice(Instant ends) {
        this.noticeEnds = ends;
    }

    void identified(String official, Instant at) {
        this.status = State.MONITORED;
        this.decidedAt = at;
        this.decidedBy = official;
        this.noticeEnds = null;
    }

    void plan(String kinds, String measures) {
        this.measureKinds = kinds;
        this.supportMeasures = measures;
    }

    void visited(LocalDate date, boolean incomeAboveLine) {
        this.lastVisit = date;
        if (!incomeAboveLine) {
            this.stableSince = null;
        } else if (stableSince == null) {
            this.stableSince = date;
        }
    }

    void eliminationProposed() {
        this.status = State.ELIMINATION;
    }

    void eliminationRefused(String level, String reason, String official) {
        this.status = State.MONITORED;
        this.noticeEnds = null;
        this.closedLevel = level;
        this.closedReason = reason;
        this.closedBy = official;
    }

    void eliminated(String official, Instant at) {
        this.status = State.ELIMINATED;
        this.eliminatedAt = at;
        this.eliminatedBy = official;
        this.openHouseholdId = null;
        this.noticeEnds = null;
    }

    void rejected(String level, String reason, String official, Instant at) {
        this.status = State.REJECTED;
        this.closedLevel = level;
        this.closedReason = reason;
        this.closedBy = official;
        this.decidedAt = at;
        this.decidedBy = official;
        this.openHouseholdId = null;
        this.noticeEnds = null;
    }

    void flagOverdue() {
        this.overdue = true;
    }

    public Long getId() { return id; }
    public String getCaseNo() { return caseNo; }
    public long getHouseholdId() { return householdId; }
    public String getVillageCode() { return villageCode; }
    public Channel getChannel() { return channel; }
    public Long getReportId() { return reportId; }
    public String getReport() { return report; }
    public String getCategory() { return category; }
    public State getStatus() { return status; }
    public boolean isNoLabourCapacity() { return noLabourCapacity; }
    public Instant getOpenedAt() { return openedAt; }
    public String getOpenedBy() { return openedBy; }
    public Instant getDecisionDue() { return decisionDue; }
    public boolean isOverdue() { return overdue; }
    public Instant getDecidedAt() { return decidedAt; }
    public String getDecidedBy() { return decidedBy; }
    public Instant getNoticeEnds() { return noticeEnds; }
    public String getMeasureKinds() { return measureKinds; }
    public String getSupportMeasures() { return supportMeasures; }
    public LocalDate getStableSince() { return stableSince; }
    public LocalDate getLastVisit() { return lastVisit; }
    public Instant getEliminatedAt() { return eliminatedAt; }
    public String getEliminatedBy() { return eliminatedBy; }
    public String getClosedLevel() { return closedLevel; }
    public String getClosedReason() { return closedReason; }
    public String getClosedBy() { return closedBy; }
}
