package org.precisionaid.assistance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.precisionaid.region.RegionCode;
import org.precisionaid.region.RegionLevel;

/** A unit that sends assisting cadres: a bureau, a township government, an enterprise. */
@Entity
@Table(name = "assisting_unit")
public class AssistingUnit {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "assisting_unit_seq")
    @SequenceGenerator(name = "assisting_unit_seq", sequenceName = "assisting_unit_seq", allocationSize = 50)
    private Long id;
    private String name;
    @Column(name = "region_code")
    private String regionCode;
    @Column(name = "created_at")
    private Instant createdAt;

    protected AssistingUnit() {
    }

    AssistingUnit(String name, RegionCode region, Instant now) {
        this.name = name;
        this.regionCode = region.value();
        this.createdAt = now;
    }

    void rename(String name) {
        this.name = name;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public String getRegionCode() { return regionCode; }
    public RegionLevel getLevel() { return RegionCode.of(regionCode).level(); }
    public Instant getCreatedAt() { return createdAt; }
}
