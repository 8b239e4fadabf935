package org.precisionaid.inspection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * What an inspector found wrong with a sampled case, who must fix it and how far the rectification got. A finding is
 * upheld unless the inspector withdraws it at verification (then it does not count against the cadre).
 */
@Entity
@Table(name = "inspection_finding")
public class InspectionFinding {

    /** What was wrong, against the household's file. */
    public enum Kind {
        IDENTIFICATION("识别不准 / Wrongly identified"),
        INCOME_ACCOUNT("收支台账不实 / Income account does not hold"),
        GUARANTEES("三保障未落实 / Three guarantees not secured"),
        CADRE_VISITS("帮扶走访不实 / Cadre visits not as recorded"),
        PROJECT_OUTPUTS("项目实物不符 / Project outputs not found on site"),
        EXIT("退出不实 / Exit does not hold"),
        PROJECT_FUNDS("资金与台账不符 / Funds do not match the ledger"),
        PROJECT_DISCLOSURE("公告公示未落实 / Disclosure not posted"),
        PROJECT_BENEFIT("群众未受益 / Beneficiaries do not benefit"),
        OTHER("其他 / Other");

        /** What an inspector finds on a household's file. */
        static final java.util.Set<Kind> OF_HOUSEHOLD = java.util.EnumSet.of(IDENTIFICATION, INCOME_ACCOUNT, GUARANTEES,
                CADRE_VISITS, PROJECT_OUTPUTS, EXIT, OTHER);
        /** What an inspector finds on a project's site and file. */
        static final java.util.Set<Kind> OF_PROJECT = java.util.EnumSet.of(PROJECT_OUTPUTS, PROJECT_FUNDS,
                PROJECT_DISCLOSURE, PROJECT_BENEFIT, OTHER);

        private final String label;

        Kind(String label) { this.label = label; }

        public String label() { return label; }
    }

    public enum Severity {
        GENERAL("一般 / General"), SERIOUS("严重 / Serious");

        private final String label;

        Severity(String label) { this.label = label; }

        public String label() { return label; }
    }

    /**
     * Who must fix it: the township, or through the household's pairing its assisting unit or cadre; a project's
     * finding, the project's owner (set by the server, never chosen).
     */
    public enum Responsible {
        TOWNSHIP("乡镇 / Township"), UNIT("帮扶单位 / Assisting unit"), CADRE("帮扶干部 / Assisting cadre"),
        OWNER("项目实施主体 / The project's owner");

        /** What the inspector chooses for a household's finding. */
        static final java.util.Set<Responsible> OF_HOUSEHOLD = java.util.EnumSet.of(TOWNSHIP, UNIT, CADRE);

        private final String label;

        Responsible(String label) { this.label = label; }

        public String label() { return label; }
    }

    /** Who holds the rectification task: the township, or the unit's liaisons where the unit answers and has any. */
    public enum Rectifier {
        TOWNSHIP("乡镇 / Township"), UNIT("帮扶单位联络员 / The unit's liaisons"),
        OWNER("项目实施主体 / The project's owner");

        private final String label;

        Rectifier(String label) { this.label = label; }

        public String label() { return label; }
    }

    public enum Status {
        OPEN("待整改 / Open"), RECTIFIED("已整改待核查 / Rectified, to verify"), CLOSED("已销号 / Closed"),
        WITHDRAWN("不成立 / Withdrawn");

        private final String label;

        Status(String label) { this.label = label; }

        public String label() { return label; }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "inspection_finding_seq")
    @SequenceGenerator(name = "inspection_finding_seq", sequenceName = "inspection_finding_seq", allocationSize = 50)
    private Long id;
    @Column(name = "finding_no")
    private String findingNo;
    @Column(name = "round_id")
    private long roundId;
    @Column(name = "sample_id")
    private long sampleId;
    @Column(name = "household_id")
    private Long householdId;
    @Column(name = "project_id")
    private Long projectId;
    @Column(name = "village_code")
    private String villageCode;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    @Enumerated(EnumType.STRING)
    private Severity severity;
    private String description;
    @Enumerated(EnumType.STRING)
    private Responsible responsible;
    @Column(name = "cadre_id")
    private Long cadreId;
    @Column(name = "unit_id")
    private Long unitId;
    @Enumerated(EnumType.STRING)
    private Rectifier rectifier;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "due_at")
    private Instant dueAt;
    private String rectification;
    @Column(name = "rectified_by")
    private String rectifiedBy;
    @Column(name = "rectified_at")
    private Instant rectifiedAt;
    private int returns;
    @Column(name = "closed_by")
    private String closedBy;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Column(name = "close_comment")
    private String closeComment;
    @Column(name = "recorded_by")
    private String recordedBy;
    @Column(name = "recorded_at")
    private Instant recordedAt;

    protected InspectionFinding() {
    }

    InspectionFinding(String findingNo, InspectionSample sample, Kind kind, Severity severity, String description,
            Responsible responsible, Long cadreId, Long unitId, String actor, Instant at) {
        this.findingNo = findingNo;
        this.roundId = sample.getRoundId();
        this.sampleId = sample.getId();
        this.householdId = sample.getHouseholdId();
        this.projectId = sample.getProjectId();
        this.villageCode = sample.getVillageCode();
        this.kind = kind;
        this.severity = severity;
        this.description = description;
        this.responsible = responsible;
        this.cadreId = cadreId;
        this.unitId = unitId;
        this.status = Status.OPEN;
        this.recordedBy = actor;
        this.recordedAt = at;
    }

    void due(Instant dueAt) { this.dueAt = dueAt; }

    void heldBy(Rectifier rectifier) { this.rectifier = rectifier; }

    void rectified(String report, String actor, Instant at) {
        this.status = Status.RECTIFIED;
        this.rectification = report;
        this.rectifiedBy = actor;
        this.rectifiedAt = at;
    }

    void returned(String comment) {
        this.status = Status.OPEN;
        this.returns++;
        this.closeComment = comment;
    }

    void closed(Status outcome, String comment, String actor, Instant at) {
        this.status = outcome;
        this.closeComment = comment;
        this.closedBy = actor;
        this.closedAt = at;
    }

    public Long getId() { return id; }
    public String getFindingNo() { return findingNo; }
    public long getRoundId() { return roundId; }
    public long getSampleId() { return sampleId; }
    public Long getHouseholdId() { return householdId; }
    public Long getProjectId() { return projectId; }
    public String getVillageCode() { return villageCode; }
    public Kind getKind() { return kind; }
    public Severity getSeverity() { return severity; }
    public String getDescription() { return description; }
    public Responsible getResponsible() { return responsible; }
    public Long getCadreId() { return cadreId; }
    public Long getUnitId() { return unitId; }
    public Rectifier getRectifier() { return rectifier; }
    public Status getStatus() { return status; }
    public Instant getDueAt() { return dueAt; }
    public String getRectification() { return rectification; }
    public String getRectifiedBy() { return rectifiedBy; }
    public int getReturns() { return returns; }
    public String getClosedBy() { return closedBy; }
    public Instant getClosedAt() { return closedAt; }
    public String getCloseComment() { return closeComment; }
    public String getRecordedBy() { return recordedBy; }
    public Instant getRecordedAt() { return recordedAt; }
}
