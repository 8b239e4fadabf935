package org.precisionaid.inspection;

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
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** A planned inspection round: its scope, its sample rule and the seed its sample was drawn with. */
@Entity
@Table(name = "inspection_round")
public class InspectionRound {

    public enum Status { RUNNING, CLOSED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "inspection_round_seq")
    @SequenceGenerator(name = "inspection_round_seq", sequenceName = "inspection_round_seq", allocationSize = 50)
    private Long id;
    @Column(name = "round_no")
    private String roundNo;
    @Column(name = "region_code")
    private String regionCode;
    @Column(name = "round_year")
    private int year;
    private String registers;
    @Column(name = "sample_percent")
    private BigDecimal samplePercent;
    @Column(name = "minimum_per_village")
    private int minimumPerVillage;
    @Column(name = "minimum_projects_per_township")
    private int minimumProjectsPerTownship;
    private long seed;
    private int population;
    @Column(name = "project_population")
    private int projectPopulation;
    @Column(name = "sample_size")
    private int sampleSize;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "planned_by")
    private String plannedBy;
    @Column(name = "planned_at")
    private Instant plannedAt;
    @Column(name = "closed_at")
    private Instant closedAt;

    protected InspectionRound() {
    }

    InspectionRound(String regionCode, int year, List<Register> registers, BigDecimal samplePercent,
            int minimumPerVillage, int minimumProjectsPerTownship, long seed, String plannedBy, Instant plannedAt) {
        this.roundNo = "pending";
        this.regionCode = regionCode;
        this.year = year;
        this.registers = registers.stream().map(Enum::name).collect(Collectors.joining(","));
        this.samplePercent = samplePercent;
        this.minimumPerVillage = minimumPerVillage;
        this.minimumProjectsPerTownship = minimumProjectsPerTownship;
        this.seed = seed;
        this.status = Status.RUNNING;
        this.plannedBy = plannedBy;
        this.plannedAt = plannedAt;
    }

    /** The round's number, from its id: {@code DC-<year>-<region>-<id>} (督查). */
    void numbered(int population, int projectPopulation, int sampleSize) {
        this.roundNo = "DC-" + year + "-" + regionCode + "-" + id;
        this.population = population;
        this.projectPopulation = projectPopulation;
        this.sampleSize = sampleSize;
    }

    void close(Instant at) {
        this.status = Status.CLOSED;
        this.closedAt = at;
    }

    public Long getId() { return id; }
    public String getRoundNo() { return roundNo; }
    public String getRegionCode() { return regionCode; }
    public int getYear() { return year; }
    public List<Register> getRegisters() {
        return Arrays.stream(registers.split(",")).map(Register::valueOf).toList();
    }
    public BigDecimal getSamplePercent() { return samplePercent; }
    public int getMinimumPerVillage() { return minimumPerVillage; }
    public int getMinimumProjectsPerTownship() { return minimumProjectsPerTownship; }
    public int getProjectPopulation() { return projectPopulation; }
    public long getSeed() { return seed; }
    public int getPopulation() { return population; }
    public int getSampleSize() { return sampleSize; }
    public Status getStatus() { return status; }
    public String getPlannedBy() { return plannedBy; }
    public Instant getPlannedAt() { return plannedAt; }
    public Instant getClosedAt() { return closedAt; }
}
