package org.precisionaid.assistance;

import jakarta.persistence.Column;
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
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A responsible cadre (帮扶责任人). He helps households of one county ({@code countyCode}); his phone is for
 * officials who manage him, never for public pages, logs or task forms.
 */
@Entity
@Table(name = "cadre")
public class Cadre {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cadre_seq")
    @SequenceGenerator(name = "cadre_seq", sequenceName = "cadre_seq", allocationSize = 50)
    private Long id;
    private String name;
    @Column(name = "name_latin")
    private String nameLatin;
    @Enumerated(EnumType.STRING)
    @Column(name = "cadre_rank")
    private CadreRank rank;
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "unit_id")
    private AssistingUnit unit;
    @Column(name = "county_code")
    private String countyCode;
    private String phone;
    @Column(name = "user_id")
    private String userId;
    private boolean active;
    /** Named by the county office to answer his unit's inspection findings (ADR 0030). */
    private boolean liaison;
    @Column(name = "left_reason")
    private String leftReason;
    @Column(name = "created_at")
    private Instant createdAt;
    @Version
    private long version;

    protected Cadre() {
    }

    Cadre(String name, String nameLatin, CadreRank rank, AssistingUnit unit, String countyCode, String phone, String userId,
            Instant now) {
        this.name = name;
        this.nameLatin = nameLatin;
        this.rank = rank;
        this.unit = unit;
        this.countyCode = countyCode;
        this.phone = phone;
        this.userId = userId;
        this.active = true;
        this.createdAt = now;
    }

    /** The county office corrects or updates him; his county and login stay (his pairings belong to the county). */
    void update(String name, String nameLatin, CadreRank rank, AssistingUnit unit, String phone) {
        this.name = name;
        this.nameLatin = nameLatin;
        this.rank = rank;
        if (this.unit != null && unit != null && !this.unit.getId().equals(unit.getId())) {
            this.liaison = false; // a liaison answers for the unit he serves in, not for the one he left
        }
        this.unit = unit;
        this.phone = phone;
    }

    void liaison(boolean liaison) {
        this.liaison = liaison;
    }

    void leave(String reason) {
        this.liaison = false;
        this.active = false;
        this.leftReason = reason;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public String getNameLatin() { return nameLatin; }
    public CadreRank getRank() { return rank; }
    public AssistingUnit getUnit() { return unit; }
    public String getCountyCode() { return countyCode; }
    public String getPhone() { return phone; }
    public String getUserId() { return userId; }
    public boolean isLiaison() { return liaison; }
    public boolean isActive() { return active; }
    public String getLeftReason() { return leftReason; }
    public Instant getCreatedAt() { return createdAt; }

    /** For forms and lists, never with the phone: 刘志强（县处级，剩余1户）/ Liu Zhiqiang (county, 1 left). */
    public String optionLabel(long left) {
        return optionLabel(name, nameLatin, rank, left);
    }

    static String optionLabel(String name, String nameLatin, CadreRank rank, long left) {
        return name + "（" + rank.zh() + "，剩余" + left + "户）/ " + (nameLatin == null ? name : nameLatin) + " ("
                + rank.en() + ", " + left + " left)";
    }
}
