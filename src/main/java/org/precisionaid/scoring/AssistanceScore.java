package org.precisionaid.scoring;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** The rating of one cadre or one assisting unit in a county's year, with every figure behind it. */
@Entity
@Table(name = "assistance_score")
public class AssistanceScore {

    public enum Kind { CADRE, UNIT }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "assistance_score_seq")
    @SequenceGenerator(name = "assistance_score_seq", sequenceName = "assistance_score_seq", allocationSize = 50)
    private Long id;
    @Column(name = "run_id")
    private Long runId;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    @Column(name = "cadre_id")
    private Long cadreId;
    @Column(name = "unit_id")
    private Long unitId;
    @Column(name = "paired_households")
    private int pairedHouseholds;
    @Column(name = "due_households")
    private int dueHouseholds;
    @Column(name = "exited_on_schedule")
    private int exitedOnSchedule;
    @Column(name = "failed_households")
    private int failedHouseholds;
    @Column(name = "on_schedule_share")
    private BigDecimal onScheduleShare;
    @Column(name = "income_households")
    private int incomeHouseholds;
    @Column(name = "income_prev_fen")
    private Long incomePrevFen;
    @Column(name = "income_year_fen")
    private Long incomeYearFen;
    @Column(name = "income_growth")
    private BigDecimal incomeGrowth;
    private int visits;
    @Column(name = "visits_per_household")
    private BigDecimal visitsPerHousehold;
    @Column(name = "objections_upheld")
    private int objectionsUpheld;
    @Column(name = "findings_upheld")
    private int findingsUpheld;
    private BigDecimal points;
    @Column(name = "points_rating")
    private String pointsRating;
    private String rating;
    @Column(name = "cap_reason")
    private String capReason;

    protected AssistanceScore() {
    }

    AssistanceScore(long runId, Kind kind, Long cadreId, long unitId, Figures figures, BigDecimal points,
            String pointsRating, String rating, String capReason) {
        this.runId = runId;
        this.kind = kind;
        this.cadreId = cadreId;
        this.unitId = unitId;
        this.pairedHouseholds = figures.paired();
        this.dueHouseholds = figures.due();
        this.exitedOnSchedule = figures.exitedOnSchedule();
        this.failedHouseholds = figures.failed();
        this.onScheduleShare = figures.onScheduleShare();
        this.incomeHouseholds = figures.incomeHouseholds();
        this.incomePrevFen = figures.incomePrevFen();
        this.incomeYearFen = figures.incomeYearFen();
        this.incomeGrowth = figures.incomeGrowth();
        this.visits = figures.visits();
        this.visitsPerHousehold = figures.visitsPerHousehold();
        this.objectionsUpheld = figures.objectionsUpheld();
        this.findingsUpheld = figures.findingsUpheld();
        this.points = points;
        this.pointsRating = pointsRating;
        this.rating = rating;
        this.capReason = capReason;
    }

    public Long getId() { return id; }
    public Long getRunId() { return runId; }
    public Kind getKind() { return kind; }
    public Long getCadreId() { return cadreId; }
    public Long getUnitId() { return unitId; }
    public int getPairedHouseholds() { return pairedHouseholds; }
    public int getDueHouseholds() { return dueHouseholds; }
    public int getExitedOnSchedule() { return exitedOnSchedule; }
    public int getFailedHouseholds() { return failedHouseholds; }
    public BigDecimal getOnScheduleShare() { return onScheduleShare; }
    public int getIncomeHouseholds() { return incomeHouseholds; }
    public Long getIncomePrevFen() { return incomePrevFen; }
    public Long getIncomeYearFen() { return incomeYearFen; }
    public BigDecimal getIncomeGrowth() { return incomeGrowth; }
    public int getVisits() { return visits; }
    public BigDecimal getVisitsPerHousehold() { return visitsPerHousehold; }
    public int getObjectionsUpheld() { return objectionsUpheld; }
    public int getFindingsUpheld() { return findingsUpheld; }
    public BigDecimal getPoints() { return points; }
    public String getPointsRating() { return pointsRating; }
    public String getRating() { return rating; }
    public String getCapReason() { return capReason; }
}
