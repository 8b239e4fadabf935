package org.precisionaid.scoring;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** The year-end scoring of one county: who ran it, when, and how often the year was scored. */
@Entity
@Table(name = "scoring_run")
public class ScoringRun {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "scoring_run_seq")
    @SequenceGenerator(name = "scoring_run_seq", sequenceName = "scoring_run_seq", allocationSize = 50)
    private Long id;
    @Column(name = "county_code")
    private String countyCode;
    @Column(name = "score_year")
    private int year;
    @Column(name = "run_at")
    private Instant runAt;
    @Column(name = "run_by")
    private String runBy;
    private int runs;

    protected ScoringRun() {
    }

    ScoringRun(String countyCode, int year, String runBy, Instant runAt) {
        this.countyCode = countyCode;
        this.year = year;
        this.runBy = runBy;
        this.runAt = runAt;
        this.runs = 1;
    }

    void rerun(String runBy, Instant runAt) {
        this.runBy = runBy;
        this.runAt = runAt;
        this.runs++;
    }

    public Long getId() { return id; }
    public String getCountyCode() { return countyCode; }
    public int getYear() { return year; }
    public Instant getRunAt() { return runAt; }
    public String getRunBy() { return runBy; }
    public int getRuns() { return runs; }
}
