package org.precisionaid.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** The file card (建档立卡) of a registered household: the "five clarifications" beyond the application. */
@Entity
@Table(name = "file_card")
public class FileCard {

    @Id
    @Column(name = "household_id")
    private Long householdId;
    @Column(name = "card_no")
    private String cardNo;
    @Column(name = "support_category")
    private String supportCategory;
    /** Free text of cards opened before assistance responsibility became a registry (V4); null since. */
    @Column(name = "assisting_unit")
    private String assistingUnit;
    @Column(name = "responsible_cadre")
    private String responsibleCadre;
    /** The responsible cadre and his unit (clear responsibility), kept by org.precisionaid.assistance. */
    @Column(name = "cadre_id")
    private Long cadreId;
    @Column(name = "assisting_unit_id")
    private Long assistingUnitId;
    /** Set when the household leaves poverty: the pairing lasts until this day (transition period). */
    @Column(name = "pairing_ends")
    private LocalDate pairingEnds;
    @Column(name = "support_measures")
    private String supportMeasures;
    @Column(name = "planned_exit_year")
    private int plannedExitYear;
    @Column(name = "registered_at")
    private Instant registeredAt;
    @Column(name = "registered_by")
    private String registeredBy;

    protected FileCard() {
    }

    FileCard(Household household, String supportCategory, String supportMeasures, int plannedExitYear,
            Instant registeredAt, String registeredBy) {
        this.householdId = household.getId();
        this.cardNo = "JDLK-" + household.getVillageCode() + "-" + String.format("%06d", household.getId());
        this.supportCategory = supportCategory;
        this.supportMeasures = supportMeasures;
        this.plannedExitYear = plannedExitYear;
        this.registeredAt = registeredAt;
        this.registeredBy = registeredBy;
    }

    public Long getHouseholdId() { return householdId; }
    public String getCardNo() { return cardNo; }
    public String getSupportCategory() { return supportCategory; }
    public String getAssistingUnit() { return assistingUnit; }
    public String getResponsibleCadre() { return responsibleCadre; }
    public Long getCadreId() { return cadreId; }
    public Long getAssistingUnitId() { return assistingUnitId; }
    public LocalDate getPairingEnds() { return pairingEnds; }

    /** Names the responsible cadre and his unit; only the assistance registry calls this, under its quota lock. */
    public void assignResponsibility(long cadreId, long assistingUnitId) {
        this.cadreId = cadreId;
        this.assistingUnitId = assistingUnitId;
    }

    /** The household left poverty: the pairing is kept until the end of the transition period. */
    public void keepPairingUntil(LocalDate pairingEnds) {
        this.pairingEnds = pairingEnds;
    }
    /** The township's updated support plan after a year in which the household did not leave poverty. */
    void updatePlan(String supportMeasures, int plannedExitYear) {
        this.supportMeasures = supportMeasures;
        this.plannedExitYear = plannedExitYear;
    }
    public String getSupportMeasures() { return supportMeasures; }
    public int getPlannedExitYear() { return plannedExitYear; }
    public Instant getRegisteredAt() { return registeredAt; }
    public String getRegisteredBy() { return registeredBy; }
}
