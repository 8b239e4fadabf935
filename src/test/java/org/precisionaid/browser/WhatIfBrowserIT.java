package org.precisionaid.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.precisionaid.region.RegionService;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.security.OfficialDirectory;
import org.precisionaid.support.IntegrationTest;
import org.precisionaid.support.Villages;
import org.precisionaid.whatif.WhatIfFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The county office tries a higher poverty line on a village of its own from the workbench: a line with three decimals
 * is named next to its field, the line of 8,000 yuan shows the two households between the lines as newly eligible,
 * side by side with today's rule; the monitoring line of 8,500 yuan monitors the registered household at 8,000; a
 * township has no such screen and is refused.
 */
@IntegrationTest
class WhatIfBrowserIT {

    @LocalServerPort int port;
    @Autowired HouseholdService households;
    @Autowired org.precisionaid.assessment.IncomeAccounts accounts;
    @Autowired RegionService regions;
    @Autowired OfficialDirectory officials;

    @Test
    void theCountyOfficeTriesAHigherPovertyLineOnItsVillage() {
        String village = Villages.fresh(regions, officials);
        WhatIfFixtures.applicant(households, village, 7000, true, false);
        WhatIfFixtures.applicant(households, village, 7900, true, false);
        WhatIfFixtures.applicant(households, village, 7600, false, false);
        WhatIfFixtures.applicant(households, village, 8100, true, false);
        String monitored = Villages.fresh(regions, officials);
        WhatIfFixtures.registered(households, accounts, monitored, java.util.Map.of(WhatIfFixtures.YEAR, 8000));
        try (Browser browser = new Browser("http://localhost:" + port, "whatif", "zh-CN")) {
            new Tasklist(browser).login("tasklist", "county.654224", "demo");
            browser.open("/reports/home.html");
            loaded(browser);
            browser.click(By.id("link-whatif"));
            browser.waitUntil(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
            new Select(browser.driver.findElement(By.id("rule"))).selectByValue("IDENTIFICATION");
            new Select(browser.driver.findElement(By.id("region"))).selectByValue(village);
            new Select(browser.driver.findElement(By.id("year"))).selectByValue(String.valueOf(WhatIfFixtures.YEAR));
            browser.type(By.id("povertyLineYuan"), "8000.125");
            browser.click(By.id("run"));
            browser.waitUntil(d -> !d.findElement(By.id("error-povertyLineYuan")).getText().isEmpty());
            assertThat(browser.driver.findElement(By.id("error-povertyLineYuan")).getText())
                    .contains("2 digits after the decimal point");
            assertThat(browser.driver.findElement(By.id("result")).isDisplayed()).isFalse();

            browser.type(By.id("povertyLineYuan"), "8000");
            browser.click(By.id("run"));
            loaded(browser);
            assertThat(browser.driver.findElement(By.id("class-NEWLY_ELIGIBLE")).getText()).startsWith("2");
            assertThat(browser.driver.findElement(By.id("class-NO_LONGER_ELIGIBLE")).getText()).startsWith("0");
            assertThat(browser.driver.findElement(By.id("evaluated")).getText()).isEqualTo("4");
            assertThat(browser.driver.findElement(By.id("households")).getText()).contains("********")
                    .contains("社会保障兜底 / Social-assistance cover").contains("开发式扶持 / Development support");
            assertThat(browser.driver.findElement(By.id("error-povertyLineYuan")).getText()).isEmpty();
            browser.screenshot("whatif-poverty-line");

            // the monitoring line: its own field; a registered household at 8,000 is monitored under 8,500 (today 7,800)
            new Select(browser.driver.findElement(By.id("rule"))).selectByValue("MONITORING");
            assertThat(browser.driver.findElement(By.id("povertyLineYuan")).isDisplayed()).isFalse();
            new Select(browser.driver.findElement(By.id("region"))).selectByValue(monitored);
            browser.type(By.id("monitoringLineYuan"), "8500");
            browser.click(By.id("run"));
            loaded(browser);
            assertThat(browser.driver.findElement(By.id("class-NEWLY_MONITORED")).getText()).startsWith("1")
                    .contains("新纳入监测 / Newly monitored");
            assertThat(browser.driver.findElement(By.id("households")).getText()).contains("********")
                    .contains("脱贫不稳定户 / Exited, unstable");
            browser.screenshot("whatif-monitoring-line");
        }
        try (Browser browser = new Browser("http://localhost:" + port, "whatif-township", "zh-CN")) {
            new Tasklist(browser).login("tasklist", "township.654224101", "demo");
            browser.open("/reports/home.html");
            loaded(browser);
            assertThat(browser.driver.findElement(By.id("link-whatif")).isDisplayed()).as("not a township's screen")
                    .isFalse();
            browser.open("/reports/whatif.html");
            browser.waitUntil(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
            browser.type(By.id("povertyLineYuan"), "8000");
            browser.click(By.id("run"));
            browser.waitUntil(d -> !d.findElement(By.id("message")).getText().isEmpty()
                    || !d.findElement(By.id("error-region")).getText().isEmpty());
            assertThat(browser.driver.findElement(By.id("error-region")).getText()).contains("county");
        }
    }

    private static void loaded(Browser browser) {
        browser.waitUntil(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
    }
}
