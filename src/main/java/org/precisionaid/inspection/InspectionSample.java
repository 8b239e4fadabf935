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

/** One household drawn for a round, with what the inspector found when he checked it against its file. */
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
    private long householdId;
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

    InspectionSample(long roundId, int position, long householdId, String villageCode) {
        this.roundId = roundId;
        this.position = position;
        this.householdId = householdId;
        this.villageCode = villageCode;
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
    public long getHouseholdId() { return householdId; }
    public String getVillageCode() { return villageCode; }
    public Status getStatus() { return status; }
    public String getCheckedBy() { return checkedBy; }
    public Instant getCheckedAt() { return checkedAt; }
    public String getNotes() { return notes; }
}
