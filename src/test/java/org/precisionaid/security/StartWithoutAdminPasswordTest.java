package org.precisionaid.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.precisionaid.PrecisionAidApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

class StartWithoutAdminPasswordTest {

    @Test
    void theApplicationRefusesToStartWithoutAnAdministratorPassword() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(PrecisionAidApplication.class)
                // command-line arguments outrank application.yaml (whose H2 file is the visitor's ./data)
                .run("--spring.datasource.url=jdbc:h2:mem:no-admin-password",
                        "--precision-aid.admin.password=",
                        "--precision-aid.demo=false",
                        "--camunda.bpm.process-engine-name=no-admin",
                        "--camunda.bpm.job-execution.enabled=false",
                        "--server.port=0"))
                .rootCause()
                .hasMessageContaining("PA_ADMIN_PASSWORD is not set");
    }
}
