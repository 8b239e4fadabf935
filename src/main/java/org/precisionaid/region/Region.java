package org.precisionaid.region;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

@Entity
@Table(name = "region")
public class Region implements Persistable<String> {

    @Id
    @Column(length = 12)
    private String code;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private RegionLevel level;

    @Column(name = "parent_code", length = 12)
    private String parentCode;

    @Column(name = "name_zh", nullable = false, length = 64)
    private String nameZh;

    @Column(name = "name_en", nullable = false, length = 128)
    private String nameEn;

    /** Codes are assigned, not generated: without this, saving a new region would first look for it (a SELECT each). */
    @Transient
    private boolean isNew = true;

    protected Region() {
    }

    @Override
    public String getId() {
        return code;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    @PostLoad
    @PostPersist
    void markNotNew() {
        isNew = false;
    }

    public Region(RegionCode code, String parentCode, String nameZh, String nameEn) {
        this.code = code.value();
        this.level = code.level();
        this.parentCode = parentCode;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String getCode() {
        return code;
    }

    public RegionCode code() {
        return RegionCode.of(code);
    }

    public RegionLevel getLevel() {
        return level;
    }

    public String getParentCode() {
        return parentCode;
    }

    public String getNameZh() {
        return nameZh;
    }

    public String getNameEn() {
        return nameEn;
    }

    /** Bilingual label, Chinese first: 托里县 / Toli County. */
    public String label() {
        return nameZh + " / " + nameEn;
    }
}
