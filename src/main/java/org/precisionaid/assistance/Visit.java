package org.precisionaid.assistance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One entry of a cadre's work ledger (帮扶工作台账): a visit or a measure delivered. */
@Entity
@Table(name = "visit")
public class Visit {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "visit_seq")
    @SequenceGenerator(name = "visit_seq", sequenceName = "visit_seq", allocationSize = 50)
    private Long id;
    @Column(name = "cadre_id")
    private Long cadreId;
    @Column(name = "household_id")
    private Long householdId;
    @Column(name = "visit_date")
    private LocalDate date;
    @Enumerated(EnumType.STRING)
    @Column(name = "measure_type")
    private MeasureType measureType;
    private String description;
    private BigDecimal amount;
    @Column(name = "recorded_by")
    private String recordedBy;
    @Column(name = "recorded_at")
    private Instant recordedAt;

    protected Visit() {
    }

    Visit(long cadreId, long householdId, LocalDate date, MeasureType measureType, String description,
            BigDecimal amount, String recordedBy, Instant recordedAt) {
        this.cadreId = cadreId;
        this.householdId = householdId;
        this.date = date;
        this.measureType = measureType;
        this.description = description;
        this.amount = amount;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public Long getId() { return id; }
    public Long getCadreId() { return cadreId; }
    public Long getHouseholdId() { return householdId; }
    public LocalDate getDate() { return date; }
    public MeasureType getMeasureType() { return measureType; }
    public String getDescription() { return description; }
    public BigDecimal getAmount() { return amount; }
    public String getRecordedBy() { return recordedBy; }
    public Instant getRecordedAt() { return recordedAt; }
}
