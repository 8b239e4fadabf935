package org.precisionaid.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.support.IntegrationTest;
import org.precisionaid.support.Projects;
import org.springframework.beans.factory.annotation.Autowired;

/** Project numbers: one counter per county and year, never twice, even for applications made at the same moment. */
@IntegrationTest
class ProjectNumberTest {

    @Autowired ProjectService projects;
    @Autowired HouseholdService households;
    @Autowired
    org.precisionaid.assistance.AssistanceService assistance;
    @Autowired FundBook funds;

    @Test
    void simultaneousFirstApplicationsOfACountysYearGetConsecutiveNumbers() throws Exception {
        int year = 2033;
        funds.setAvailable("654225000000", "COUNTY", year, 100_000_000L);
        List<String> beneficiaries = Projects.registered(households, assistance, Projects.OTHER_COUNTY_VILLAGE, 1);
        ProjectForm base = Projects.form(Projects.OTHER_COUNTY_VILLAGE, "EDUCATION", new BigDecimal("1000"),
                List.of(new ProjectForm.BudgetLineForm("COUNTY", new BigDecimal("1000"))), beneficiaries, null);
        ProjectForm form = new ProjectForm(base.name(), base.type(), base.regionCode(), base.implementingUnit(),
                LocalDate.of(year, 3, 1), LocalDate.of(year, 6, 30), null, null, base.total(), null, false,
                base.outputs(), base.budgetLines(), base.beneficiaries());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> numbers = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                numbers.add(pool.submit(() -> {
                    start.await();
                    return projects.submit(form, "clerk.654225101205").getProjectNo();
                }));
            }
            start.countDown();
            List<String> given = new java.util.ArrayList<>();
            for (Future<String> number : numbers) {
                given.add(number.get());
            }
            assertThat(given).containsExactlyInAnyOrder("XM-2033-654225-0001", "XM-2033-654225-0002",
                    "XM-2033-654225-0003", "XM-2033-654225-0004");
        } finally {
            pool.shutdown();
        }
    }
}
