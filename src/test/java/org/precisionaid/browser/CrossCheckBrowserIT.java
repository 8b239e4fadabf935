package org.precisionaid.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.precisionaid.support.Officials.as;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.precisionaid.crosscheck.CrossCheckHits;
import org.precisionaid.crosscheck.Hit;
import org.precisionaid.identification.IdentificationStarter;
import org.precisionaid.procedure.ObjectionService;
import org.precisionaid.registry.ApplicationForm;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.support.Applications;
import org.precisionaid.support.CaseFlows;
import org.precisionaid.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The county office of 托里县 loads the traffic police's vehicle list on its cross-check page; an applicant of 旦木村
 * owns a car on it; the township of 哈图镇 cannot approve until it resolves the hit on its review form in Tasklist.
 */
@IntegrationTest
class CrossCheckBrowserIT {

    static final String VILLAGE = "654224103201";        // 旦木村, 哈图镇, 托里县
    static final String TOWNSHIP = "township.654224103";

    @LocalServerPort int port;
    @Autowired IdentificationStarter starter;
    @Autowired IdentityService identity;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired ObjectionService objections;
    @Autowired HouseholdService households;
    @Autowired CrossCheckHits hits;
    @Autowired TestRestTemplate rest;

    @Test
    void theCountyLoadsAVehicleListAndTheTownshipResolvesTheHitOnItsReviewForm() throws Exception {
        ApplicationForm form = Applications.eligible(VILLAGE, 978_000);
        String owner = form.members().get(1).idNumber();
        Path list = Files.createTempFile("vehicles", ".csv");
        Files.writeString(list, "身份证号 / ID number,类别 / Category,金额或面积 / Amount,说明 / Detail\n"
                + owner + ",小型汽车,150000,新G·C2468\n", StandardCharsets.UTF_8);

        try (Browser browser = new Browser("http://localhost:" + port, "crosscheck")) {
            Tasklist tasklist = new Tasklist(browser);
            tasklist.login("tasklist", "county.654224", "demo");
            browser.open("/reports/crosscheck.html");
            browser.waitFor(By.cssSelector("body[data-loaded='true']"));
            new Select(browser.driver.findElement(By.id("kind"))).selectByValue("VEHICLE");
            browser.type(By.id("department"), "托里县公安局交警大队");
            browser.driver.findElement(By.id("file")).sendKeys(list.toString());
            // no date yet: the rule shows next to its field
            browser.click(By.id("send"));
            browser.waitUntil(driver -> driver.findElement(By.id("error-asOf")).getText().contains("is required")
                    ? true : null);
            browser.screenshot("crosscheck-date-missing");
            ((JavascriptExecutor) browser.driver).executeScript("arguments[0].value = arguments[1];",
                    browser.driver.findElement(By.id("asOf")), LocalDate.now().minusDays(2).toString());
            browser.click(By.id("send"));
            browser.waitUntil(driver -> driver.findElement(By.id("result")).getText().contains("已导入 1 行") ? true : null);
            assertThat(browser.driver.findElement(By.id("error-asOf")).getText()).isEmpty();
            assertThat(browser.pageText()).contains("车辆登记 / Vehicle registrations").doesNotContain(owner);
            browser.screenshot("crosscheck-list-loaded");
            tasklist.logout();

            // the household applies; group and village approve (as in Tasklist, here through the engine)
            String applicationNo = as(identity, "clerk." + VILLAGE, () -> starter.apply(form, "clerk." + VILLAGE))
                    .household().getApplicationNo();
            CaseFlows flows = new CaseFlows(rest, identity, tasks, runtime, management, objections);
            flows.complete("clerk." + VILLAGE, applicationNo, "groupEvaluation", Map.of("meetingDate",
                    new java.util.Date(), "attendees", 30L, "votesFor", 25L, "groupMinutes", "第二村民小组会议"));
            flows.complete("village." + VILLAGE, applicationNo, "villageReview",
                    Map.of("villageDecision", "approve", "villageNoticeDate", new java.util.Date()));
            Task review = tasks.createTaskQuery().processInstanceBusinessKey(applicationNo)
                    .taskDefinitionKey("townshipReview").singleResult();

            tasklist.login("tasklist", TOWNSHIP, "demo");
            tasklist.openTask(review.getId());
            tasklist.claim();
            browser.waitFor(By.cssSelector(".fjs-form"));
            browser.waitUntil(driver -> browser.pageText().contains("新G·C2468") ? true : null);
            assertThat(browser.pageText()).contains("托里县公安局交警大队").contains(form.members().get(1).name())
                    .doesNotContain(owner);
            browser.screenshot("township-review-with-a-hit");

            // approving with the hit open is refused, and Tasklist says why
            tasklist.check("已入户核实 / Household visited");
            tasklist.radio("同意 / Approve");
            tasklist.complete();
            browser.waitUntil(driver -> browser.pageText().contains("still unresolved") ? true : null);
            browser.screenshot("township-approval-refused");
            assertThat(tasks.createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);
            // the official closes the message (it lies over the form's buttons)
            Object closers = ((JavascriptExecutor) browser.driver).executeScript("""
                    const closers = document.querySelectorAll('.page-notifications [ng-click*="remove"], .page-notifications .close');
                    closers.forEach((c) => c.click());
                    return closers.length;""");
            assertThat(((Number) closers).intValue()).as("the message's close button").isPositive();
            browser.waitUntil(driver -> driver.findElement(By.cssSelector(".page-notifications")).getText()
                    .contains("Please correct") ? null : true);

            tasklist.radio("不属实或不影响，排除 / Dismissed");
            tasklist.fill("命中 1 的理由（排除时必填） / Reason for hit 1 (required when dismissing)",
                    "车辆已于去年过户，见车管所证明 / sold last year");
            browser.screenshot("township-hit-dismissed");
            tasklist.complete();
            browser.waitUntil(driver -> tasks.createTaskQuery().taskId(review.getId()).count() == 0);
            tasklist.logout();

            long householdId = households.get(applicationNo).getId();
            assertThat(hits.of(householdId, false)).singleElement().satisfies(hit -> {
                assertThat(hit.status()).isEqualTo(Hit.Status.DISMISSED);
                assertThat(hit.resolvedBy()).isEqualTo(TOWNSHIP);
                assertThat(hit.reason()).contains("sold last year");
            });
        } finally {
            Files.deleteIfExists(list);
        }
    }
}
