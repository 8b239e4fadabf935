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

/** One household or project drawn for a round, with what the inspector found when he checked it against its file. */
@Entity
@Table(name = "inspection_sample")
public class InspectionSample {

    public enum Status { PENDING, CLEAN, FINDING }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "inspection_sample_seq")
    @SequenceGenerator(name = "inspection_sample_seq", sequenceName = "inspection_sample_seq", allocationSize = 50)
    private Long id;
    @Column(name = "round_id")
    private long roundId;
    private int position;
    @Column(name = "household_id")
    private Long householdId;
    @Column(name = "project_id")
    private Long projectId;
    @Column(name = "village_code")
    private String villageCode;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "checked_by")
    private String checkedBy;
    @Column(name = "checked_at")
    private Instant checkedAt;
    private String notes;

    protected InspectionSample() {
    }

    /** @param regionCode the household's village, or the project's region (village, township or county) */
    InspectionSample(long roundId, int position, Long householdId, Long projectId, String regionCode) {
        this.roundId = roundId;
        this.position = position;
        this.householdId = householdId;
        this.projectId = projectId;
        this.villageCode = regionCode;
        this.status = Status.PENDING;
    }

    void checked(Status outcome, String notes, String actor, Instant at) {
        this.status = outcome;
        this.notes = notes;
        this.checkedBy = actor;
        this.checkedAt = at;
    }

    public Long getId() { return id; }
    public long getRoundId() { return roundId; }
    public int getPosition() { return position; }
    public Long getHouseholdId() { return householdId; }
    public Long getProjectId() { return projectId; }
    public boolean isProject() { return projectId != null; }
    public String getVillageCode() { return villageCode; }
    public Status getStatus() { return status; }
    public String getCheckedBy() { return checkedBy; }
    public Instant getCheckedAt() { return checkedAt; }
    public String getNotes() { return notes; }
}
