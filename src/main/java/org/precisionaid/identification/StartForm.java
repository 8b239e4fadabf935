package org.precisionaid.identification;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.precisionaid.registry.ApplicationForm;
import org.precisionaid.registry.ApplicationForm.MemberForm;

/**
 * The flat fields of forms/identification-application.form and their mapping to an {@link ApplicationForm}.
 * Tasklist's forms cannot repeat a group of fields, so the form has the head plus {@value #MAX_OTHER_MEMBERS}
 * member slots (m2…m6); larger households are completed over REST while returned for correction.
 */
final class StartForm {

    static final int MAX_OTHER_MEMBERS = 5;
    private static final String[] MEMBER_FIELDS = {"Name", "IdNumber", "Relation", "Health", "Education", "Labour"};
    private static final Pattern MEMBER_PATH = Pattern.compile("members\\[(\\d+)]\\.");

    static final List<String> HOUSEHOLD_FIELDS = List.of("villageGroup", "phone", "incomeYear", "wages",
            "operatingNet", "propertyIncome", "transferIncome", "expenditure", "housingSafety", "drinkingWater",
            "mainCause", "secondCause", "ownsCar", "registeredBusiness", "commercialHousing", "civilServant",
            "memberCount");

    private StartForm() {
    }

    static List<String> allFields() {
        List<String> fields = new ArrayList<>(HOUSEHOLD_FIELDS);
        for (String field : MEMBER_FIELDS) {
            fields.add("head" + field);
        }
        for (int slot = 2; slot <= MAX_OTHER_MEMBERS + 1; slot++) {
            for (String field : MEMBER_FIELDS) {
                fields.add("m" + slot + field);
            }
        }
        return fields;
    }

    static ApplicationForm read(Function<String, Object> variables) {
        List<MemberForm> members = new ArrayList<>();
        members.add(member(variables, "head", "HEAD"));
        int count = number(variables.apply("memberCount"), 1);
        for (int slot = 2; slot <= Math.min(count, MAX_OTHER_MEMBERS + 1); slot++) {
            members.add(member(variables, "m" + slot, null));
        }
        List<String> causes = new ArrayList<>();
        addIfPresent(causes, variables.apply("mainCause"));
        addIfPresent(causes, variables.apply("secondCause"));
        return new ApplicationForm(text(variables.apply("regionCode")), text(variables.apply("villageGroup")),
                text(variables.apply("phone")), integer(variables.apply("incomeYear")),
                amount(variables.apply("wages")), amount(variables.apply("operatingNet")),
                amount(variables.apply("propertyIncome")), amount(variables.apply("transferIncome")),
                amount(variables.apply("expenditure")), text(variables.apply("housingSafety")),
                text(variables.apply("drinkingWater")), causes, flag(variables.apply("ownsCar")),
                flag(variables.apply("registeredBusiness")), flag(variables.apply("commercialHousing")),
                flag(variables.apply("civilServant")), members);
    }

    /** Turns registry field paths into the form's words: members[0].idNumber → 户主 / Head: idNumber. */
    static String describe(String message) {
        Matcher matcher = MEMBER_PATH.matcher(message);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            int index = Integer.parseInt(matcher.group(1));
            matcher.appendReplacement(out, index == 0 ? "户主 / Head: " : "成员" + (index + 1) + " / Member " + (index + 1) + ": ");
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static MemberForm member(Function<String, Object> variables, String prefix, String relation) {
        return new MemberForm(text(variables.apply(prefix + "Name")), text(variables.apply(prefix + "IdNumber")),
                relation != null ? relation : text(variables.apply(prefix + "Relation")),
                text(variables.apply(prefix + "Health")), text(variables.apply(prefix + "Education")),
                text(variables.apply(prefix + "Labour")));
    }

    private static void addIfPresent(List<String> list, Object value) {
        String text = text(value);
        if (text != null && !text.isBlank()) {
            list.add(text);
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static Boolean flag(Object value) {
        return value instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(value));
    }

    private static Integer integer(Object value) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        try {
            return value == null ? null : Integer.valueOf(value.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int number(Object value, int fallback) {
        Integer parsed = integer(value);
        return parsed == null ? fallback : parsed;
    }

    private static BigDecimal amount(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
