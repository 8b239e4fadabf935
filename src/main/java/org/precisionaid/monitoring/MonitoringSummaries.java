package org.precisionaid.monitoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.precisionaid.registry.Household;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.registry.PhoneNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** What the officials' forms show at the top, and the households a clerk may choose; no ID number, no phone. */
@Component
public class MonitoringSummaries {

    static final int MAX_OPTIONS = 500;

    private final HouseholdService households;
    private final MonitoringService monitoring;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public MonitoringSummaries(HouseholdService households, MonitoringService monitoring, JdbcTemplate jdbc,
            ObjectMapper json) {
        this.households = households;
        this.monitoring = monitoring;
        this.jdbc = jdbc;
        this.json = json;
    }

    String of(long caseId) {
        MonitoringCase monitoringCase = monitoring.get(caseId);
        Household household = households.get(monitoringCase.getHouseholdId());
        String head = household.head() == null ? "?" : household.head().getName();
        return "**监测案件 / Case:** " + monitoringCase.getCaseNo() + " · **户主 / Head:** " + head
                + " · **人口 / Members:** " + household.getMembers().size() + " · **户号 / Household:** "
                + household.getApplicationNo() + " · **渠道 / Channel:** " + monitoringCase.getChannel()
                + (monitoringCase.getCategory() == null ? "" : " · **类别 / Category:** " + monitoringCase.getCategory())
                + (monitoringCase.isOverdue() ? " · **已超期 / OVERDUE**" : "")
                + (monitoringCase.getReport() == null ? "" : "\n\n**线索 / Report:** " + monitoringCase.getReport());
    }

    /** The public report as the clerk reads it in his task: the phone masked (the whole number stays in the registry). */
    String ofReport(long reportId) {
        Optional<MonitoringReport> report = monitoring.report(reportId);
        return report.map(r -> "**农户自主申报 / The household's own report** · **姓名 / Name:** " + r.getReporterName()
                + " · **电话 / Phone:** " + PhoneNumber.mask(r.getPhone()) + " (全号存于申报记录 / the full number is kept with report "
                + r.getId() + ")\n\n" + r.getWhatHappened()).orElse("");
    }

    /** The village's households a case may be opened for: registered, exited or monitored, without an open case. */
    JsonValue options(String villageCode) {
        List<Map<String, String>> options = new ArrayList<>();
        jdbc.query("select h.application_no, m.name from household h join household_member m on m.household_id = h.id"
                + " and m.relation = 'HEAD' where h.village_code = ? and h.status in ('REGISTERED', 'EXITED', 'MONITORED')"
                + " and not exists (select 1 from monitoring_case c where c.open_household_id = h.id)"
                + " order by h.id fetch first " + MAX_OPTIONS + " rows only", row -> {
                    options.add(Map.of("label", row.getString(2) + " · " + row.getString(1), "value", row.getString(1)));
                }, villageCode);
        try {
            return SpinValues.jsonValue(json.writeValueAsString(options)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The user of the household's responsible cadre today, if it has one (registered and exited households). */
    Optional<String> cadreUser(long householdId) {
        return jdbc.queryForList("select c.user_id from file_card f join cadre c on c.id = f.cadre_id"
                + " where f.household_id = ? and c.user_id is not null"
                + " and (f.pairing_ends is null or f.pairing_ends > current_date)", String.class, householdId)
                .stream().findFirst();
    }
}
