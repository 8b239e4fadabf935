package org.precisionaid.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.precisionaid.registry.HouseholdRepository;
import org.precisionaid.support.Applications;
import org.precisionaid.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The village clerk applies for a household through the Tasklist start form. */
@IntegrationTest
class ClerkJourneyBrowserIT {

    @LocalServerPort int port;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired HouseholdRepository households;

    @Test
    void theClerkStartsAnApplicationThroughItsStartForm() {
        try (Browser browser = new Browser("http://localhost:" + port, "clerk-applies")) {
            Tasklist tasklist = new Tasklist(browser);
            tasklist.login("tasklist", "clerk.654224101201", "demo");
            openStartForm(tasklist);
            browser.screenshot("start-form");
            fillHousehold(tasklist, Applications.idNumber("19760304", true));
            browser.screenshot("start-form-filled");
            long before = households.count();
            tasklist.submitStartForm();
            browser.waitUntil(driver -> households.count() > before);
            browser.screenshot("started");
            assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("identification").active().list())
                    .anySatisfy(instance -> assertThat(instance.getBusinessKey()).startsWith("SQ-"));
            assertThat(tasks.createTaskQuery().taskDefinitionKey("groupEvaluation").taskCandidateGroup("clerk-654224101201")
                    .count()).isPositive();
        }
    }

    @Test
    void anInvalidIdNumberInTheStartFormShowsAClearMessage() {
        try (Browser browser = new Browser("http://localhost:" + port, "clerk-bad-id")) {
            Tasklist tasklist = new Tasklist(browser);
            tasklist.login("tasklist", "clerk.654224101201", "demo");
            openStartForm(tasklist);
            fillHousehold(tasklist, "654224197603040011");
            long before = households.count();
            tasklist.submitStartForm();
            String message = browser.waitUntil(driver -> {
                String text = browser.pageText();
                return text.contains("check character") ? text : null;
            });
            ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
                    "document.querySelectorAll('.modal, .modal-body').forEach(function (e) { e.scrollTop = 0; });");
            browser.screenshot("error-shown");
            assertThat(message).contains("户主 / Head: idNumber");
            assertThat(households.count()).isEqualTo(before);
        }
    }

    private static void openStartForm(Tasklist tasklist) {
        tasklist.startProcess("贫困户识别");
    }

    private static void fillHousehold(Tasklist form, String headIdNumber) {
        form.fill("村代码 / Village code", "654224101201");
        form.fill("村民小组 / Village group", "第二村民小组");
        form.fill("收入年度 / Income year", "2026");
        form.fill("工资性收入 / Wages", "3000");
        form.fill("转移性收入 / Transfer income", "1200");
        form.choose("住房安全 / Housing safety", "C级危房");
        form.choose("饮水安全 / Drinking water", "安全 / Safe");
        form.choose("主要致贫原因 / Main cause", "因病 / Illness");
        // one member: the further member slots stay hidden
        form.fill("姓名 / Name", "马玉兰");
        form.fill("身份证号 / Resident ID number", headIdNumber);
        form.choose("健康状况 / Health", "大病");
        form.choose("文化程度 / Education", "小学");
        form.choose("劳动能力 / Labour capacity", "弱劳动力");
    }
}
