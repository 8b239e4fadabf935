package org.precisionaid.monitoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.camunda.bpm.engine.IdentityService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.precisionaid.monitoring.MonitoringAlert.Department;
import org.precisionaid.monitoring.MonitoringAlert.Kind;
import org.precisionaid.monitoring.MonitoringCase.Channel;
import org.precisionaid.procedure.EngineCalls;
import org.precisionaid.procedure.CellErrors;
import org.precisionaid.procedure.Workbooks;
import org.precisionaid.region.Region;
import org.precisionaid.registry.HouseholdImportException.CellError;
import org.precisionaid.registry.ResidentId;
import org.precisionaid.web.ConflictException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A department's alert list, uploaded by a county office (部门预警): every row checked first — ID number, kind, amount,
 * date — and a file with any malformed row starts nothing (400 naming row and column). A clean file is matched by ID
 * number against the members of the county's registered, exited and monitored households; each matching household
 * gets a case with channel DEPARTMENT through {@link MonitoringStarter#openUnlessOpen} (one open case a household: an
 * alert about a household with an open case is attached to that case), and the alert is recorded with its case. Cases
 * start in chunks of one transaction each (like the year's assessment, ADR 0011), so 10,000 rows are not one giant
 * transaction; a chunk that meets a case opened at the same moment by another path is rolled back and done again.
 * Rows naming nobody of the county are answered "unmatched", whether or not the person lives elsewhere. The cases are
 * started by the server (as the year's assessment starts its cases): the controller checked that the caller is the
 * county's office, who is recorded as each case's opener and each alert's importer.
 */
@Service
public class MonitoringAlertImport {

    private static final int ID_QUERY_CHUNK = 500;
    private static final int CLEAR_EVERY = 50;
    private static final int ATTEMPTS = 3;
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ofPattern("uuuu-M-d"),
            DateTimeFormatter.ofPattern("uuuu/M/d"), DateTimeFormatter.ofPattern("uuuu.M.d"),
            DateTimeFormatter.ofPattern("uuuuMMdd"), DateTimeFormatter.ofPattern("M/d/uu"),
            DateTimeFormatter.ofPattern("M/d/uuuu"));

    private final MonitoringStarter starter;
    private final MonitoringService monitoring;
    private final MonitoringAlertRepository alerts;
    private final IdentityService identity;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int chunkSize;
    @PersistenceContext
    private EntityManager entities;

    public MonitoringAlertImport(MonitoringStarter starter, MonitoringService monitoring,
            MonitoringAlertRepository alerts, IdentityService identity, JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock,
            @Value("${precision-aid.monitoring.alert-chunk-size:200}") int chunkSize) {
        this.starter = starter;
        this.monitoring = monitoring;
        this.alerts = alerts;
        this.identity = identity;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.chunkSize = Math.max(1, chunkSize);
    }

    /** What became of the file's rows, each list in row order. */
    public record Result(int rows, int startedCount, int alreadyOpenCount, int unmatchedCount, int duplicateCount,
                         List<RowOutcome> started, List<RowOutcome> alreadyOpen, List<RowOutcome> unmatched,
                         List<RowOutcome> duplicate) {
    }

    /** One row of the file: its Excel row number and the case it opened or joined, or why it did neither. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RowOutcome(int row, String caseNo, String note) {
    }

    private record Alert(int row, String idNumber, Kind kind, BigDecimal amount, LocalDate date) {
    }

    private record Matched(Alert alert, long householdId) {
    }

    /** What a matched row did: opened its household's case, or joined the one open. */
    private record Done(boolean opened, RowOutcome outcome) {
    }

    /** Imports the list for the county office of {@code county}; {@code actor} is the official. */
    public Result importXlsx(byte[] bytes, Department department, Region county, String actor) {
        Errors errors = new Errors();
        if (bytes.length > AlertSheet.MAX_BYTES) {
            errors.file("文件过大 / the file has " + bytes.length + " bytes, at most " + AlertSheet.MAX_BYTES
                    + " are accepted");
            throw errors.exception();
        }
        Workbooks.Read read = Workbooks.read(bytes, Set.of(AlertSheet.ALERTS), AlertSheet.MAX_ROWS,
                "行数过多 / more than " + AlertSheet.MAX_ROWS + " rows in one file; split it into several files");
        read.fileErrors().forEach(errors::file);
        if (errors.any()) {
            throw errors.exception();
        }
        List<Workbooks.SheetRow> rows = new ArrayList<>(read.sheets().get(AlertSheet.ALERTS));
        Workbooks.takeHeader(rows, AlertSheet.HEADERS).forEach((column, rule) -> errors.add(1, column, rule));
        if (rows.isEmpty() && !errors.any()) {
            errors.file("没有预警 / the file holds no alert row");
        }
        LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai")));
        List<Alert> parsed = new ArrayList<>();
        for (Workbooks.SheetRow row : rows) {
            Alert alert = parse(row, today, errors);
            if (alert != null) {
                parsed.add(alert);
            }
        }
        if (errors.any()) {
            throw errors.exception();
        }

        List<RowOutcome> duplicate = new ArrayList<>();
        Map<String, Alert> first = new LinkedHashMap<>();
        for (Alert alert : parsed) {
            Alert earlier = first.putIfAbsent(alert.idNumber(), alert);
            if (earlier != null) {
                duplicate.add(new RowOutcome(alert.row(), null,
                        "与第 " + earlier.row() + " 行身份证号相同 / the same ID number as row " + earlier.row()));
            }
        }
        Map<String, Long> households = householdsOf(new ArrayList<>(first.keySet()), county);
        List<RowOutcome> unmatched = new ArrayList<>();
        List<Matched> matched = new ArrayList<>();
        for (Alert alert : first.values()) {
            Long household = households.get(alert.idNumber());
            if (household == null) {
                unmatched.add(new RowOutcome(alert.row(), null, "不是本县已建档、已脱贫或监测农户的成员 / not a member of a "
                        + "registered, exited or monitored household of " + county.getNameZh() + " / " + county.getNameEn()));
            } else {
                matched.add(new Matched(alert, household));
            }
        }

        List<RowOutcome> started = new ArrayList<>();
        List<RowOutcome> alreadyOpen = new ArrayList<>();
        for (int from = 0; from < matched.size(); from += chunkSize) {
            List<Matched> chunk = matched.subList(from, Math.min(matched.size(), from + chunkSize));
            // the office may not start monitoring cases in Tasklist (only a village clerk does): the server starts them,
            // as the year's assessment does, after the controller's check; the office is the case's opened_by
            List<Done> done = EngineCalls.withoutAuthorization(identity, () -> startChunk(chunk, department, actor));
            for (Done d : done) {
                (d.opened() ? started : alreadyOpen).add(d.outcome());
            }
        }
        Comparator<RowOutcome> byRow = Comparator.comparingInt(RowOutcome::row);
        unmatched.sort(byRow);
        alreadyOpen.sort(byRow);
        return new Result(parsed.size(), started.size(), alreadyOpen.size(), unmatched.size(), duplicate.size(),
                started, alreadyOpen, unmatched, duplicate);
    }

    /**
     * One chunk in one transaction with the engine. A case opened at the same moment for one of its households (by a
     * clerk, the public page, the assessment) makes the database refuse the second open case; the chunk rolls back and
     * runs again, and that household's alert is then attached to the other case.
     */
    private List<Done> startChunk(List<Matched> chunk, Department department, String actor) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> {
                    Instant now = clock.instant();
                    List<Done> outcomes = new ArrayList<>();
                    for (Matched m : chunk) {
                        Alert a = m.alert();
                        var opened = starter.openUnlessOpen(m.householdId(), Channel.DEPARTMENT,
                                report(department, a), actor);
                        MonitoringCase monitoringCase = opened.map(MonitoringStarter.Started::monitoringCase)
                                .orElseGet(() -> monitoring.openCaseOf(m.householdId()).orElseThrow());
                        if (opened.isEmpty()) {
                            monitoring.note(monitoringCase.getId(), "department alert attached",
                                    report(department, a), actor);
                        }
                        alerts.save(new MonitoringAlert(monitoringCase.getId(), department, a.kind(), a.amount(),
                                a.date(), opened.isPresent(), a.row(), actor, now));
                        RowOutcome outcome = new RowOutcome(a.row(), monitoringCase.getCaseNo(),
                                opened.isPresent() ? null : "已有未结案件，预警已附加 / a case is open already; the alert "
                                        + "is attached to it");
                        outcomes.add(new Done(opened.isPresent(), outcome));
                        if (outcomes.size() % CLEAR_EVERY == 0) {
                            entities.flush();
                            entities.clear(); // keeps each flush's dirty check small
                        }
                    }
                    return outcomes;
                });
            } catch (ConflictException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** What the clerk reads on the case: department, kind, amount and date; never the ID number. */
    private static String report(Department department, Alert alert) {
        return "部门预警 / Department alert: " + department.label() + " · " + alert.kind().label()
                + (alert.amount() == null ? "" : " · " + alert.amount().toPlainString() + " 元 / yuan") + " · "
                + alert.date();
    }

    /** ID number → household, for members of the county's registered, exited or monitored households. */
    private Map<String, Long> householdsOf(List<String> ids, Region county) {
        String prefix = county.getCode().substring(0, 6);
        String low = prefix + "000000";
        String high = prefix + "999999";
        Map<String, Long> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += ID_QUERY_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + ID_QUERY_CHUNK));
            String marks = String.join(",", chunk.stream().map(id -> "?").toList());
            List<Object> args = new ArrayList<>(chunk);
            args.add(low);
            args.add(high);
            jdbc.query("select m.id_number, h.id from household_member m join household h on h.id = m.household_id"
                    + " where m.id_number in (" + marks + ") and h.village_code between ? and ?"
                    + " and h.status in ('REGISTERED', 'EXITED', 'MONITORED') order by h.id", rs -> {
                        found.putIfAbsent(rs.getString(1), rs.getLong(2));
                    }, args.toArray());
        }
        return found;
    }

    // ---- checking one row ------------------------------------------------------------------------------------

    private static Alert parse(Workbooks.SheetRow row, LocalDate today, Errors errors) {
        int before = errors.size();
        String idText = row.get(AlertSheet.ID_NUMBER);
        String idNumber = null;
        if (idText == null) {
            errors.add(row.row(), AlertSheet.ID_NUMBER, "必填 / is required");
        } else {
            ResidentId.Result id = ResidentId.parse(idText, today);
            if (id.error() != null) {
                errors.add(row.row(), AlertSheet.ID_NUMBER, id.error());
            } else {
                idNumber = id.id().orElseThrow().value();
            }
        }
        String kindText = row.get(AlertSheet.KIND);
        Kind kind = null;
        if (kindText == null) {
            errors.add(row.row(), AlertSheet.KIND, "必填 / is required");
        } else {
            kind = Kind.of(kindText).orElse(null);
            if (kind == null) {
                errors.add(row.row(), AlertSheet.KIND, "'" + shorten(kindText) + "' 不是可选值 / is not a kind of alert; "
                        + "one of " + String.join(", ", java.util.Arrays.stream(Kind.values()).map(Kind::label).toList()));
            }
        }
        BigDecimal amount = amount(row, errors);
        LocalDate date = date(row, today, errors);
        return errors.size() > before ? null : new Alert(row.row(), idNumber, kind, amount, date);
    }

    private static BigDecimal amount(Workbooks.SheetRow row, Errors errors) {
        String text = row.get(AlertSheet.AMOUNT);
        if (text == null) {
            return null;
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(text.replace(",", "").replace("¥", "").replace("￥", "").trim());
        } catch (NumberFormatException e) {
            errors.add(row.row(), AlertSheet.AMOUNT, "须为数字（元）/ must be an amount in yuan such as 35000 or 35000.50");
            return null;
        }
        if (amount.signum() < 0) {
            errors.add(row.row(), AlertSheet.AMOUNT, "不能为负数 / must not be negative");
        } else if (amount.compareTo(MAX_AMOUNT) > 0) {
            errors.add(row.row(), AlertSheet.AMOUNT, "金额过大 / must be at most " + MAX_AMOUNT.toPlainString());
        } else if (amount.stripTrailingZeros().scale() > 2) {
            errors.add(row.row(), AlertSheet.AMOUNT, "最多两位小数 / at most two decimals (fen)");
        } else {
            return amount.setScale(2, java.math.RoundingMode.UNNECESSARY);
        }
        return null;
    }

    private static LocalDate date(Workbooks.SheetRow row, LocalDate today, Errors errors) {
        String text = row.get(AlertSheet.DATE);
        if (text == null) {
            errors.add(row.row(), AlertSheet.DATE, "必填 / is required");
            return null;
        }
        for (DateTimeFormatter format : DATES) {
            try {
                LocalDate date = LocalDate.parse(text, format.withResolverStyle(java.time.format.ResolverStyle.STRICT));
                if (date.isAfter(today)) {
                    errors.add(row.row(), AlertSheet.DATE, "不能晚于今天 / must not lie in the future (today is " + today + ")");
                    return null;
                }
                if (date.isBefore(today.minusYears(5))) {
                    errors.add(row.row(), AlertSheet.DATE, "早于五年前 / lies more than five years back");
                    return null;
                }
                return date;
            } catch (DateTimeParseException e) {
                // the next pattern
            }
        }
        errors.add(row.row(), AlertSheet.DATE, "须为日期 / must be a date such as " + today + " (YYYY-MM-DD)");
        return null;
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /** The alert list's refusals by cell. */
    private static final class Errors extends CellErrors {
        Errors() {
            super(AlertSheet.ALERTS, AlertSheet.HEADERS);
        }

        AlertImportException exception() {
            return new AlertImportException(sorted());
        }
    }
}
