package org.precisionaid.registry;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The layout of the household import workbook, shared by the template and the import so the two cannot drift:
 * a sheet of households (one row each, keyed by 户编号) and a sheet of members (one row each, naming the 户编号 of
 * its household), plus the instructions and the code lists behind the drop-downs. See docs/processes/household-import.md.
 */
final class HouseholdSheets {

    static final String INSTRUCTIONS = "说明 Instructions";
    static final String HOUSEHOLDS = "户 Households";
    static final String MEMBERS = "成员 Members";
    static final String CODES = "代码 Codes";
    /** Rows whose key starts with this are the template's examples and are skipped. */
    static final String SAMPLE_KEY = "示例";

    enum Kind { KEY, TEXT, NUMBER, YEAR, CODE, YES_NO }

    record Column(String field, String header, Kind kind, Class<? extends Enum<?>> codes, boolean required) {

        String zh() {
            return header.split(" / ")[0];
        }
    }

    static final List<Column> HOUSEHOLD_COLUMNS = List.of(
            new Column("key", "户编号 / Household key", Kind.KEY, null, true),
            new Column("regionCode", "村代码 / Village code", Kind.TEXT, null, true),
            new Column("villageGroup", "村民小组 / Village group", Kind.TEXT, null, true),
            new Column("phone", "联系电话 / Phone", Kind.TEXT, null, false),
            new Column("incomeYear", "收入年度 / Income year", Kind.YEAR, null, true),
            new Column("wages", "工资性收入（元） / Wages (yuan)", Kind.NUMBER, null, true),
            new Column("operatingNet", "生产经营性净收入（元） / Net operating income (yuan)", Kind.NUMBER, null, true),
            new Column("propertyIncome", "财产性收入（元） / Property income (yuan)", Kind.NUMBER, null, true),
            new Column("transferIncome", "转移性收入（元） / Transfer income (yuan)", Kind.NUMBER, null, true),
            new Column("expenditure", "大额必要支出（元） / Major necessary expenditure (yuan)", Kind.NUMBER, null, true),
            new Column("housingSafety", "住房安全 / Housing safety", Kind.CODE, Codes.HousingSafety.class, true),
            new Column("drinkingWater", "饮水安全 / Drinking water", Kind.CODE, Codes.DrinkingWater.class, true),
            new Column("causes[0]", "主要致贫原因 / Main cause", Kind.CODE, Codes.Cause.class, true),
            new Column("causes[1]", "其他致贫原因 / Other cause", Kind.CODE, Codes.Cause.class, false),
            new Column("ownsCar", "有汽车 / Owns a car", Kind.YES_NO, null, false),
            new Column("registeredBusiness", "有工商注册 / Registered business", Kind.YES_NO, null, false),
            new Column("commercialHousing", "有城镇商品房 / Commercial housing in town", Kind.YES_NO, null, false),
            new Column("civilServant", "有公职人员 / A member is a civil servant", Kind.YES_NO, null, false));

    static final List<Column> MEMBER_COLUMNS = List.of(
            new Column("key", "户编号 / Household key", Kind.KEY, null, true),
            new Column("name", "姓名 / Name", Kind.TEXT, null, true),
            new Column("idNumber", "身份证号 / ID number", Kind.TEXT, null, true),
            new Column("relation", "与户主关系 / Relation to the head", Kind.CODE, Codes.Relation.class, true),
            new Column("sex", "性别 / Sex", Kind.CODE, Codes.Sex.class, false),
            new Column("health", "健康状况 / Health", Kind.CODE, Codes.Health.class, true),
            new Column("education", "文化程度 / Education", Kind.CODE, Codes.Education.class, true),
            new Column("labourCapacity", "劳动能力 / Labour capacity", Kind.CODE, Codes.LabourCapacity.class, true));

    static final String YES = "是 / Yes";
    static final String NO = "否 / No";

    /** The code lists of the drop-downs, one column each on the codes sheet, in this order. */
    static final List<Class<? extends Enum<?>>> CODE_LISTS = List.of(Codes.Relation.class, Codes.Sex.class,
            Codes.Health.class, Codes.Education.class, Codes.LabourCapacity.class, Codes.HousingSafety.class,
            Codes.DrinkingWater.class, Codes.Cause.class);

    private HouseholdSheets() {
    }

    /** Column letter of a 0-based index: 0 → A, 25 → Z, 26 → AA. */
    static String letter(int index) {
        return org.precisionaid.procedure.Workbooks.letter(index);
    }

    private static final Map<Class<?>, Map<String, String>> LOOKUP = new HashMap<>();

    /**
     * The code of what a clerk wrote or picked: the code itself ({@code HEAD}), the drop-down label
     * ({@code 户主 / Head}), or either half of it ({@code 户主}, {@code Head}); unknown text comes back unchanged for
     * the validator to refuse with its rule.
     */
    static synchronized String code(Class<? extends Enum<?>> codes, String text) {
        Map<String, String> lookup = LOOKUP.computeIfAbsent(codes, type -> {
            Map<String, String> map = new HashMap<>();
            for (Enum<?> value : (Enum<?>[]) type.getEnumConstants()) {
                String label = ((Codes.Labelled) value).label();
                map.put(value.name().toLowerCase(Locale.ROOT), value.name());
                map.put(label.toLowerCase(Locale.ROOT), value.name());
                Arrays.stream(label.split(" / ")).forEach(part -> map.put(part.trim().toLowerCase(Locale.ROOT), value.name()));
            }
            return map;
        });
        return lookup.getOrDefault(text.trim().toLowerCase(Locale.ROOT), text.trim());
    }

    static String label(Enum<?> value) {
        return ((Codes.Labelled) value).label();
    }
}
