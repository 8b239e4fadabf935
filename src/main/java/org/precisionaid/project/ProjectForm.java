package org.precisionaid.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A project application as the applying official fills it in (REST body of {@code POST /api/projects}, or the
 * Tasklist start form). Amounts in yuan with at most two decimals; the registry keeps them in fen.
 */
public record ProjectForm(String name, String type, String regionCode, String implementingUnit, LocalDate periodStart,
                          LocalDate periodEnd, BigDecimal latitude, BigDecimal longitude, BigDecimal total,
                          Integer loanTermMonths, Boolean secured, List<OutputForm> outputs,
                          List<BudgetLineForm> budgetLines, List<BeneficiaryForm> beneficiaries) {

    /** "30 sheep", "4.2 km canal". */
    public record OutputForm(String description, BigDecimal quantity, String unit) {
    }

    public record BudgetLineForm(String fundSource, BigDecimal amount) {
    }

    /** A registered household by its application number, with the benefit planned for it (amount: loans). */
    public record BeneficiaryForm(String applicationNo, String benefit, BigDecimal amount) {
    }
}
