package org.precisionaid.registry;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.precisionaid.registry.Codes.Level;
import org.precisionaid.registry.Codes.Status;

/** One decision on a household: who, at which level, what, why. Never changed once written. */
@Entity
@Table(name = "household_status_change")
public class StatusChange {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "status_change_seq")
    @SequenceGenerator(name = "status_change_seq", sequenceName = "status_change_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "household_id")
    private Household household;

    @Enumerated(EnumType.STRING)
    private Status status;
    @Enumerated(EnumType.STRING)
    private Level level;
    private String decision;
    private String reason;
    private String actor;
    private Instant at;

    protected StatusChange() {
    }

    StatusChange(Household household, Status status, Level level, String decision, String reason, String actor,
            Instant at) {
        this.household = household;
        this.status = status;
        this.level = level;
        this.decision = decision;
        this.reason = reason;
        this.actor = actor;
        this.at = at;
    }

    public Status getStatus() { return status; }
    public Level getLevel() { return level; }
    public String getDecision() { return decision; }
    public String getReason() { return reason; }
    public String getActor() { return actor; }
    public Instant getAt() { return at; }
}
