package org.precisionaid.village;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One step of a village's exit: who decided what, at which level, why. Never changed afterwards. */
@Entity
@Table(name = "village_exit_decision")
public class VillageExitDecision {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "village_exit_decision_seq")
    @SequenceGenerator(name = "village_exit_decision_seq", sequenceName = "village_exit_decision_seq",
            allocationSize = 50)
    private Long id;
    @Enumerated(EnumType.STRING)
    private VillageExit.Level level;
    private String decision;
    private String reason;
    private String actor;
    private Instant at;

    protected VillageExitDecision() {
    }

    VillageExitDecision(VillageExit.Level level, String decision, String reason, String actor, Instant at) {
        this.level = level;
        this.decision = decision;
        this.reason = reason;
        this.actor = actor;
        this.at = at;
    }

    public Long getId() { return id; }
    public VillageExit.Level getLevel() { return level; }
    public String getDecision() { return decision; }
    public String getReason() { return reason; }
    public String getActor() { return actor; }
    public Instant getAt() { return at; }
}
