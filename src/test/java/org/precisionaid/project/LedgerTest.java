package org.precisionaid.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.support.IntegrationTest;
import org.precisionaid.support.Projects;
import org.precisionaid.web.FieldRuleException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every yuan traceable: the ledger never goes above the approved budget and its sums match. */
@IntegrationTest
class LedgerTest {

    @Autowired ProjectService projects;
    @Autowired Ledger ledger;
    @Autowired HouseholdService households;
    @Autowired
    org.precisionaid.assistance.AssistanceService assistance;
    @Autowired JdbcTemplate jdbc;

    private long project() {
        return projects.submit(Projects.sheep(Projects.VILLAGE, Projects.registered(households, assistance, Projects.VILLAGE, 1)),
                "test").getId();
    }

    @Test
    void allocationsNeverExceedTheBudgetOfTheirSource() {
        long project = project();
        ledger.allocate(project, "CENTRAL", 5_000_000L, "V-1", "finance.654224");
        ledger.allocate(project, "CENTRAL", 3_000_000L, "V-2", "finance.654224");
        assertThatThrownBy(() -> ledger.allocate(project, "CENTRAL", 1L, "V-3", "finance.654224"))
                .isInstanceOf(FieldRuleException.class).hasMessageContaining("above the approved 80,000.00");
        assertThatThrownBy(() -> ledger.allocate(project, "DONATION", 100L, "V-4", "finance.654224"))
                .hasMessageContaining("no budget line for DONATION");
        assertThat(ledger.balances(project).get("CENTRAL").allocatedFen()).isEqualTo(8_000_000L);
    }

    @Test
    void disbursementsNeverExceedWhatWasAllocated() {
        long project = project();
        ledger.allocate(project, "COUNTY", 2_000_000L, "V-1", "finance.654224");
        ledger.disburse(project, "COUNTY", 1_500_000L, "P-1", "finance.654224");
        assertThatThrownBy(() -> ledger.disburse(project, "COUNTY", 500_001L, "P-2", "finance.654224"))
                .hasMessageContaining("above the 20,000.00 allocated");
        assertThatThrownBy(() -> ledger.disburse(project, "COUNTY", -1L, "P-3", "finance.654224"))
                .hasMessageContaining("must be positive");
        assertThatThrownBy(() -> ledger.disburse(project, "COUNTY", 100L, " ", "finance.654224"))
                .hasMessageContaining("voucherNo");
    }

    @Test
    void theSumsOfTheEntriesAreTheBalancesAndTheBalancesMatchTheBudget() {
        long project = project();
        ledger.allocateAll(project, "V-ALL", "finance.654224");
        ledger.disburse(project, "CENTRAL", 4_000_000L, "P-1", "finance.654224");
        ledger.disburse(project, "CENTRAL", 4_000_000L, "P-2", "finance.654224");
        ledger.disburse(project, "COUNTY", 4_000_000L, "P-3", "finance.654224");
        List<LedgerEntry> entries = ledger.entries(project);
        Map<String, Ledger.Balance> balances = ledger.balances(project);
        for (Ledger.Balance balance : balances.values()) {
            assertThat(entries.stream().filter(e -> e.getFundSource().equals(balance.fundSource())
                    && e.getType() == ProjectCodes.EntryType.ALLOCATION).mapToLong(LedgerEntry::getAmountFen).sum())
                    .isEqualTo(balance.allocatedFen()).isEqualTo(balance.budgetFen());
            assertThat(entries.stream().filter(e -> e.getFundSource().equals(balance.fundSource())
                    && e.getType() == ProjectCodes.EntryType.DISBURSEMENT).mapToLong(LedgerEntry::getAmountFen).sum())
                    .isEqualTo(balance.disbursedFen()).isEqualTo(balance.budgetFen());
        }
        assertThat(ledger.fullyDisbursed(project)).isTrue();
        assertThat(balances.values().stream().mapToLong(Ledger.Balance::budgetFen).sum())
                .isEqualTo(projects.get(project).getTotalFen());
        assertThat(entries).allSatisfy(e -> assertThat(e.getOfficial()).isEqualTo("finance.654224"));
    }

    @Test
    void theLedgerCanOnlyBeAppendedTo() {
        List<String> methods = Arrays.stream(LedgerRepository.class.getMethods()).map(Method::getName).toList();
        assertThat(methods).contains("save").noneMatch(name -> name.startsWith("delete") || name.startsWith("update"));
        assertThat(LedgerEntry.class.getAnnotation(org.hibernate.annotations.Immutable.class)).isNotNull();
        assertThat(jdbc.queryForObject("select count(*) from project_ledger where amount_fen <= 0", Long.class)).isZero();
        assertThatThrownBy(() -> jdbc.update("insert into project_ledger (id, project_id, entry_type, fund_source, "
                + "amount_fen, voucher_no, official, at) values (-1, ?, 'ALLOCATION', 'CENTRAL', -5, 'X', 'x', now())",
                project())).as("the database refuses a negative entry too").isNotNull();
    }
}
