package org.precisionaid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.precisionaid.support.Officials.as;

import java.nio.file.Path;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.precisionaid.identification.IdentificationStarter;
import org.precisionaid.registry.HouseholdRepository;
import org.precisionaid.support.Applications;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The default H2 file database keeps the demo and the work of a day across a restart, and a restart deploys no new
 * versions of unchanged models. The application runs twice on one file, under its own engine name so the shared
 * test application of this JVM keeps its own engine.
 */
class RestartSurvivalTest {

    static final String VILLAGE = "654225101209"; // 毕替库勒村, 吉也克镇 Jiyeke town, Yumin county

    @Test
    void theDemoAndAStartedCaseSurviveARestartWithoutNewModelVersions(@TempDir Path data) {
        String applicationNo;
        long definitions;
        long users;
        try (ConfigurableApplicationContext first = start(data)) {
            String clerk = "clerk." + VILLAGE;
            IdentificationStarter starter = first.getBean(IdentificationStarter.class);
            applicationNo = as(first.getBean(IdentityService.class), clerk,
                    () -> starter.apply(Applications.eligible(VILLAGE, 9201L), clerk)).household().getApplicationNo();
            definitions = first.getBean(RepositoryService.class).createProcessDefinitionQuery().count();
            users = first.getBean(IdentityService.class).createUserQuery().count();
            assertThat(users).isGreaterThan(50);
        }
        try (ConfigurableApplicationContext second = start(data)) {
            assertThat(second.getBean(HouseholdRepository.class).findByApplicationNo(applicationNo)).isPresent();
            assertThat(second.getBean(RuntimeService.class).createProcessInstanceQuery()
                    .processInstanceBusinessKey(applicationNo).count()).isEqualTo(1);
            assertThat(second.getBean(TaskService.class).createTaskQuery().processInstanceBusinessKey(applicationNo)
                    .taskDefinitionKey("groupEvaluation").count()).isEqualTo(1);
            assertThat(second.getBean(IdentityService.class).createUserQuery().count()).isEqualTo(users);
            assertThat(second.getBean(IdentityService.class).checkPassword("clerk." + VILLAGE, "demo")).isTrue();
            assertThat(second.getBean(RepositoryService.class).createProcessDefinitionQuery().count())
                    .as("definitions after a restart").isEqualTo(definitions);
        }
    }

    private static ConfigurableApplicationContext start(Path data) {
        // command-line arguments: they outrank application.yaml, whose H2 file is the visitor's ./data
        return new SpringApplicationBuilder(PrecisionAidApplication.class).profiles("demo").run(
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("precision-aid") + ";AUTO_SERVER=FALSE",
                "--camunda.bpm.process-engine-name=restart",
                "--camunda.bpm.job-execution.enabled=false",
                "--precision-aid.security.password-hash-iterations=1000",
                "--server.port=0");
    }
}
