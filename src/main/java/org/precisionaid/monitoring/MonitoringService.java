package org.precisionaid.monitoring;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.precisionaid.monitoring.MonitoringCase.Channel;
import org.precisionaid.procedure.Deadlines;
import org.precisionaid.registry.ApplicationForm;
import org.precisionaid.registry.Codes.Level;
import org.precisionaid.registry.Codes.Status;
import org.precisionaid.registry.Household;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.web.ConflictException;
import org.precisionaid.web.FieldRuleException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry side of return-to-poverty monitoring: cases opened, decided, supported, visited and closed. Every
 * decision is also kept with the household's decisions (level MONITORING), so the registry answers "who decided
 * what" without the engine's history.
 */
@Service
@Transactional
public class MonitoringService {

    public static final String PROCESS_KEY = "monitoring";

    private final MonitoringCaseRepository cases;
    private final MonitoringReportRepository reports;
    private final HouseholdService households;
    private final Deadlines deadlines;
    private final Clock clock;

    public MonitoringService(MonitoringCaseRepository cases, MonitoringReportRepository reports,
            HouseholdService households, Deadlines deadlines, Clock clock) {
        this.cases = cases;
        this.reports = reports;
        this.households = households;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /**
     * Opens a case for a household of the registry (registered, exited, or never registered and entered for
     * monitoring). A household with an open case is refused naming it (409); the database's unique open household
     * keeps two concurrent reports from both opening one.
     */
    public MonitoringCase open(long householdId, Channel channel, Long reportId, String report, String actor) {
        Household household = households.get(householdId);
        if (household.getStatus() != Status.REGISTERED && household.getStatus() != Status.EXITED
                && household.getStatus() != Status.MONITORED) {
            throw FieldRuleException.invalid(Map.of("applicationNo", household.getApplicationNo() + " is "
                    + household.getStatus().label() + "; monitoring takes a registered, exited or monitored household"));
        }
        cases.findByOpenHouseholdId(householdId).ifPresent(open -> {
            throw new ConflictException("applicationNo: household " + household.getApplicationNo()
                    + " already has the open monitoring case " + open.getCaseNo() + " (" + open.getStatus() + ")");
        });
        Instant now = clock.instant();
        MonitoringCase opened = new MonitoringCase(householdId, household.getVillageCode(), channel, reportId,
                report == null ? null : shorten(report), actor, now,
                now.plus(deadlines.of(PROCESS_KEY, "decision")));
        try {
            cases.saveAndFlush(opened);
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("applicationNo: household " + household.getApplicationNo()
                    + " already has an open monitoring case");
        }
        opened.number(now.atZone(clock.getZone()).getYear());
        households.note(householdId, Level.MONITORING, "monitoring case opened",
                opened.getCaseNo() + " · " + channel, actor);
        return opened;
    }

    /** The household's open monitoring case, if it has one (a later report opens a new case only after it ends). */
    @org.springframework.transaction.annotation.Transactional(readOnly = true)
    public java.util.Optional<MonitoringCase> openCaseOf(long householdId) {
        return cases.findByOpenHouseholdId(householdId);
    }

    /** A household never registered: validated as an application, entered with status MONITORED, case opened. */
    public MonitoringCase openForNewHousehold(ApplicationForm household, Channel channel, String report, String actor) {
        Household entered = households.submitMonitored(household, actor);
        return open(entered.getId(), channel, null, report, actor);
    }

    /** A villager's report from the public page, kept with its phone; the case starts without a household. */
    public MonitoringReport report(String villageCode, String name, String phone, String whatHappened) {
        return reports.save(new MonitoringReport(villageCode, name, phone, whatHappened, clock.instant()));
    }

    public String reportNo(MonitoringReport report) {
        return report.number(clock.getZone());
    }

    public void checked(long caseId, String category, boolean noLabourCapacity, String actor) {
        MonitoringCase monitoringCase = get(caseId);
        monitoringCase.checked(category, noLabourCapacity);
        households.note(monitoringCase.getHouseholdId(), Level.MONITORING, "household checked", category, actor);
    }

    public void note(long caseId, String decision, String reason, String actor) {
        households.note(get(caseId).getHouseholdId(), Level.MONITORING, decision, reason, actor);
    }

    public void publishNotice(long caseId, Instant ends, String actor) {
        MonitoringCase monitoringCase = get(caseId);
        monitoringCase.onNotice(ends);
        households.note(monitoringCase.getHouseholdId(), Level.ANNOUNCEMENT, "monitoring notice published",
                "until " + ends, actor);
    }

    public void identified(long caseId, String actor) {
        MonitoringCase monitoringCase = get(caseId);
        monitoringCase.identified(actor, clock.instant());
        households.monitor(monitoringCase.getHouseholdId(), true, monitoringCase.getCaseNo() + " · "
                + monitoringCase.getCategory(), actor);
    }

    public void rejected(long caseId, String level, String reason, String actor) {
        MonitoringCase monitoringCase = get(caseId);
        monitoringCase.rejected(level, reason, actor, clock.instant());
        households.note(monitoringCase.getHouseholdId(), Level.MONITORING, "not a monitoring subject",
                level + ": " + reason, actor);
    }

    public void plan(long caseId, List<String> kinds, String measures, String actor) {
        MonitoringCase monitoringCase = get(caseId);
        monitoringCase.plan(String.join(",", kinds), measures);
        households.note(monitoringCase.getHouseholdId(), Level.MONITORING, "support plan",
                String.join(",", kinds) + ": " + measures, actor);
    }

    /** Records a follow-up visit; returns the whole months the income has stayed above the line up to its date. */
    public long visited(long caseId, LocalDate date, boolean incomeAboveLine, String notes, String actor) {
        MonitoringCase monitoringCase = get(caseId);
        monitoringCase.visited(date, incomeAboveLine);
        households.note(monitoringCase.getHouseholdId(), Level.MONITORING, "follow-up visit " + date,
                (incomeAboveLine ? "income above the line · " : "income not above the line · ") + notes, actor);
        return monitoringCase.getStableSince() == null ? 0
                : ChronoUnit.MONTHS.between(monitoringCase.getStableSince(), date);
    }

    public void eliminationProposed(long caseId, String actor) {
        MonitoringCase monitoringCase = get(caseId);
        monitoringCase.eliminationProposed();
        households.note(monitoringCase.getHouseholdId(), Level.MONITORING, "risk elimination proposed", null, actor);
    }

    public void eliminationRefused(long caseId, String level, String reason, String actor) {
        MonitoringCase monitoringCase = get(caseId);
        monitoringCase.eliminationRefused(level, reason, actor);
        households.note(monitoringCase.getHouseholdId(), Level.MONITORING, "risk elimination refused",
                level + ": " + reason, actor);
    }

    public void eliminated(long caseId, String actor) {
        MonitoringCase monitoringCase = get(caseId);
        monitoringCase.eliminated(actor, clock.instant());
        households.monitor(monitoringCase.getHouseholdId(), false, "风险消除 / risk eliminated · "
                + monitoringCase.getCaseNo(), actor);
    }

    /** The case was not decided within its time limit: flagged for township and county. False if decided already. */
    public boolean flagOverdue(long caseId) {
        MonitoringCase monitoringCase = get(caseId);
        if (monitoringCase.getStatus() != MonitoringCase.State.REPORTED) {
            return false;
        }
        monitoringCase.flagOverdue();
        return true;
    }

    @Transactional(readOnly = true)
    public MonitoringCase get(long caseId) {
        return cases.findById(caseId).orElseThrow(() -> new IllegalStateException("no monitoring case " + caseId));
    }

    @Transactional(readOnly = true)
    public java.util.Optional<MonitoringCase> find(String caseNo) {
        return cases.findByCaseNo(caseNo);
    }

    @Transactional(readOnly = true)
    public java.util.Optional<MonitoringReport> reportOf(MonitoringCase monitoringCase) {
        return monitoringCase.getReportId() == null ? java.util.Optional.empty()
                : reports.findById(monitoringCase.getReportId());
    }

    @Transactional(readOnly = true)
    public java.util.Optional<MonitoringReport> report(long reportId) {
        return reports.findById(reportId);
    }

    private static String shorten(String text) {
        String trimmed = text.trim();
        return trimmed.length() > 1000 ? trimmed.substring(0, 1000) : trimmed;
    }
}
