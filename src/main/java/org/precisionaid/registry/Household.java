package org.precisionaid.registry;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.precisionaid.registry.Codes.DrinkingWater;
import org.precisionaid.registry.Codes.HousingSafety;
import org.precisionaid.registry.Codes.Status;

/** One household's application and, once registered, its file (建档立卡). */
@Entity
@Table(name = "household")
public class Household {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "household_seq")
    @SequenceGenerator(name = "household_seq", sequenceName = "household_seq", allocationSize = 50)
    private Long id;

    @Column(name = "application_no", nullable = false, unique = true)
    private String applicationNo;
    @Column(name = "village_code", nullable = false)
    private String villageCode;
    @Column(name = "village_group", nullable = false)
    private String villageGroup;
    private String phone;

    @Column(name = "income_year", nullable = false)
    private int incomeYear;
    private BigDecimal wages;
    @Column(name = "operating_net")
    private BigDecimal operatingNet;
    @Column(name = "property_income")
    private BigDecimal propertyIncome;
    @Column(name = "transfer_income")
    private BigDecimal transferIncome;
    private BigDecimal expenditure;
    @Column(name = "per_capita_income")
    private BigDecimal perCapitaIncome;

    @Enumerated(EnumType.STRING)
    @Column(name = "housing_safety")
    private HousingSafety housingSafety;
    @Enumerated(EnumType.STRING)
    @Column(name = "drinking_water")
    private DrinkingWater drinkingWater;
    /** Cause codes, comma separated (Codes.Cause). */
    private String causes;

    @Column(name = "owns_car")
    private boolean ownsCar;
    @Column(name = "registered_business")
    private boolean registeredBusiness;
    @Column(name = "commercial_housing")
    private boolean commercialHousing;
    @Column(name = "civil_servant")
    private boolean civilServant;

    @Enumerated(EnumType.STRING)
    private Status status;
    private String classification;
    @Column(name = "classification_reason")
    private String classificationReason;

    @Column(name = "notice_ends")
    private Instant noticeEnds;

    /** The year the household left poverty (销号) and why; null while it has not. */
    @Column(name = "exit_year")
    private Integer exitYear;
    @Column(name = "exit_reason")
    private String exitReason;
    /** End of the exit notice in the village while the household is proposed to leave poverty. */
    @Column(name = "exit_notice_ends")
    private Instant exitNoticeEnds;
    /** Watched for falling back into poverty (防止返贫监测). */
    private boolean monitored;

    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    @OneToMany(mappedBy = "household", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<Member> members = new ArrayList<>();

    @OneToMany(mappedBy = "household", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("at, id")
    private List<StatusChange> history = new ArrayList<>();

    protected Household() {
    }

    public Household(String villageCode, Instant now) {
        this.villageCode = villageCode;
        this.status = Status.APPLIED;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public Member head() {
        return members.stream().filter(Member::isHead).findFirst().orElse(null);
    }

    public StatusChange changeStatus(Status newStatus, Codes.Level level, String decision, String reason,
            String actor, Instant at) {
        this.status = newStatus;
        this.updatedAt = at;
        StatusChange change = new StatusChange(this, newStatus, level, decision, reason, actor, at);
        history.add(change);
        return change;
    }

    public Long getId() { return id; }
    public String getApplicationNo() { return applicationNo; }
    void setApplicationNo(String applicationNo) { this.applicationNo = applicationNo; }
    public String getVillageCode() { return villageCode; }
    public String getVillageGroup() { return villageGroup; }
    void setVillageGroup(String villageGroup) { this.villageGroup = villageGroup; }
    public String getPhone() { return phone; }
    void setPhone(String phone) { this.phone = phone; }
    public int getIncomeYear() { return incomeYear; }
    void setIncomeYear(int incomeYear) { this.incomeYear = incomeYear; }
    public BigDecimal getWages() { return wages; }
    public BigDecimal getOperatingNet() { return operatingNet; }
    public BigDecimal getPropertyIncome() { return propertyIncome; }
    public BigDecimal getTransferIncome() { return transferIncome; }
    public BigDecimal getExpenditure() { return expenditure; }
    public BigDecimal getPerCapitaIncome() { return perCapitaIncome; }

    void setIncome(BigDecimal wages, BigDecimal operatingNet, BigDecimal propertyIncome, BigDecimal transferIncome,
            BigDecimal expenditure, BigDecimal perCapitaIncome) {
        this.wages = wages;
        this.operatingNet = operatingNet;
        this.propertyIncome = propertyIncome;
        this.transferIncome = transferIncome;
        this.expenditure = expenditure;
        this.perCapitaIncome = perCapitaIncome;
    }

    public HousingSafety getHousingSafety() { return housingSafety; }
    void setHousingSafety(HousingSafety housingSafety) { this.housingSafety = housingSafety; }
    public DrinkingWater getDrinkingWater() { return drinkingWater; }
    void setDrinkingWater(DrinkingWater drinkingWater) { this.drinkingWater = drinkingWater; }
    public String getCauses() { return causes; }
    void setCauses(String causes) { this.causes = causes; }
    public boolean isOwnsCar() { return ownsCar; }
    public boolean isRegisteredBusiness() { return registeredBusiness; }
    public boolean isCommercialHousing() { return commercialHousing; }
    public boolean isCivilServant() { return civilServant; }

    void setNegativeListFacts(boolean ownsCar, boolean registeredBusiness, boolean commercialHousing,
            boolean civilServant) {
        this.ownsCar = ownsCar;
        this.registeredBusiness = registeredBusiness;
        this.commercialHousing = commercialHousing;
        this.civilServant = civilServant;
    }

    public Status getStatus() { return status; }
    public String getClassification() { return classification; }
    public String getClassificationReason() { return classificationReason; }

    void classify(String classification, String reason) {
        this.classification = classification;
        this.classificationReason = reason;
    }

    public Instant getNoticeEnds() { return noticeEnds; }
    void announceUntil(Instant noticeEnds) { this.noticeEnds = noticeEnds; }
    public Integer getExitYear() { return exitYear; }
    public String getExitReason() { return exitReason; }
    public Instant getExitNoticeEnds() { return exitNoticeEnds; }
    public boolean isMonitored() { return monitored; }
    void exitNoticeUntil(Instant ends) { this.exitNoticeEnds = ends; }
    void exit(int year, String reason) {
        this.exitYear = year;
        this.exitReason = reason;
        this.exitNoticeEnds = null;
        this.monitored = false;
    }
    void monitor(boolean monitored) { this.monitored = monitored; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    void touch(Instant at) { this.updatedAt = at; }
    public List<Member> getMembers() { return members; }
    public List<StatusChange> getHistory() { return history; }
}
