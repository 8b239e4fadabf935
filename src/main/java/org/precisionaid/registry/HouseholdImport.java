package org.precisionaid.registry;

import static org.precisionaid.registry.HouseholdSheets.HOUSEHOLDS;
import static org.precisionaid.registry.HouseholdSheets.HOUSEHOLD_COLUMNS;
import static org.precisionaid.registry.HouseholdSheets.MEMBERS;
import static org.precisionaid.registry.HouseholdSheets.MEMBER_COLUMNS;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.precisionaid.identification.IdentificationStarter;
import org.precisionaid.registry.ApplicationForm.MemberForm;
import org.precisionaid.registry.HouseholdImportException.CellError;
import org.precisionaid.registry.HouseholdSheets.Column;
import org.precisionaid.registry.HouseholdSheets.Kind;
import org.precisionaid.procedure.Workbooks;
import org.precisionaid.web.FieldRuleException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A village clerk's workbook of households (see {@link HouseholdSheets}) becomes one application per household with
 * its identification case started — all of them or none. The file is read as a stream (Apache POI's SAX reader: the
 * cells never sit in memory as a workbook), every row is checked with the same {@link ApplicationValidator} as a
 * single application, plus ID numbers repeated in the file or already active in the registry; any broken rule and
 * nothing is written. Then every application is recorded and its case started through {@link IdentificationStarter},
 * the path of a single REST application, inside one transaction that the engine shares: a failure rolls back the
 * applications and the started cases together (ADR 0014).
 */
@Service
public class HouseholdImport {

    /** Data rows of both sheets together: 10,000 is the size a county asked for, with room. */
    public static final int MAX_ROWS = 20_000;
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    private static final int CLEAR_EVERY = 50;
    private static final int ID_QUERY_CHUNK = 500;
    private static final Pattern MEMBER_FIELD = Pattern.compile("members\\[(\\d+)](?:\\.(\\w+))?");

    private final ApplicationValidator validator;
    private final IdentificationStarter starter;
    private final HouseholdRepository households;
    private final TransactionTemplate transaction;
    private final Clock clock;
    @PersistenceContext
    private EntityManager entities;

    public HouseholdImport(ApplicationValidator validator, IdentificationStarter starter,
            HouseholdRepository households, PlatformTransactionManager transactions, Clock clock) {
        this.validator = validator;
        this.starter = starter;
        this.households = households;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    public record Result(int households, int members, List<String> applicationNos) {
    }

    record SheetRow(int row, Map<Integer, String> cells) {

        String get(List<Column> columns, String field) {
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).field().equals(field)) {
                    String value = cells.get(i);
                    return value == null || value.isBlank() ? null : value.trim();
                }
            }
            throw new IllegalArgumentException(field);
        }
    }

    private record Household(SheetRow row, List<SheetRow> members) {
    }

    private record Prepared(Household household, ApplicationForm form) {
    }

    /** Imports the workbook for the clerk; {@code mayApplyFor} tells whether he is the clerk of a village code. */
    public Result importXlsx(byte[] bytes, String clerk, Predicate<String> mayApplyFor) {
        Errors errors = new Errors();
        if (bytes.length > MAX_BYTES) {
            errors.file("文件过大 / the file has " + bytes.length + " bytes, at most " + MAX_BYTES + " are accepted");
            throw errors.exception();
        }
        Map<String, List<SheetRow>> sheets = read(bytes, errors);
        if (errors.any()) {
            throw errors.exception();
        }
        List<Prepared> prepared = prepare(sheets.get(HOUSEHOLDS), sheets.get(MEMBERS), mayApplyFor, errors);
        if (errors.any()) {
            throw errors.exception();
        }
        List<String> created = transaction.execute(status -> {
            List<String> numbers = new ArrayList<>();
            for (Prepared p : prepared) {
                try {
                    numbers.add(starter.apply(p.form(), clerk).household().getApplicationNo());
                } catch (FieldRuleException e) {
                    // checked above; only a concurrent application by someone else gets here
                    map(p.household(), e.errors(), errors);
                    throw errors.exception();
                }
                if (numbers.size() % CLEAR_EVERY == 0) {
                    entities.flush();
                    entities.clear(); // keeps each flush's dirty check small in a transaction of thousands
                }
            }
            return numbers;
        });
        int memberCount = prepared.stream().mapToInt(p -> p.form().members().size()).sum();
        return new Result(created.size(), memberCount, created);
    }

    // ---- reading ---------------------------------------------------------------------------------------------

    private Map<String, List<SheetRow>> read(byte[] bytes, Errors errors) {
        Workbooks.Read read = Workbooks.read(bytes, Set.of(HOUSEHOLDS, MEMBERS), MAX_ROWS,
                "行数过多 / more than " + MAX_ROWS + " rows (households and members together) in one file; "
                        + "split it into several files");
        read.fileErrors().forEach(errors::file);
        Map<String, List<SheetRow>> sheets = new HashMap<>();
        if (errors.any()) {
            return sheets;
        }
        for (String sheet : List.of(HOUSEHOLDS, MEMBERS)) {
            List<Column> columns = sheet.equals(HOUSEHOLDS) ? HOUSEHOLD_COLUMNS : MEMBER_COLUMNS;
            List<Workbooks.SheetRow> rows = new ArrayList<>(read.sheets().get(sheet));
            Workbooks.takeHeader(rows, columns.stream().map(Column::header).toList())
                    .forEach((column, rule) -> errors.add(sheet, 1, column, columns, rule));
            sheets.put(sheet, rows.stream().map(row -> new SheetRow(row.row(), row.cells())).toList());
        }
        return sheets;
    }

    // ---- checking --------------------------------------------------------------------------------------------

    private List<Prepared> prepare(List<SheetRow> householdRows, List<SheetRow> memberRows,
            Predicate<String> mayApplyFor, Errors errors) {
        Map<String, Household> byKey = new LinkedHashMap<>();
        for (SheetRow row : householdRows) {
            String key = row.get(HOUSEHOLD_COLUMNS, "key");
            if (key != null && key.startsWith(HouseholdSheets.SAMPLE_KEY)) {
                continue;
            }
            if (key == null) {
                errors.add(HOUSEHOLDS, row.row(), 0, HOUSEHOLD_COLUMNS, "必填 / is required");
                continue;
            }
            Household earlier = byKey.putIfAbsent(key, new Household(row, new ArrayList<>()));
            if (earlier != null) {
                errors.add(HOUSEHOLDS, row.row(), 0, HOUSEHOLD_COLUMNS,
                        "户编号重复 / the key '" + key + "' is already on row " + earlier.row().row());
            }
        }
        for (SheetRow row : memberRows) {
            String key = row.get(MEMBER_COLUMNS, "key");
            if (key != null && key.startsWith(HouseholdSheets.SAMPLE_KEY)) {
                continue;
            }
            Household household = key == null ? null : byKey.get(key);
            if (household == null) {
                errors.add(MEMBERS, row.row(), 0, MEMBER_COLUMNS, key == null ? "必填 / is required"
                        : "没有此户编号的户 / no household with the key '" + key + "' on sheet '" + HOUSEHOLDS + "'");
            } else {
                household.members().add(row);
            }
        }
        if (byKey.isEmpty() && !errors.any()) {
            errors.file("没有农户 / the file holds no household (rows keyed 示例 are examples and are skipped)");
        }
        List<Prepared> prepared = new ArrayList<>();
        Map<String, SheetRow> ids = new HashMap<>();
        LocalDate today = LocalDate.now(clock);
        for (Household household : byKey.values()) {
            ApplicationForm form = form(household, errors);
            String village = form.regionCode();
            if (village != null && village.matches("\\d{12}") && !mayApplyFor.test(village)) {
                errors.forbidden();
                errors.add(HOUSEHOLDS, household.row().row(), column(HOUSEHOLD_COLUMNS, "regionCode"), HOUSEHOLD_COLUMNS,
                        "不是本村 / you are not the clerk of village " + village + "; import only your own village's households");
            }
            try {
                validator.validate(form);
            } catch (FieldRuleException e) {
                map(household, e.errors(), errors);
            }
            for (SheetRow member : household.members()) {
                ResidentId.Result id = ResidentId.parse(member.get(MEMBER_COLUMNS, "idNumber"), today);
                if (id.error() != null) {
                    continue;
                }
                SheetRow first = ids.putIfAbsent(id.id().orElseThrow().value(), member);
                if (first != null) {
                    errors.add(MEMBERS, member.row(), column(MEMBER_COLUMNS, "idNumber"), MEMBER_COLUMNS,
                            "身份证号重复 / the same ID number is already on row " + first.row() + " of this sheet");
                }
                sexMatches(member, id.id().orElseThrow(), errors);
            }
            prepared.add(new Prepared(household, form));
        }
        activeElsewhere(ids, errors);
        return prepared;
    }

    private ApplicationForm form(Household household, Errors errors) {
        SheetRow row = household.row();
        required(HOUSEHOLDS, row, HOUSEHOLD_COLUMNS, errors);
        List<String> causes = new ArrayList<>();
        causes.add(code(row, HOUSEHOLD_COLUMNS, "causes[0]"));
        String other = code(row, HOUSEHOLD_COLUMNS, "causes[1]");
        if (other != null) {
            causes.add(other);
        }
        List<MemberForm> members = new ArrayList<>();
        for (SheetRow member : household.members()) {
            required(MEMBERS, member, MEMBER_COLUMNS, errors);
            members.add(new MemberForm(member.get(MEMBER_COLUMNS, "name"), member.get(MEMBER_COLUMNS, "idNumber"),
                    code(member, MEMBER_COLUMNS, "relation"), code(member, MEMBER_COLUMNS, "health"),
                    code(member, MEMBER_COLUMNS, "education"), code(member, MEMBER_COLUMNS, "labourCapacity")));
        }
        Integer year = null;
        String yearText = row.get(HOUSEHOLD_COLUMNS, "incomeYear");
        if (yearText != null) {
            try {
                year = new BigDecimal(yearText).intValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                errors.add(HOUSEHOLDS, row.row(), column(HOUSEHOLD_COLUMNS, "incomeYear"), HOUSEHOLD_COLUMNS,
                        "须为年份 / must be a year such as " + (LocalDate.now(clock).getYear() - 1));
            }
        }
        return new ApplicationForm(row.get(HOUSEHOLD_COLUMNS, "regionCode"), row.get(HOUSEHOLD_COLUMNS, "villageGroup"),
                row.get(HOUSEHOLD_COLUMNS, "phone"), year, amount(row, "wages", errors),
                amount(row, "operatingNet", errors), amount(row, "propertyIncome", errors),
                amount(row, "transferIncome", errors), amount(row, "expenditure", errors),
                code(row, HOUSEHOLD_COLUMNS, "housingSafety"), code(row, HOUSEHOLD_COLUMNS, "drinkingWater"), causes,
                yesNo(row, "ownsCar", errors), yesNo(row, "registeredBusiness", errors),
                yesNo(row, "commercialHousing", errors), yesNo(row, "civilServant", errors), members);
    }

    private static void required(String sheet, SheetRow row, List<Column> columns, Errors errors) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).required() && row.get(columns, columns.get(i).field()) == null) {
                errors.add(sheet, row.row(), i, columns, "必填 / is required");
            }
            String text = row.cells().get(i);
            String broken = text == null ? null : org.precisionaid.web.input.TextRule.violation(text, false);
            if (broken != null) {
                errors.add(sheet, row.row(), i, columns, broken);
            }
        }
    }

    private static String code(SheetRow row, List<Column> columns, String field) {
        String text = row.get(columns, field);
        return text == null ? null : HouseholdSheets.code(columns.get(column(columns, field)).codes(), text);
    }

    private static BigDecimal amount(SheetRow row, String field, Errors errors) {
        String text = row.get(HOUSEHOLD_COLUMNS, field);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.replace(",", "").replace("¥", "").replace("￥", "").trim());
        } catch (NumberFormatException e) {
            errors.add(HOUSEHOLDS, row.row(), column(HOUSEHOLD_COLUMNS, field), HOUSEHOLD_COLUMNS,
                    "须为数字（元）/ must be an amount in yuan such as 1500 or 1500.50");
            return null;
        }
    }

    private static Boolean yesNo(SheetRow row, String field, Errors errors) {
        String text = row.get(HOUSEHOLD_COLUMNS, field);
        if (text == null) {
            return false;
        }
        String value = text.toLowerCase(Locale.ROOT);
        if (Set.of("是 / yes", "是", "yes", "y", "true", "1").contains(value)) {
            return true;
        }
        if (Set.of("否 / no", "否", "no", "n", "false", "0").contains(value)) {
            return false;
        }
        errors.add(HOUSEHOLDS, row.row(), column(HOUSEHOLD_COLUMNS, field), HOUSEHOLD_COLUMNS,
                "须为 是 / Yes 或 否 / No / must be 是 / Yes or 否 / No, found '" + text + "'");
        return null;
    }

    private static void sexMatches(SheetRow member, ResidentId id, Errors errors) {
        String sex = code(member, MEMBER_COLUMNS, "sex");
        if (sex == null) {
            return;
        }
        int column = column(MEMBER_COLUMNS, "sex");
        if (Arrays.stream(Codes.Sex.values()).noneMatch(s -> s.name().equals(sex))) {
            errors.add(MEMBERS, member.row(), column, MEMBER_COLUMNS, "'" + sex + "' 不是可选值 / is not one of the allowed values");
        } else if (id.sex() != Codes.Sex.valueOf(sex)) {
            errors.add(MEMBERS, member.row(), column, MEMBER_COLUMNS, "与身份证号不符 / does not match the ID number ("
                    + id.sex().label() + ")");
        }
    }

    private void activeElsewhere(Map<String, SheetRow> ids, Errors errors) {
        List<String> all = new ArrayList<>(ids.keySet());
        for (int from = 0; from < all.size(); from += ID_QUERY_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + ID_QUERY_CHUNK));
            for (Member other : households.findActiveMembersElsewhere(chunk, HouseholdService.ACTIVE, -1L)) {
                SheetRow row = ids.get(other.getIdNumber());
                errors.add(MEMBERS, row.row(), column(MEMBER_COLUMNS, "idNumber"), MEMBER_COLUMNS,
                        "已在其他申请中 / " + ResidentId.mask(other.getIdNumber()) + " is already a member of application "
                                + HouseholdService.maskApplication(other.getHousehold()) + " ("
                                + other.getHousehold().getStatus().label() + ")");
            }
        }
    }

    /** The validator's field paths ({@code wages}, {@code members[2].idNumber}, {@code causes}) as cells. */
    private static void map(Household household, Map<String, String> fieldErrors, Errors errors) {
        fieldErrors.forEach((field, rule) -> {
            Matcher member = MEMBER_FIELD.matcher(field);
            if (member.matches()) {
                int index = Integer.parseInt(member.group(1));
                SheetRow row = index < household.members().size() ? household.members().get(index) : household.row();
                String name = member.group(2);
                int column = name == null || MEMBER_COLUMNS.stream().noneMatch(c -> c.field().equals(name)) ? 0
                        : column(MEMBER_COLUMNS, name);
                errors.add(MEMBERS, row.row(), column, MEMBER_COLUMNS, rule);
            } else if (field.equals("members")) {
                errors.add(HOUSEHOLDS, household.row().row(), 0, HOUSEHOLD_COLUMNS, "成员 / members: " + rule);
            } else {
                String name = field.equals("causes") ? "causes[0]" : field;
                boolean known = HOUSEHOLD_COLUMNS.stream().anyMatch(c -> c.field().equals(name));
                errors.add(HOUSEHOLDS, household.row().row(), known ? column(HOUSEHOLD_COLUMNS, name) : 0,
                        HOUSEHOLD_COLUMNS, known ? rule : field + ": " + rule);
            }
        });
    }

    private static int column(List<Column> columns, String field) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).field().equals(field)) {
                return i;
            }
        }
        throw new IllegalArgumentException(field);
    }

    /** Errors by cell, the first rule a cell breaks wins (a parse error over the validator's "is required"). */
    private static final class Errors {
        private final Map<String, CellError> byCell = new LinkedHashMap<>();
        private boolean forbidden;

        void add(String sheet, int row, int column, List<Column> columns, String rule) {
            byCell.putIfAbsent(sheet + "!" + row + ":" + column, new CellError(sheet, row,
                    HouseholdSheets.letter(column), columns.get(column).header(), rule));
        }

        void file(String rule) {
            byCell.putIfAbsent("file:" + rule, new CellError(null, 0, null, null, rule));
        }

        void forbidden() {
            forbidden = true;
        }

        boolean any() {
            return !byCell.isEmpty();
        }

        HouseholdImportException exception() {
            List<CellError> sorted = new ArrayList<>(byCell.values());
            sorted.sort(Comparator.comparing((CellError e) -> e.sheet() == null ? "" : e.sheet().equals(HOUSEHOLDS) ? "1" : "2")
                    .thenComparingInt(CellError::row).thenComparing(e -> e.column() == null ? "" : 
                            String.format("%3s", e.column())));
            return new HouseholdImportException(sorted, forbidden);
        }
    }
}
