package org.precisionaid.funding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.precisionaid.project.ProjectForm;

/**
 * The flat fields of forms/funding-application.form and their mapping to a {@link ProjectForm}. Tasklist's forms
 * cannot repeat a group of fields, so the form has one output, {@value #LINES} budget lines and
 * {@value #BENEFICIARIES} beneficiary slots; larger projects are applied for over REST ({@code POST /api/projects}).
 */
final class FundingStartForm {

    static final int LINES = 3;
    static final int BENEFICIARIES = 5;
    private static final Pattern INDEXED = Pattern.compile("(budgetLines|beneficiaries|outputs)\\[(\\d+)]\\.");

    private FundingStartForm() {
    }

    static List<String> allFields() {
        List<String> fields = new ArrayList<>(List.of("name", "projectType", "implementingUnit", "periodStart", "periodEnd",
                "latitude", "longitude", "total", "loanTermMonths", "secured", "outputDescription", "outputQuantity",
                "outputUnit"));
        for (int i = 1; i <= LINES; i++) {
            fields.add("line" + i + "Source");
            fields.add("line" + i + "Amount");
        }
        for (int i = 1; i <= BENEFICIARIES; i++) {
            fields.add("b" + i + "No");
            fields.add("b" + i + "Benefit");
            fields.add("b" + i + "Amount");
        }
        return fields;
    }

    static ProjectForm read(Function<String, Object> variables) {
        List<ProjectForm.BudgetLineForm> lines = new ArrayList<>();
        for (int i = 1; i <= LINES; i++) {
            String source = text(variables.apply("line" + i + "Source"));
            BigDecimal amount = amount(variables.apply("line" + i + "Amount"));
            if (source != null || amount != null) {
                lines.add(new ProjectForm.BudgetLineForm(source, amount));
            }
        }
        List<ProjectForm.BeneficiaryForm> beneficiaries = new ArrayList<>();
        for (int i = 1; i <= BENEFICIARIES; i++) {
            String no = text(variables.apply("b" + i + "No"));
            if (no != null) {
                beneficiaries.add(new ProjectForm.BeneficiaryForm(no, text(variables.apply("b" + i + "Benefit")),
                        amount(variables.apply("b" + i + "Amount"))));
            }
        }
        Object term = variables.apply("loanTermMonths");
        return new ProjectForm(text(variables.apply("name")), text(variables.apply("projectType")),
                text(variables.apply("regionCode")), text(variables.apply("implementingUnit")),
                date(variables.apply("periodStart")), date(variables.apply("periodEnd")),
                amount(variables.apply("latitude")), amount(variables.apply("longitude")),
                amount(variables.apply("total")), term instanceof Number n ? Integer.valueOf(n.intValue()) : null,
                Boolean.TRUE.equals(variables.apply("secured")),
                List.of(new ProjectForm.OutputForm(text(variables.apply("outputDescription")),
                        amount(variables.apply("outputQuantity")), text(variables.apply("outputUnit")))),
                lines, beneficiaries);
    }

    /** Turns registry field paths into the form's words: budgetLines[1].amount → 预算行2 / Budget line 2: amount. */
    static String describe(String message) {
        Matcher matcher = INDEXED.matcher(message);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            int n = Integer.parseInt(matcher.group(2)) + 1;
            String words = switch (matcher.group(1)) {
                case "budgetLines" -> "预算行" + n + " / Budget line " + n + ": ";
                case "beneficiaries" -> "受益户" + n + " / Beneficiary " + n + ": ";
                default -> "产出" + n + " / Output " + n + ": ";
            };
            matcher.appendReplacement(out, Matcher.quoteReplacement(words));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }

    private static BigDecimal amount(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return value instanceof Double d ? BigDecimal.valueOf(d) : new BigDecimal(value.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate date(Object value) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
