package org.precisionaid.project;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A progress report of the implementing official: how far (percent) and what happened. */
@Entity
@Table(name = "project_progress")
public class ProgressReport extends ProjectPart {

    private int percent;
    private String note;
    @Column(name = "reported_by")
    private String reportedBy;
    private Instant at;

    protected ProgressReport() {
    }

    ProgressReport(Project project, int percent, String note, String reportedBy, Instant at) {
        super(project);
        this.percent = percent;
        this.note = note;
        this.reportedBy = reportedBy;
        this.at = at;
    }

    public int getPercent() { return percent; }
    public String getNote() { return note; }
    public String getReportedBy() { return reportedBy; }
    public Instant getAt() { return at; }
}
