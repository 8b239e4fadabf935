package org.precisionaid.project;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/** A source of poverty-alleviation funds (central, provincial, ..., donations); reference data of V3__funding.sql. */
@Entity
@Immutable
@Table(name = "fund_source")
public class FundSource {

    @Id
    private String code;
    private int position;
    @Column(name = "name_zh")
    private String nameZh;
    @Column(name = "name_en")
    private String nameEn;

    protected FundSource() {
    }

    public String getCode() { return code; }
    public int getPosition() { return position; }
    public String label() { return nameZh + " / " + nameEn; }
}
