package org.precisionaid.report;

import static org.precisionaid.support.Officials.as;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.precisionaid.assessment.IncomeAccounts;
import org.precisionaid.assistance.AssistanceService;
import org.precisionaid.assistance.CadreRank;
import org.precisionaid.funding.FundingStarter;
import org.precisionaid.project.ProjectForm;
import org.precisionaid.registry.ApplicationForm;
import org.precisionaid.registry.Household;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.support.Applications;
import org.precisionaid.support.Cadres;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * Households, accounts and projects for the report tests, put into the registry as the procedures leave them
 * (their procedures are tested elsewhere). Seeds 14500-14999 belong to the report tests.
 */
record ReportFixtures(HouseholdService households, AssistanceService assistance, IncomeAccounts accounts,
                      FundingStarter funding, IdentityService identity) {

    static final int YEAR = LocalDate.now(ReportRequest.CHINA).getYear();

    /** Registered with a fresh cadre of the county: four people, the given classification, main cause and plan. */
    Household registered(String village, long seed, String classification, String mainCause, int plannedExitYear) {
        ApplicationForm f = Applications.eligible(village, seed);
        ApplicationForm form = new ApplicationForm(f.regionCode(), f.villageGroup(), f.phone(), f.incomeYear(),
                f.wages(), f.operatingNet(), f.propertyIncome(), f.transferIncome(), f.expenditure(), f.housingSafety(),
                f.drinkingWater(), List.of(mainCause, "LACK_OF_FUNDS"), f.ownsCar(), f.registeredBusiness(),
                f.commercialHousing(), f.civilServant(), f.members());
        Household household = households.submit(form, "test");
        households.classify(household.getId(), classification, "report test");
        households.register(household.getId(), "养殖扶持 / livestock support", plannedExitYear, "test");
        assistance.pairAtRegistration(household.getId(),
                Cadres.fresh(assistance, village.substring(0, 6), CadreRank.STAFF), "test");
        return households.get(household.getApplicationNo());
    }

    void exit(Household household, int year) {
        households.exit(household.getId(), year, "人均纯收入稳定超过贫困线 / income stably above the line", "test");
    }

    /** One wage line of the given yuan in the given year. */
    void wages(Household household, int year, String yuan) {
        LocalDate date = year == YEAR ? LocalDate.now(ReportRequest.CHINA).minusDays(1) : LocalDate.of(year, 6, 30);
        accounts.record(household.getApplicationNo(), new IncomeAccounts.NewEntry(date, "WAGES",
                new BigDecimal(yuan).movePointRight(2).longValueExact(), "务工 / wages"), "test");
    }

    /** A project applied for by the village clerk (its procedure starts and waits at the township review). */
    String project(String village, String type, String name, boolean coordinates, List<String> beneficiaries) {
        ProjectForm form = new ProjectForm(name, type, village, "县农业农村局", LocalDate.of(YEAR, 3, 1),
                LocalDate.of(YEAR, 10, 31), coordinates ? new BigDecimal("46.100000") : null,
                coordinates ? new BigDecimal("82.900000") : null, new BigDecimal("60000"), null, false,
                List.of(new ProjectForm.OutputForm("良种母羊 / breeding ewes", new BigDecimal("20"), "只 / head")),
                List.of(new ProjectForm.BudgetLineForm("CENTRAL", new BigDecimal("60000"))),
                beneficiaries.stream().map(no -> new ProjectForm.BeneficiaryForm(no, "母羊5只 / 5 ewes",
                        new BigDecimal("3000"))).toList());
        String clerk = "clerk." + village;
        return as(identity, clerk, () -> funding.apply(form, clerk)).projectNo();
    }

    static JsonNode get(TestRestTemplate rest, String user, String path) {
        ResponseEntity<JsonNode> answer = rest.withBasicAuth(user, "demo").getForEntity(path, JsonNode.class);
        if (answer.getStatusCode().value() != 200) {
            throw new AssertionError(user + " GET " + path + " → " + answer.getStatusCode() + " " + answer.getBody());
        }
        return answer.getBody();
    }

    /** The row of the given table whose column {@code key} has the value. */
    static JsonNode row(JsonNode report, String table, String key, String value) {
        for (JsonNode t : report.get("tables")) {
            if (t.get("key").asText().equals(table)) {
                for (JsonNode row : t.get("rows")) {
                    if (value.equals(row.get(key).asText())) {
                        return row;
                    }
                }
            }
        }
        throw new AssertionError("no row " + key + "=" + value + " in " + table + " of " + report.get("name"));
    }

    static long number(JsonNode report, String table, String key, String value, String column) {
        return row(report, table, key, value).get(column).asLong();
    }
}
