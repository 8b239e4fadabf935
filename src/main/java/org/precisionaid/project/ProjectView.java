package org.precisionaid.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.precisionaid.registry.Member;
import org.precisionaid.registry.ResidentId;

/**
 * A project as officials read it over REST: budget, the ledger with its balances, beneficiaries (head of
 * household with masked ID: nobody deciding on a project needs the full number), decisions and progress.
 */
public record ProjectView(String projectNo, String name, String type, String typeLabel, String regionCode,
                          String implementingUnit, LocalDate periodStart, LocalDate periodEnd, int fundYear,
                          BigDecimal latitude, BigDecimal longitude, BigDecimal total, Integer loanTermMonths,
                          String leadUnit, String approvalLevel, String status, String statusLabel,
                          Instant disclosureEnds, int progressPercent, List<OutputView> outputs,
                          List<BalanceView> budget, List<EntryView> ledger, List<BeneficiaryView> beneficiaries,
                          List<DecisionView> decisions, List<ProgressView> progress) {

    public record OutputView(String description, BigDecimal quantity, String unit) {
    }

    public record BalanceView(String fundSource, BigDecimal budget, BigDecimal allocated, BigDecimal disbursed) {
    }

    public record EntryView(String type, String fundSource, BigDecimal amount, String voucherNo, String official,
                            Instant at) {
    }

    public record BeneficiaryView(String applicationNo, String villageCode, String headName, String headIdNumber,
                                  String benefit, BigDecimal amount) {
    }

    public record DecisionView(String status, String level, String decision, String reason, String actor, Instant at) {
    }

    public record ProgressView(int percent, String note, String reportedBy, Instant at) {
    }

    static ProjectView of(Project p, Collection<Ledger.Balance> balances, List<LedgerEntry> entries) {
        return new ProjectView(p.getProjectNo(), p.getName(), p.getType().name(), p.getType().label(),
                p.getRegionCode(), p.getImplementingUnit(), p.getPeriodStart(), p.getPeriodEnd(), p.getFundYear(),
                p.getLatitude(), p.getLongitude(), Money.yuan(p.getTotalFen()), p.getLoanTermMonths(), p.getLeadUnit(),
                p.getApprovalLevel(), p.getStatus().name(), p.getStatus().label(), p.getDisclosureEnds(),
                p.getProgressPercent(),
                p.getOutputs().stream().map(o -> new OutputView(o.getDescription(), o.getQuantity(), o.getUnit())).toList(),
                balances.stream().map(b -> new BalanceView(b.fundSource(), Money.yuan(b.budgetFen()),
                        Money.yuan(b.allocatedFen()), Money.yuan(b.disbursedFen()))).toList(),
                entries.stream().map(e -> new EntryView(e.getType().name(), e.getFundSource(),
                        Money.yuan(e.getAmountFen()), e.getVoucherNo(), e.getOfficial(), e.getAt())).toList(),
                p.getBeneficiaries().stream().map(b -> {
                    Member head = b.getHousehold().head();
                    return new BeneficiaryView(b.getHousehold().getApplicationNo(), b.getHousehold().getVillageCode(),
                            head == null ? "" : head.getName(), head == null ? "" : ResidentId.mask(head.getIdNumber()),
                            b.getBenefit(), b.getAmountFen() == null ? null : Money.yuan(b.getAmountFen()));
                }).toList(),
                p.getDecisions().stream().map(d -> new DecisionView(d.getStatus().name(), d.getLevel().name(),
                        d.getDecision(), d.getReason(), d.getActor(), d.getAt())).toList(),
                p.getProgress().stream().map(r -> new ProgressView(r.getPercent(), r.getNote(), r.getReportedBy(),
                        r.getAt())).toList());
    }
}
