package org.precisionaid.project;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import org.precisionaid.project.ProjectCodes.Level;
import org.precisionaid.project.ProjectCodes.Status;

/** One decision on a project: who, at which level, what, why. Never changed once written. */
@Entity
@Table(name = "project_decision")
public class ProjectDecision extends ProjectPart {

    @Enumerated(EnumType.STRING)
    private Status status;
    @Enumerated(EnumType.STRING)
    private Level level;
    private String decision;
    private String reason;
    private String actor;
    private Instant at;

    protected ProjectDecision() {
    }

    ProjectDecision(Project project, Status status, Level level, String decision, String reason, String actor,
            Instant at) {
        super(project);
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
