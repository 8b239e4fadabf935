package org.precisionaid.project;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.precisionaid.registry.Household;

/** A registered household the project benefits, with the benefit planned for it (and, for loans, the amount). */
@Entity
@Table(name = "project_beneficiary")
public class Beneficiary extends ProjectPart {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "household_id")
    private Household household;
    private int position;
    private String benefit;
    @Column(name = "amount_fen")
    private Long amountFen;

    protected Beneficiary() {
    }

    Beneficiary(Project project, Household household, int position, String benefit, Long amountFen) {
        super(project);
        this.household = household;
        this.position = position;
        this.benefit = benefit;
        this.amountFen = amountFen;
    }

    public Household getHousehold() { return household; }
    public int getPosition() { return position; }
    public String getBenefit() { return benefit; }
    public Long getAmountFen() { return amountFen; }
}
