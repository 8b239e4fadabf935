package org.precisionaid.assessment;

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
import java.time.LocalDate;

/** One line of a household's income and expenditure account. Never changed once written; a mistake is reversed. */
@Entity
@Table(name = "income_entry")
public class IncomeEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "income_entry_seq")
    @SequenceGenerator(name = "income_entry_seq", sequenceName = "income_entry_seq", allocationSize = 50)
    private Long id;
    @Column(name = "household_id", nullable = false)
    private long householdId;
    @Column(name = "account_year")
    private int year;
    @Column(name = "entry_date")
    private LocalDate entryDate;
    @Enumerated(EnumType.STRING)
    private AccountItem.Kind kind;
    @Enumerated(EnumType.STRING)
    private AccountItem item;
    @Column(name = "amount_fen")
    private long amountFen;
    private String note;
    @Column(name = "recorded_by")
    private String recordedBy;
    @Column(name = "recorded_at")
    private Instant recordedAt;

    protected IncomeEntry() {
    }

    IncomeEntry(long householdId, LocalDate entryDate, AccountItem item, long amountFen, String note,
            String recordedBy, Instant recordedAt) {
        this.householdId = householdId;
        this.year = entryDate.getYear();
        this.entryDate = entryDate;
        this.kind = item.kind();
        this.item = item;
        this.amountFen = amountFen;
        this.note = note;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public Long getId() { return id; }
    public long getHouseholdId() { return householdId; }
    public int getYear() { return year; }
    public LocalDate getEntryDate() { return entryDate; }
    public AccountItem.Kind getKind() { return kind; }
    public AccountItem getItem() { return item; }
    public long getAmountFen() { return amountFen; }
    public String getNote() { return note; }
    public String getRecordedBy() { return recordedBy; }
    public Instant getRecordedAt() { return recordedAt; }
}
