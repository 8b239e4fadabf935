package org.precisionaid.crosscheck;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Starts the re-check (process {@code crossCheck}, issue #23 item 3) for registered or monitored households with new
 * hits: one open re-check a household (its application number is the business key); new hits of a household whose
 * re-check is still open wait for the next one. Started by the server inside the upload's transaction, after the
 * controller checked the county office; the case's subject and region are the registry's, never a caller's.
 */
@Service
public class Recheck {

    public static final String PROCESS_KEY = "crossCheck";

    private final RuntimeService runtime;
    private final JdbcTemplate jdbc;

    public Recheck(RuntimeService runtime, JdbcTemplate jdbc) {
        this.runtime = runtime;
        this.jdbc = jdbc;
    }

    public int start(List<Long> householdIds, String actor) {
        int started = 0;
        for (long householdId : householdIds) {
            var row = jdbc.queryForMap("select application_no, village_code from household where id = ?", householdId);
            String applicationNo = (String) row.get("application_no");
            if (runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                    .processInstanceBusinessKey(applicationNo).count() > 0) {
                continue;
            }
            runtime.createProcessInstanceByKey(PROCESS_KEY).businessKey(applicationNo)
                    .setVariables(Variables.createVariables().putValue("householdId", householdId)
                            .putValue("regionCode", row.get("village_code")).putValue("recheckStartedBy", actor))
                    .execute();
            started++;
        }
        return started;
    }
}
