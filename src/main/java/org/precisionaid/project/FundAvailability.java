package org.precisionaid.project;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** What a county may commit from one fund source in one year (fen). No approval may exceed it. */
@Entity
@IdClass(FundAvailability.Key.class)
@Table(name = "fund_availability")
public class FundAvailability {

    @Id
    @Column(name = "county_code")
    private String countyCode;
    @Id
    @Column(name = "fund_source")
    private String fundSource;
    @Id
    @Column(name = "fund_year")
    private int fundYear;
    @Column(name = "amount_fen")
    private long amountFen;

    protected FundAvailability() {
    }

    public FundAvailability(String countyCode, String fundSource, int fundYear, long amountFen) {
        this.countyCode = countyCode;
        this.fundSource = fundSource;
        this.fundYear = fundYear;
        this.amountFen = amountFen;
    }

    public String getCountyCode() { return countyCode; }
    public String getFundSource() { return fundSource; }
    public int getFundYear() { return fundYear; }
    public long getAmountFen() { return amountFen; }
    void setAmountFen(long amountFen) { this.amountFen = amountFen; }

    public static class Key implements Serializable {
        private String countyCode;
        private String fundSource;
        private int fundYear;

        public Key() {
        }

        public Key(String countyCode, String fundSource, int fundYear) {
            this.countyCode = countyCode;
            this.fundSource = fundSource;
            this.fundYear = fundYear;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.fundYear == fundYear && Objects.equals(k.countyCode, countyCode)
                    && Objects.equals(k.fundSource, fundSource);
        }

        @Override
        public int hashCode() {
            return Objects.hash(countyCode, fundSource, fundYear);
        }
    }
}
