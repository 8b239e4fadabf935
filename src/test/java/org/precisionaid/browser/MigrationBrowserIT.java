package org.precisionaid.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.precisionaid.procedure.ObjectionService;
import org.precisionaid.support.Applications;
import org.precisionaid.support.CaseFlows;
import org.precisionaid.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The administrator, logged in to Cockpit, moves a case of identification to a newly deployed version on the
 * migration page: he finds the earlier version with its case, validates the plan, runs it and sees the batch finish.
 * The new version is this class's own and is deleted afterwards.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MigrationBrowserIT {

    @LocalServerPort int port;
    @Autowired TestRestTemplate rest;
    @Autowired IdentityService identity;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired RepositoryService repository;
    @Autowired ObjectionService objections;

    String applicationNo;
    int sourceVersion;
    String deploymentId;
    final List<String> batches = new ArrayList<>();

    @BeforeAll
    void aCaseThenANewVersion() throws IOException {
        applicationNo = new CaseFlows(rest, identity, tasks, runtime, management, objections)
                .applyOverRest(Applications.VILLAGE, 31_101);
        sourceVersion = repository.createProcessDefinitionQuery().processDefinitionKey("identification")
                .latestVersion().singleResult().getVersion();
        try (InputStream model = getClass().getResourceAsStream("/bpmn/identification.bpmn")) {
            deploymentId = repository.createDeployment().name("migration-journey-identification")
                    .addString("identification.bpmn", new String(model.readAllBytes(), StandardCharsets.UTF_8))
                    .deploy().getId();
        }
    }

    @AfterAll
    void removeTheNewVersion() {
        management.createBatchQuery().type(Batch.TYPE_PROCESS_INSTANCE_MIGRATION).listPage(0, 100).stream()
                .filter(batch -> batches.contains(batch.getId())).forEach(batch -> management.deleteBatch(batch.getId(), true));
        if (deploymentId != null) {
            repository.deleteDeployment(deploymentId, true, true, true);
        }
    }

    @Test
    void theAdministratorValidatesAndRunsAMigrationOnThePage() {
        try (Browser browser = new Browser("http://localhost:" + port, "migration", "zh-CN")) {
            new Tasklist(browser).login("cockpit", "admin", "test-admin-password");
            browser.open("/admin/migration/index.html");
            By migrate = By.cssSelector("button[data-process='identification'][data-version='" + sourceVersion + "']");
            browser.waitFor(migrate);
            assertThat(browser.pageText()).contains("运行中的案件 / Running cases").contains("小组评议 / Group evaluation");
            browser.screenshot("migration-running-cases");

            browser.click(migrate);
            browser.type(By.id("businessKeys"), applicationNo);
            browser.click(By.id("validate"));
            browser.waitUntil(d -> d.findElement(By.id("verdict")).getText().contains("计划有效 / The engine accepts"));
            assertThat(browser.driver.findElement(By.id("verdict")).getText()).contains("1");
            assertThat(browser.driver.findElements(By.cssSelector("#instructions tbody tr")).size()).isGreaterThan(5);
            browser.screenshot("migration-validated");

            browser.waitForClickable(By.id("run"));
            browser.click(By.id("run"));
            browser.waitUntil(d -> d.findElement(By.id("verdict")).getText().contains("批次已开始 / Batch started"));
            Batch batch = management.createBatchQuery().type(Batch.TYPE_PROCESS_INSTANCE_MIGRATION).listPage(0, 100)
                    .stream().reduce((first, last) -> last).orElseThrow();
            batches.add(batch.getId());
            browser.screenshot("migration-started");

            // the job executor's work (off in tests): the seed job, the case's job, the monitor
            for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
                    batch.getMonitorJobDefinitionId())) {
                management.createJobQuery().jobDefinitionId(definition).list()
                        .forEach(job -> management.executeJob(job.getId()));
            }
            browser.click(By.id("refresh"));
            browser.waitUntil(d -> d.findElement(By.id("batches")).getText().contains(batch.getId())
                    && d.findElement(By.id("batches")).getText().contains("已完成 / finished"));
            browser.screenshot("migration-finished");
        }
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(applicationNo).singleResult()
                .getProcessDefinitionId()).isEqualTo(repository.createProcessDefinitionQuery()
                .deploymentId(deploymentId).singleResult().getId());
    }
}
