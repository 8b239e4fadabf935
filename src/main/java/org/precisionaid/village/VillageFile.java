package org.precisionaid.village;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The village file (村档, implementation plan §4): basic conditions, infrastructure and public services, leading
 * industries and income, the problem account and demand list, and the time limit for leaving poverty. Kept by the
 * village's clerk or committee. The poor population is not here: it is counted from the registry
 * ({@link VillageFileService#poorPopulation}), so it can never disagree with the households on file (ADR 0012).
 */
@Entity
@Table(name = "village_file")
public class VillageFile {

    @Id
    @Column(name = "village_code")
    private String villageCode;
    private int households;
    private int population;
    @Column(name = "agricultural_population")
    private int agriculturalPopulation;
    @Column(name = "area_km2")
    private BigDecimal areaKm2;
    @Column(name = "cultivated_land_mu")
    private BigDecimal cultivatedLandMu;
    @Column(name = "road_hardened")
    private boolean roadHardened;
    @Column(name = "bus_service")
    private boolean busService;
    @Column(name = "safe_drinking_water")
    private boolean safeDrinkingWater;
    private boolean electricity;
    private boolean broadband;
    private boolean clinic;
    @Column(name = "cultural_room")
    private boolean culturalRoom;
    @Column(name = "leading_industries")
    private String leadingIndustries;
    @Column(name = "collective_income_yuan")
    private long collectiveIncomeYuan;
    @Column(name = "collective_income_year")
    private int collectiveIncomeYear;
    @Column(name = "per_capita_income_yuan")
    private Long perCapitaIncomeYuan;
    @Column(name = "main_constraints")
    private String mainConstraints;
    @Column(name = "urgent_needs")
    private String urgentNeeds;
    @Column(name = "planned_exit_year")
    private Integer plannedExitYear;
    @Column(name = "exit_year")
    private Integer exitYear;
    @Column(name = "updated_by")
    private String updatedBy;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected VillageFile() {
    }

    VillageFile(String villageCode) {
        this.villageCode = villageCode;
    }

    /** Takes the checked entries of a form; the exit year is set only by the exit procedure. */
    void update(VillageFileForm form, String actor, Instant now) {
        this.households = form.households();
        this.population = form.population();
        this.agriculturalPopulation = form.agriculturalPopulation();
        this.areaKm2 = form.areaKm2();
        this.cultivatedLandMu = form.cultivatedLandMu();
        this.roadHardened = form.roadHardened();
        this.busService = form.busService();
        this.safeDrinkingWater = form.safeDrinkingWater();
        this.electricity = form.electricity();
        this.broadband = form.broadband();
        this.clinic = form.clinic();
        this.culturalRoom = form.culturalRoom();
        this.leadingIndustries = form.leadingIndustries().trim();
        this.collectiveIncomeYuan = form.collectiveIncomeYuan();
        this.collectiveIncomeYear = form.collectiveIncomeYear();
        this.perCapitaIncomeYuan = form.perCapitaIncomeYuan();
        this.mainConstraints = blankToNull(form.mainConstraints());
        this.urgentNeeds = blankToNull(form.urgentNeeds());
        this.plannedExitYear = form.plannedExitYear();
        this.updatedBy = actor;
        this.updatedAt = now;
    }

    void markExited(int year, String actor, Instant now) {
        this.exitYear = year;
        this.updatedBy = actor;
        this.updatedAt = now;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    public String getVillageCode() { return villageCode; }
    public int getHouseholds() { return households; }
    public int getPopulation() { return population; }
    public int getAgriculturalPopulation() { return agriculturalPopulation; }
    public BigDecimal getAreaKm2() { return areaKm2; }
    public BigDecimal getCultivatedLandMu() { return cultivatedLandMu; }
    public boolean isRoadHardened() { return roadHardened; }
    public boolean isBusService() { return busService; }
    public boolean isSafeDrinkingWater() { return safeDrinkingWater; }
    public boolean isElectricity() { return electricity; }
    public boolean isBroadband() { return broadband; }
    public boolean isClinic() { return clinic; }
    public boolean isCulturalRoom() { return culturalRoom; }
    public String getLeadingIndustries() { return leadingIndustries; }
    public long getCollectiveIncomeYuan() { return collectiveIncomeYuan; }
    public int getCollectiveIncomeYear() { return collectiveIncomeYear; }
    public Long getPerCapitaIncomeYuan() { return perCapitaIncomeYuan; }
    public String getMainConstraints() { return mainConstraints; }
    public String getUrgentNeeds() { return urgentNeeds; }
    public Integer getPlannedExitYear() { return plannedExitYear; }
    public Integer getExitYear() { return exitYear; }
    public String getUpdatedBy() { return updatedBy; }
    public Instant getUpdatedAt() { return updatedAt; }
    public long getVersion() { return version; }
}
