package org.precisionaid.project;

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
import org.hibernate.annotations.Immutable;
import org.precisionaid.project.ProjectCodes.EntryType;

/**
 * One movement of money on a project: an allocation (funds put at the project's disposal) or a disbursement
 * (money paid out). Append-only: inserted once, never changed or deleted (ADR 0009). A correction is a new entry.
 */
@Entity
@Immutable
@Table(name = "project_ledger")
public class LedgerEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "project_ledger_seq")
    @SequenceGenerator(name = "project_ledger_seq", sequenceName = "project_ledger_seq", allocationSize = 50)
    private Long id;
    @Column(name = "project_id", nullable = false, updatable = false)
    private Long projectId;
    @Enumerated(EnumType.STRING)
    @Column(name = "entry_type", nullable = false, updatable = false)
    private EntryType type;
    @Column(name = "fund_source", nullable = false, updatable = false)
    private String fundSource;
    @Column(name = "amount_fen", nullable = false, updatable = false)
    private long amountFen;
    @Column(name = "voucher_no", nullable = false, updatable = false)
    private String voucherNo;
    @Column(nullable = false, updatable = false)
    private String official;
    @Column(nullable = false, updatable = false)
    private Instant at;

    protected LedgerEntry() {
    }

    LedgerEntry(long projectId, EntryType type, String fundSource, long amountFen, String voucherNo, String official,
            Instant at) {
        this.projectId = projectId;
        this.type = type;
        this.fundSource = fundSource;
        this.amountFen = amountFen;
        this.voucherNo = voucherNo;
        this.official = official;
        this.at = at;
    }

    public Long getId() { return id; }
    public Long getProjectId() { return projectId; }
    public EntryType getType() { return type; }
    public String getFundSource() { return fundSource; }
    public long getAmountFen() { return amountFen; }
    public String getVoucherNo() { return voucherNo; }
    public String getOfficial() { return official; }
    public Instant getAt() { return at; }
}
