package org.precisionaid.project;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** How much of the project one fund source pays (fen). */
@Entity
@Table(name = "project_budget_line")
public class BudgetLine extends ProjectPart {

    private int position;
    @Column(name = "fund_source")
    private String fundSource;
    @Column(name = "amount_fen")
    private long amountFen;

    protected BudgetLine() {
    }

    BudgetLine(Project project, int position, String fundSource, long amountFen) {
        super(project);
        this.position = position;
        this.fundSource = fundSource;
        this.amountFen = amountFen;
    }

    public int getPosition() { return position; }
    public String getFundSource() { return fundSource; }
    public long getAmountFen() { return amountFen; }
}
