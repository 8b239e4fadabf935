package org.precisionaid.report;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.precisionaid.assessment.IncomeAccounts;
import org.precisionaid.assistance.AssistanceService;
import org.precisionaid.funding.FundingStarter;
import org.precisionaid.registry.Household;
import org.precisionaid.registry.HouseholdService;

/** A village with something in every report, for the browser journeys: three households, accounts, three
 * projects (one of them named like a script). */
public final class ReportTestData {

    /** A project name that would run a script if a page put it into the document as markup (stored XSS, issue #20). */
    public static final String SCRIPT_IN_A_NAME = "<img src=x onerror=alert(1)>";

    private ReportTestData() {
    }

    /** Returns the application numbers: one exited this year, one covered by social assistance, one overdue. */
    public static List<String> village(HouseholdService households, AssistanceService assistance, IncomeAccounts accounts,
            FundingStarter funding, IdentityService identity, String village, long seed) {
        ReportFixtures fixtures = new ReportFixtures(households, assistance, accounts, funding, identity);
        int year = ReportFixtures.YEAR;
        Household exited = fixtures.registered(village, seed, "DEVELOPMENT", "ILLNESS", year);
        fixtures.exit(exited, year);
        Household covered = fixtures.registered(village, seed + 1, "SOCIAL_ASSISTANCE", "DISABILITY", year + 1);
        Household overdue = fixtures.registered(village, seed + 2, "DEVELOPMENT", "LACK_OF_WATER", year);
        fixtures.wages(covered, year, "30000");
        fixtures.wages(overdue, year, "8000");
        fixtures.project(village, "INDUSTRY", "吉也克村养羊 / Jiyeke sheep", true, List.of(covered.getApplicationNo()));
        fixtures.project(village, "ROADS", "吉也克村道路 / Jiyeke road", false, List.of(overdue.getApplicationNo()));
        fixtures.project(village, "ROADS", SCRIPT_IN_A_NAME, true, List.of(overdue.getApplicationNo()));
        return List.of(covered.getApplicationNo(), exited.getApplicationNo(), overdue.getApplicationNo());
    }
}
