package org.precisionaid.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.precisionaid.report.ReportFixtures.YEAR;
import static org.precisionaid.report.ReportFixtures.get;
import static org.precisionaid.report.ReportFixtures.number;
import static org.precisionaid.report.ReportFixtures.row;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.precisionaid.assessment.IncomeAccounts;
import org.precisionaid.assistance.AssistanceService;
import org.precisionaid.funding.FundingStarter;
import org.precisionaid.registry.Household;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.support.PostgresTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** The reports' grouped SQL (ranges, main cause, the year's line and target) on a real PostgreSQL. */
@PostgresTest
class ReportPostgresTest {

    static final String VILLAGE = "654225101204";   // 加依勒玛村, 吉也克镇, 裕民县
    static final String COUNTY = "654225000000";

    @Autowired TestRestTemplate rest;
    @Autowired HouseholdService households;
    @Autowired AssistanceService assistance;
    @Autowired IncomeAccounts accounts;
    @Autowired FundingStarter funding;
    @Autowired IdentityService identity;

    @Test
    void everyReportCountsTheNewHouseholdsOnPostgres() {
        String q = "?region=" + COUNTY + "&year=" + YEAR;
        JsonNode distributionBefore = get(rest, "county.654225", "/api/reports/distribution" + q);
        JsonNode tasksBefore = get(rest, "county.654225", "/api/reports/reduction-tasks" + q);
        JsonNode incomeBefore = get(rest, "county.654225", "/api/reports/income-targets" + q);

        ReportFixtures fixtures = new ReportFixtures(households, assistance, accounts, funding, identity);
        Household left = fixtures.registered(VILLAGE, 14601, "DEVELOPMENT", "LACK_OF_WATER", YEAR);
        fixtures.exit(left, YEAR);
        Household poor = fixtures.registered(VILLAGE, 14602, "SOCIAL_ASSISTANCE", "LACK_OF_WATER", YEAR + 2);
        fixtures.wages(poor, YEAR, "24000");
        String project = fixtures.project(VILLAGE, "WATER", "加依勒玛村饮水 / Jiayilema water", false,
                List.of(poor.getApplicationNo()));

        JsonNode distribution = get(rest, "county.654225", "/api/reports/distribution" + q);
        for (String column : List.of("registeredHouseholds:2", "registeredPeople:8", "poorHouseholds:1", "poorPeople:4",
                "socialAssistance:1", "exitsInYear:1", "causeLACK_OF_WATER:1")) {
            String[] c = column.split(":");
            assertThat(number(distribution, "distribution", "code", COUNTY, c[0])
                    - number(distributionBefore, "distribution", "code", COUNTY, c[0])).as(c[0])
                    .isEqualTo(Long.parseLong(c[1]));
        }
        JsonNode tasks = get(rest, "county.654225", "/api/reports/reduction-tasks" + q);
        assertThat(number(tasks, "years", "year", String.valueOf(YEAR + 2), "plannedHouseholds")
                - number(tasksBefore, "years", "year", String.valueOf(YEAR + 2), "plannedHouseholds")).isEqualTo(1);
        assertThat(number(tasks, "regions", "code", VILLAGE, "exitedOnTime")
                - number(tasksBefore, "regions", "code", VILLAGE, "exitedOnTime")).isEqualTo(1);
        JsonNode income = get(rest, "county.654225", "/api/reports/income-targets" + q);
        assertThat(number(income, "regions", "code", VILLAGE, "atTarget")
                - number(incomeBefore, "regions", "code", VILLAGE, "atTarget")).isEqualTo(1); // 6,000 ≥ 5,200
        assertThat(row(income, "years", "year", String.valueOf(YEAR)).get("povertyLine").decimalValue())
                .isEqualByComparingTo("7500");

        JsonNode map = get(rest, "county.654225", "/api/reports/projects-map" + q);
        JsonNode placed = row(map, "projects", "projectNo", project);
        assertThat(placed.get("placedBy").asText()).isEqualTo("乡镇位置 / township");
        assertThat(placed.get("categoryLabel").asText()).isEqualTo("基础设施项目 / Infrastructure");
        JsonNode incidence = get(rest, "county.654225", "/api/reports/incidence-map" + q);
        assertThat(number(incidence, "incidence", "code", COUNTY, "poorPeople"))
                .isEqualTo(number(distribution, "distribution", "code", COUNTY, "poorPeople"));

        JsonNode guide = get(rest, "township.654225101", "/api/reports/guide?region=" + VILLAGE + "&year=" + YEAR);
        JsonNode household = row(guide, "households", "applicationNo", poor.getApplicationNo());
        assertThat(household.get("income" + YEAR).decimalValue()).isEqualByComparingTo("6000.00");
        assertThat(household.get("projects").asText()).contains(project);
    }
}
