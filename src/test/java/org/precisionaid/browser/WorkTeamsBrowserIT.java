package org.precisionaid.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.precisionaid.region.RegionService;
import org.precisionaid.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The county office of Toli, logged in once to Tasklist, opens the work teams page: the demo team of 阿勒帕萨勒干村 with
 * its first secretary; a cadre already stationed there is refused as another team's leader, named next to the field;
 * a team with two free cadres is stationed in another village of 铁厂沟镇, its stationing ended with a reason; a
 * leader's contact point is added. The township reads the teams without any form.
 */
@IntegrationTest
class WorkTeamsBrowserIT {

    static final String COUNTY = "654224000000";   // 托里县 / Toli

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired RegionService regions;

    private Browser as(String journey, String user) {
        Browser browser = new Browser("http://localhost:" + port, journey, "zh-CN");
        new Tasklist(browser).login("tasklist", user, "demo");
        return browser;
    }

    private static void loaded(Browser browser) {
        browser.waitUntil(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
    }

    private long cadre(String name) {
        return jdbc.queryForObject("select min(id) from cadre where name = ? and county_code = ?", Long.class, name,
                COUNTY);
    }

    @Test
    void theCountyOfficeStationsATeamEndsItAndAddsAContactPointTheTownshipOnlyReads() {
        String village = regions.children("654224101000").stream().map(r -> r.getCode())
                // a village committee (2xx), not a residents' committee (0xx), and not the demo team's village
                .filter(code -> code.charAt(9) == '2' && !code.equals("654224101201")).findFirst().orElseThrow();
        try (Browser browser = as("work-teams", "county.654224")) {
            browser.open("/reports/home.html");
            browser.waitFor(By.id("link-teams"));
            browser.click(By.id("link-teams"));
            loaded(browser);
            assertThat(browser.driver.findElement(By.id("teams")).getText()).contains("阿勒帕萨勒干村")
                    .contains("托里县农业农村局").contains("刘志强");
            assertThat(browser.driver.findElement(By.id("contacts")).getText()).contains("王建军");
            browser.screenshot("teams-of-the-county");

            new Select(browser.driver.findElement(By.id("villageCode"))).selectByValue(village);
            new Select(browser.driver.findElement(By.id("leaderId"))).selectByValue(String.valueOf(cadre("刘志强")));
            browser.click(By.id("station"));
            browser.waitUntil(d -> !d.findElement(By.id("error-leaderId")).getText().isEmpty());
            assertThat(browser.driver.findElement(By.id("error-leaderId")).getText()).contains("one team at a time");
            browser.screenshot("cadre-already-stationed");

            new Select(browser.driver.findElement(By.id("leaderId"))).selectByValue(String.valueOf(cadre("努尔兰·哈森")));
            new Select(browser.driver.findElement(By.id("firstSecretaryId")))
                    .selectByValue(String.valueOf(cadre("马建华")));
            browser.click(By.id("station"));
            browser.waitUntil(d -> d.findElement(By.id("saved")).getText().contains("已派驻 / Team stationed"));
            loaded(browser);
            long team = jdbc.queryForObject("select id from work_team where current_village = ?", Long.class, village);
            By row = By.cssSelector("#teams tr[data-team='" + team + "']");
            assertThat(browser.waitFor(row).getText()).contains("努尔兰·哈森").contains("马建华");
            assertThat(browser.driver.findElement(By.id("error-leaderId")).getText()).isEmpty();
            browser.screenshot("team-stationed");

            browser.type(By.id("reason-" + team), "任期届满轮换 / term over");
            browser.click(By.id("end-" + team));
            browser.waitUntil(d -> d.findElement(By.id("saved")).getText().contains("已结束驻村"));
            loaded(browser);
            assertThat(browser.driver.findElements(row)).as("no longer stationed").isEmpty();

            browser.type(By.id("leaderName"), "李国华");
            browser.type(By.id("post"), "托里县副县长 / Deputy county head");
            new Select(browser.driver.findElement(By.id("regionCode"))).selectByValue(village);
            browser.click(By.id("add-contact-point"));
            browser.waitUntil(d -> d.findElement(By.id("contacts")).getText().contains("李国华"));
            browser.screenshot("contact-point-added");
        }
        try (Browser browser = as("work-teams-township", "township.654224101")) {
            browser.open("/reports/teams.html");
            loaded(browser);
            assertThat(browser.driver.findElement(By.id("teams")).getText()).contains("阿勒帕萨勒干村");
            assertThat(browser.driver.findElement(By.id("add-team")).isDisplayed()).as("a township only reads").isFalse();
            assertThat(browser.driver.findElement(By.id("add-contact")).isDisplayed()).isFalse();
            browser.screenshot("teams-township");
        }
    }
}
