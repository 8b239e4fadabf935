package org.precisionaid.monitoring;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A villager's own report from the public page (no login). The phone stays in this table: officials of the village
 * read it over {@code /api}, it is never a process variable, never on a notice and never shown back to the public.
 */
@Entity
@Table(name = "monitoring_report")
public class MonitoringReport {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "monitoring_report_seq")
    @SequenceGenerator(name = "monitoring_report_seq", sequenceName = "monitoring_report_seq", allocationSize = 50)
    private Long id;
    @Column(name = "village_code")
    private String villageCode;
    @Column(name = "reporter_name")
    private String reporterName;
    private String phone;
    @Column(name = "what_happened")
    private String whatHappened;
    private boolean consent;
    @Column(name = "submitted_at")
    private Instant submittedAt;

    protected MonitoringReport() {
    }

    MonitoringReport(String villageCode, String reporterName, String phone, String whatHappened, Instant submittedAt) {
        this.villageCode = villageCode;
        this.reporterName = reporterName;
        this.phone = phone;
        this.whatHappened = whatHappened;
        this.consent = true;
        this.submittedAt = submittedAt;
    }

    public Long getId() { return id; }
    public String getVillageCode() { return villageCode; }
    public String getReporterName() { return reporterName; }
    public String getPhone() { return phone; }
    public String getWhatHappened() { return whatHappened; }
    public boolean isConsent() { return consent; }
    public Instant getSubmittedAt() { return submittedAt; }

    /** The number the villager is given and may quote when he calls: {@code JB-<year>-<village>-<id>}. */
    public String number(java.time.ZoneId zone) {
        return String.format("JB-%d-%s-%06d", submittedAt.atZone(zone).getYear(), villageCode, id);
    }
}
