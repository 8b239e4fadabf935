package org.precisionaid.assistance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One period in which a cadre was responsible for a household; the current one has no end. Never deleted. */
@Entity
@Table(name = "pairing")
public class Pairing {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "pairing_seq")
    @SequenceGenerator(name = "pairing_seq", sequenceName = "pairing_seq", allocationSize = 50)
    private Long id;
    @Column(name = "household_id")
    private Long householdId;
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "cadre_id")
    private Cadre cadre;
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "unit_id")
    private AssistingUnit unit;
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "started_by")
    private String startedBy;
    @Column(name = "start_reason")
    private String startReason;
    @Column(name = "ended_at")
    private Instant endedAt;
    @Column(name = "ended_by")
    private String endedBy;
    @Column(name = "end_reason")
    private String endReason;

    protected Pairing() {
    }

    Pairing(long householdId, Cadre cadre, Instant at, String actor, String reason) {
        this.householdId = householdId;
        this.cadre = cadre;
        this.unit = cadre.getUnit();
        this.startedAt = at;
        this.startedBy = actor;
        this.startReason = reason;
    }

    void end(Instant at, String actor, String reason) {
        this.endedAt = at;
        this.endedBy = actor;
        this.endReason = reason;
    }

    public Long getId() { return id; }
    public Long getHouseholdId() { return householdId; }
    public Cadre getCadre() { return cadre; }
    public AssistingUnit getUnit() { return unit; }
    public Instant getStartedAt() { return startedAt; }
    public String getStartedBy() { return startedBy; }
    public String getStartReason() { return startReason; }
    public Instant getEndedAt() { return endedAt; }
    public String getEndedBy() { return endedBy; }
    public String getEndReason() { return endReason; }
}
