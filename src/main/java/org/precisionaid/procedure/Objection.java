package org.precisionaid.procedure;

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
 * An objection raised by anyone during a public notice, about a household on the identification notice, a
 * project under disclosure or a village's exit on notice (exactly one of them); investigated and answered by the
 * officials of the procedure.
 */
@Entity
@Table(name = "objection")
public class Objection {

    public enum State { OPEN, INVESTIGATING, UPHELD, DISMISSED }

    /** What an objection is about; the field name is the one the public form and the API use. */
    public enum Subject {
        HOUSEHOLD("applicationNo"), PROJECT("projectNo"), VILLAGE_EXIT("exitNo"), MONITORING("caseNo");

        private final String field;

        Subject(String field) {
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "objection_seq")
    @SequenceGenerator(name = "objection_seq", sequenceName = "objection_seq", allocationSize = 50)
    private Long id;
    @Column(name = "household_id")
    private Long householdId;
    @Column(name = "project_id")
    private Long projectId;
    @Column(name = "village_exit_id")
    private Long villageExitId;
    @Column(name = "monitoring_case_id")
    private Long monitoringCaseId;
    private String reason;
    private String contact;
    @Enumerated(EnumType.STRING)
    private State status;
    @Column(name = "submitted_at")
    private Instant submittedAt;
    @Column(name = "task_id")
    private String taskId;
    private String finding;
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "decided_at")
    private Instant decidedAt;

    protected Objection() {
    }

    Objection(Subject subject, long subjectId, String reason, String contact, Instant submittedAt) {
        switch (subject) {
            case HOUSEHOLD -> this.householdId = subjectId;
            case PROJECT -> this.projectId = subjectId;
            case VILLAGE_EXIT -> this.villageExitId = subjectId;
            case MONITORING -> this.monitoringCaseId = subjectId;
        }
        this.reason = reason;
        this.contact = contact;
        this.status = State.OPEN;
        this.submittedAt = submittedAt;
    }

    void investigateIn(String taskId) {
        this.taskId = taskId;
        this.status = State.INVESTIGATING;
    }

    void decide(boolean upheld, String finding, String official, Instant at) {
        this.status = upheld ? State.UPHELD : State.DISMISSED;
        this.finding = finding;
        this.decidedBy = official;
        this.decidedAt = at;
    }

    public Long getId() { return id; }
    public Long getHouseholdId() { return householdId; }
    public Long getProjectId() { return projectId; }
    public Long getVillageExitId() { return villageExitId; }
    public Long getMonitoringCaseId() { return monitoringCaseId; }
    public String getReason() { return reason; }
    public String getContact() { return contact; }
    public State getStatus() { return status; }
    public Instant getSubmittedAt() { return submittedAt; }
    public String getTaskId() { return taskId; }
    public String getFinding() { return finding; }
    public String getDecidedBy() { return decidedBy; }
    public Instant getDecidedAt() { return decidedAt; }
}
