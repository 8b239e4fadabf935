package org.precisionaid.crosscheck;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.precisionaid.procedure.CellErrors;
import org.precisionaid.procedure.Workbooks;
import org.precisionaid.region.Region;
import org.precisionaid.region.RegionImport;
import org.precisionaid.registry.HouseholdImportException.CellError;
import org.precisionaid.registry.ResidentId;
import org.precisionaid.web.input.TextRule;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A department's list as a dated snapshot (issue #23 item 1), the house's import rules (ADR 0014): every row checked
 * first — ID number with its check character, category of the kind, amount, detail — and a file with any bad row
 * stores nothing (400 naming each row and column). A clean file is stored in one transaction with what follows from
 * it: it replaces the county's older snapshot of the kind for matching, open hits of the replaced snapshot are
 * superseded, the county's applicants and registered households are matched against it at once, and registered or
 * monitored households with new hits get a re-check case. No ID number is logged or returned.
 */
@Service
public class RegisterImport {

    private static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");

    private final JdbcTemplate jdbc;
    private final CrossCheckHits hits;
    private final Recheck recheck;
    private final Clock clock;

    public RegisterImport(JdbcTemplate jdbc, CrossCheckHits hits, Recheck recheck, Clock clock) {
        this.jdbc = jdbc;
        this.hits = hits;
        this.recheck = recheck;
        this.clock = clock;
    }

    /** What the upload did: the snapshot, its rows, the hits it gave and the re-check cases it started. */
    public record Result(long snapshotId, String kind, String county, LocalDate asOf, int rows, int replacedSnapshots,
            int registerHouseholdsHit, int recheckCasesStarted) {
    }

    /** The snapshot's description, as the county office and auditors list it (no row, no ID number). */
    public record Snapshot(long id, String county, String kind, String kindLabel, String department, LocalDate asOf,
            int rows, String uploadedBy, java.time.Instant uploadedAt, boolean current) {
    }

    private record Row(int row, String idNumber, String category, BigDecimal amount, String detail) {
    }

    /** Reads a .xlsx (sheet "名单 Records") or, when the bytes are no workbook, UTF-8 CSV with the same header. */
    @Transactional
    public Result load(byte[] bytes, boolean xlsx, DepartmentKind kind, String department, LocalDate asOf, Region county,
            String actor) {
        Errors errors = new Errors();
        if (bytes.length > RegisterSheet.MAX_BYTES) {
            errors.file("文件过大 / the file has " + bytes.length + " bytes, at most " + RegisterSheet.MAX_BYTES);
            throw errors.exception();
        }
        List<Workbooks.SheetRow> rows = xlsx ? workbookRows(bytes, errors) : csvRows(bytes, errors);
        if (errors.any()) {
            throw errors.exception();
        }
        Workbooks.takeHeader(rows, RegisterSheet.HEADERS).forEach((column, rule) -> errors.add(1, column, rule));
        if (rows.isEmpty() && !errors.any()) {
            errors.file("没有记录 / the file holds no record row");
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        List<Row> parsed = new ArrayList<>(rows.size());
        for (Workbooks.SheetRow row : rows) {
            Row r = parse(row, kind, today, errors);
            if (r != null) {
                parsed.add(r);
            }
        }
        if (errors.any()) {
            throw errors.exception();
        }
        return store(parsed, kind, department, asOf, county, actor);
    }

    private Result store(List<Row> rows, DepartmentKind kind, String department, LocalDate asOf, Region county,
            String actor) {
        Timestamp now = Timestamp.from(clock.instant());
        // the county's older snapshots of the kind stop being matched; their open hits are superseded by this one's
        int replaced = jdbc.update("update crosscheck_snapshot set current_for_matching = false where county_code = ?"
                + " and kind = ? and current_for_matching = true", county.getCode(), kind.name());
        jdbc.update("update crosscheck_hit set status = 'SUPERSEDED' where status = 'OPEN' and snapshot_id in"
                + " (select id from crosscheck_snapshot where county_code = ? and kind = ?)", county.getCode(), kind.name());
        var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update(connection -> {
            var ps = connection.prepareStatement("insert into crosscheck_snapshot (county_code, kind, source_department,"
                    + " as_of, row_count, uploaded_by, uploaded_at, current_for_matching) values (?, ?, ?, ?, ?, ?, ?, true)",
                    new String[] {"id"});
            ps.setString(1, county.getCode());
            ps.setString(2, kind.name());
            ps.setString(3, department);
            ps.setDate(4, Date.valueOf(asOf));
            ps.setInt(5, rows.size());
            ps.setString(6, actor);
            ps.setTimestamp(7, now);
            return ps;
        }, key);
        long snapshotId = key.getKey().longValue();
        jdbc.batchUpdate("insert into crosscheck_record (snapshot_id, row_no, id_number, category, amount, detail)"
                + " values (?, ?, ?, ?, ?, ?)", rows, 2000, (ps, r) -> {
                    ps.setLong(1, snapshotId);
                    ps.setInt(2, r.row());
                    ps.setString(3, r.idNumber());
                    ps.setString(4, r.category());
                    ps.setBigDecimal(5, r.amount());
                    ps.setString(6, r.detail());
                });
        List<Long> onRegister = hits.matchSnapshot(snapshotId);
        int started = recheck.start(onRegister, actor);
        return new Result(snapshotId, kind.name(), county.getCode(), asOf, rows.size(), replaced, onRegister.size(),
                started);
    }

    /** The snapshots of the counties whose code starts with one of the prefixes, newest first. */
    public List<Snapshot> snapshots(List<String> countyPrefixes, boolean everything) {
        StringBuilder where = new StringBuilder();
        List<Object> args = new ArrayList<>();
        if (!everything) {
            if (countyPrefixes.isEmpty()) {
                return List.of();
            }
            where.append(" where (");
            for (int i = 0; i < countyPrefixes.size(); i++) {
                where.append(i == 0 ? "" : " or ").append("county_code like ?");
                args.add(countyPrefixes.get(i) + "%");
            }
            where.append(")");
        }
        return jdbc.query("select id, county_code, kind, source_department, as_of, row_count, uploaded_by, uploaded_at,"
                + " current_for_matching from crosscheck_snapshot" + where + " order by uploaded_at desc, id desc",
                (rs, n) -> new Snapshot(rs.getLong(1), rs.getString(2), rs.getString(3),
                        DepartmentKind.valueOf(rs.getString(3)).label(), rs.getString(4), rs.getDate(5).toLocalDate(),
                        rs.getInt(6), rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getBoolean(9)),
                args.toArray());
    }

    // ---- reading ---------------------------------------------------------------------------------------------

    private static List<Workbooks.SheetRow> workbookRows(byte[] bytes, Errors errors) {
        Workbooks.Read read = Workbooks.read(bytes, Set.of(RegisterSheet.RECORDS), RegisterSheet.MAX_ROWS,
                "行数过多 / more than " + RegisterSheet.MAX_ROWS + " rows in one file; split the list by township");
        read.fileErrors().forEach(errors::file);
        return errors.any() ? List.of() : new ArrayList<>(read.sheets().get(RegisterSheet.RECORDS));
    }

    private static List<Workbooks.SheetRow> csvRows(byte[] bytes, Errors errors) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            errors.file("不是 UTF-8 文本或 .xlsx 工作簿 / neither an .xlsx workbook nor UTF-8 CSV text");
            return List.of();
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Workbooks.SheetRow> rows = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            if (rows.size() > RegisterSheet.MAX_ROWS) {
                errors.file("行数过多 / more than " + RegisterSheet.MAX_ROWS + " rows in one file; split the list by township");
                return List.of();
            }
            List<String> cells = RegionImport.cells(lines[i]);
            if (cells == null || cells.size() > RegisterSheet.HEADERS.size()) {
                errors.add(i + 1, 0, "应为 " + RegisterSheet.HEADERS.size() + " 列 / expected "
                        + RegisterSheet.HEADERS.size() + " columns (a value with a comma in double quotes)");
                continue;
            }
            Map<Integer, String> byColumn = new HashMap<>();
            for (int c = 0; c < cells.size(); c++) {
                byColumn.put(c, cells.get(c));
            }
            rows.add(new Workbooks.SheetRow(i + 1, byColumn));
        }
        return rows;
    }

    // ---- checking one row ------------------------------------------------------------------------------------

    private static Row parse(Workbooks.SheetRow row, DepartmentKind kind, LocalDate today, Errors errors) {
        int before = errors.size();
        for (int c = 0; c < RegisterSheet.HEADERS.size(); c++) {
            String value = row.get(c);
            String broken = value == null ? null : TextRule.violation(value, false);
            if (broken != null) {
                errors.add(row.row(), c, broken);
            }
        }
        String idText = row.get(RegisterSheet.ID_NUMBER);
        String idNumber = null;
        if (idText == null) {
            errors.add(row.row(), RegisterSheet.ID_NUMBER, "必填 / is required");
        } else {
            ResidentId.Result id = ResidentId.parse(idText, today);
            if (id.error() != null) {
                errors.add(row.row(), RegisterSheet.ID_NUMBER, id.error());
            } else {
                idNumber = id.id().orElseThrow().value();
            }
        }
        String category = null;
        String categoryText = row.get(RegisterSheet.CATEGORY);
        if (kind.categories().isEmpty()) {
            if (categoryText != null) {
                errors.add(row.row(), RegisterSheet.CATEGORY, "此类名单不填类别 / this kind of list has no category");
            }
        } else if (categoryText == null) {
            errors.add(row.row(), RegisterSheet.CATEGORY, "必填 / is required: one of " + kind.categories().keySet());
        } else {
            category = kind.category(categoryText).orElse(null);
            if (category == null) {
                errors.add(row.row(), RegisterSheet.CATEGORY, "不是" + kind.label() + "的类别 / is not a category of this "
                        + "list; one of " + String.join(", ", kind.categories().values()));
            }
        }
        BigDecimal amount = amount(row, errors);
        String detail = row.get(RegisterSheet.DETAIL);
        if (detail != null && detail.length() > RegisterSheet.MAX_DETAIL) {
            errors.add(row.row(), RegisterSheet.DETAIL, "最多 " + RegisterSheet.MAX_DETAIL + " 字 / at most "
                    + RegisterSheet.MAX_DETAIL + " characters");
        }
        return errors.size() > before ? null : new Row(row.row(), idNumber, category, amount, detail);
    }

    private static BigDecimal amount(Workbooks.SheetRow row, Errors errors) {
        String text = row.get(RegisterSheet.AMOUNT);
        if (text == null) {
            return null;
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(text.replace(",", "").replace("¥", "").replace("￥", "").trim());
        } catch (NumberFormatException e) {
            errors.add(row.row(), RegisterSheet.AMOUNT, "须为数字 / must be a number such as 85000 or 120.5");
            return null;
        }
        if (amount.signum() < 0) {
            errors.add(row.row(), RegisterSheet.AMOUNT, "不能为负数 / must not be negative");
        } else if (amount.compareTo(MAX_AMOUNT) > 0) {
            errors.add(row.row(), RegisterSheet.AMOUNT, "过大 / must be at most " + MAX_AMOUNT.toPlainString());
        } else if (amount.stripTrailingZeros().scale() > 2) {
            errors.add(row.row(), RegisterSheet.AMOUNT, "最多两位小数 / at most two decimals");
        } else {
            return amount.setScale(2, RoundingMode.UNNECESSARY);
        }
        return null;
    }

    /** The list's refusals by cell: all are counted, the first thousand listed. */
    private static final class Errors extends CellErrors {
        Errors() {
            super(RegisterSheet.RECORDS, RegisterSheet.HEADERS);
        }

        RegisterImportException exception() {
            List<CellError> sorted = sorted();
            return new RegisterImportException(sorted.subList(0, Math.min(sorted.size(),
                    RegisterSheet.MAX_ERRORS_LISTED)), sorted.size());
        }
    }
}
