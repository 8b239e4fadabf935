package org.precisionaid.project;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.precisionaid.project.ProjectCodes.EntryType;
import org.precisionaid.web.FieldRuleException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every yuan of a project: allocations by the finance bureau and disbursements in tranches, appended and never
 * changed (ADR 0009). Invariant, per fund source: disbursed ≤ allocated ≤ approved budget line. The project row
 * is locked (optimistic version bump) with each entry, so two entries cannot both pass the check concurrently.
 */
@Service
@Transactional
public class Ledger {

    private final LedgerRepository entries;
    private final ProjectRepository projects;
    private final Clock clock;

    public Ledger(LedgerRepository entries, ProjectRepository projects, Clock clock) {
        this.entries = entries;
        this.projects = projects;
        this.clock = clock;
    }

    public record Balance(String fundSource, long budgetFen, long allocatedFen, long disbursedFen) {
    }

    /** Allocates the whole remaining budget of every line, on one voucher. */
    public List<LedgerEntry> allocateAll(long projectId, String voucherNo, String official) {
        requireVoucher(voucherNo, "voucherNo");
        Project project = project(projectId);
        List<LedgerEntry> written = new java.util.ArrayList<>();
        for (Balance balance : balances(project).values()) {
            long open = balance.budgetFen() - balance.allocatedFen();
            if (open > 0) {
                written.add(append(project, EntryType.ALLOCATION, balance.fundSource(), open, voucherNo, official));
            }
        }
        return written;
    }

    public LedgerEntry allocate(long projectId, String fundSource, long amountFen, String voucherNo, String official) {
        Project project = project(projectId);
        check(project, EntryType.ALLOCATION, fundSource, amountFen, voucherNo);
        return append(project, EntryType.ALLOCATION, fundSource, amountFen, voucherNo, official);
    }

    public LedgerEntry disburse(long projectId, String fundSource, long amountFen, String voucherNo, String official) {
        Project project = project(projectId);
        check(project, EntryType.DISBURSEMENT, fundSource, amountFen, voucherNo);
        return append(project, EntryType.DISBURSEMENT, fundSource, amountFen, voucherNo, official);
    }

    /** The entries of many projects in one query, by project id. */
    @Transactional(readOnly = true)
    public Map<Long, List<LedgerEntry>> entriesOf(java.util.Collection<Long> projectIds) {
        Map<Long, List<LedgerEntry>> byProject = new java.util.HashMap<>();
        if (!projectIds.isEmpty()) {
            entries.findByProjectIdInOrderById(projectIds).forEach(entry ->
                    byProject.computeIfAbsent(entry.getProjectId(), id -> new java.util.ArrayList<>()).add(entry));
        }
        return byProject;
    }

    @Transactional(readOnly = true)
    public List<LedgerEntry> entries(long projectId) {
        return entries.findByProjectIdOrderById(projectId);
    }

    /** Budget, allocated and disbursed per fund source, in the order of the budget lines. */
    @Transactional(readOnly = true)
    public Map<String, Balance> balances(long projectId) {
        return balances(project(projectId));
    }

    Map<String, Balance> balances(Project project) {
        return balances(project, entries.findByProjectIdOrderById(project.getId()));
    }

    /** Balances from entries read beforehand (one query for a whole page of projects). */
    Map<String, Balance> balances(Project project, List<LedgerEntry> projectEntries) {
        Map<String, long[]> sums = new LinkedHashMap<>();
        project.getBudgetLines().forEach(line -> sums.put(line.getFundSource(), new long[] {line.getAmountFen(), 0, 0}));
        for (LedgerEntry entry : projectEntries) {
            long[] sum = sums.computeIfAbsent(entry.getFundSource(), source -> new long[3]);
            sum[entry.getType() == EntryType.ALLOCATION ? 1 : 2] += entry.getAmountFen();
        }
        Map<String, Balance> balances = new LinkedHashMap<>();
        sums.forEach((source, sum) -> balances.put(source, new Balance(source, sum[0], sum[1], sum[2])));
        return balances;
    }

    @Transactional(readOnly = true)
    public boolean fullyDisbursed(long projectId) {
        return balances(projectId).values().stream().allMatch(b -> b.disbursedFen() == b.budgetFen());
    }

    private void check(Project project, EntryType type, String fundSource, long amountFen, String voucherNo) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (amountFen <= 0) {
            errors.put("amount", "must be positive");
        }
        if (voucherNo == null || voucherNo.isBlank() || voucherNo.length() > 64) {
            errors.put("voucherNo", "is required (1-64 characters): the finance voucher number");
        }
        Balance balance = balances(project).get(fundSource);
        if (balance == null || balance.budgetFen() == 0) {
            errors.put("fundSource", "the project has no budget line for " + fundSource);
        } else if (type == EntryType.ALLOCATION && balance.allocatedFen() + amountFen > balance.budgetFen()) {
            errors.put("amount", "allocations of " + fundSource + " would reach "
                    + Money.format(balance.allocatedFen() + amountFen) + " yuan, above the approved "
                    + Money.format(balance.budgetFen()));
        } else if (type == EntryType.DISBURSEMENT && balance.disbursedFen() + amountFen > balance.allocatedFen()) {
            errors.put("amount", "disbursements of " + fundSource + " would reach "
                    + Money.format(balance.disbursedFen() + amountFen) + " yuan, above the "
                    + Money.format(balance.allocatedFen()) + " allocated");
        }
        if (!errors.isEmpty()) {
            throw FieldRuleException.invalid(errors);
        }
    }

    private Project project(long projectId) {
        return projects.findById(projectId).orElseThrow(() -> new ProjectNotFoundException(String.valueOf(projectId)));
    }

    private static void requireVoucher(String voucherNo, String field) {
        if (voucherNo == null || voucherNo.isBlank() || voucherNo.length() > 64) {
            throw FieldRuleException.invalid(Map.of(field, "is required (1-64 characters): the finance voucher number"));
        }
    }

    private LedgerEntry append(Project project, EntryType type, String fundSource, long amountFen, String voucherNo,
            String official) {
        project.touchLedger(clock.instant());
        return entries.save(new LedgerEntry(project.getId(), type, fundSource, amountFen, voucherNo.trim(), official,
                clock.instant()));
    }
}
