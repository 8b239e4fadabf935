package org.precisionaid.security.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * What a Camunda Form (form-js JSON) lets its user submit: the keyed fields, each with its type and, where the form
 * says so, its choices, bounds and length. A submission is checked against it before the engine takes any of it.
 * Display-only components (text, headings) have no key and accept nothing; hidden fields may be left out.
 */
public final class FormContract {

    /** A task or start event without a Camunda Form: it accepts no variables at all. */
    public static final FormContract NONE = new FormContract("(no form)", Map.of());

    private static final ObjectMapper JSON = new ObjectMapper();

    record Field(String key, String type, Set<String> values, String valuesKey, BigDecimal min, BigDecimal max,
            Integer maxLength, Integer decimalDigits) {
    }

    private final String formId;
    private final Map<String, Field> fields;

    private FormContract(String formId, Map<String, Field> fields) {
        this.formId = formId;
        this.fields = fields;
    }

    public String formId() {
        return formId;
    }

    public Set<String> keys() {
        return fields.keySet();
    }

    public static FormContract parse(InputStream form) {
        try (form) {
            return parse(JSON.readTree(form));
        } catch (IOException e) {
            throw new UncheckedIOException("a deployed form is not JSON", e);
        }
    }

    static FormContract parse(JsonNode form) {
        Map<String, Field> fields = new LinkedHashMap<>();
        collect(form.path("components"), fields);
        return new FormContract(form.path("id").asText("(form)"), fields);
    }

    private static void collect(JsonNode components, Map<String, Field> fields) {
        for (JsonNode component : components) {
            String key = component.path("key").asText(null);
            if (key != null && !key.isBlank()) {
                JsonNode validate = component.path("validate");
                Set<String> values = new LinkedHashSet<>();
                component.path("values").forEach(option -> values.add(option.path("value").asText()));
                fields.put(key, new Field(key, component.path("type").asText(), values,
                        component.path("valuesKey").asText(null), decimal(validate.path("min")),
                        decimal(validate.path("max")), integer(validate.path("maxLength")),
                        integer(component.path("decimalDigits"))));
            }
            collect(component.path("components"), fields); // groups nest their fields
        }
    }

    /**
     * The rules the submission breaks, by variable name; empty when it keeps to the form.
     *
     * @param options reads the variable a field's {@code valuesKey} names (the choices the server offered)
     */
    public Map<String, String> violations(Map<String, ?> submitted, Function<String, Object> options) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (submitted == null) {
            return errors;
        }
        for (String name : submitted.keySet()) {
            Field field = fields.get(name);
            if (field == null) {
                errors.put(name, "不是本表单的字段 / is not a field of form " + formId);
                continue;
            }
            Object raw = submitted instanceof org.camunda.bpm.engine.variable.VariableMap map
                    ? map.getValueTyped(name) : submitted.get(name);
            String broken = broken(field, raw, options);
            if (broken != null) {
                errors.put(name, broken);
            }
        }
        return errors;
    }

    private static String broken(Field field, Object raw, Function<String, Object> options) {
        if (raw instanceof SerializableValue) {
            return "must be a plain value, not an object";
        }
        Object value = raw instanceof TypedValue typed ? typed.getValue() : raw;
        if (value == null || "".equals(value) && !field.type().startsWith("text")) {
            return null; // an empty field; whether it is required is the step's own rule, named by its listener
        }
        return switch (field.type()) {
            case "textfield", "textarea" -> text(field, value);
            case "number" -> number(field, value);
            case "checkbox" -> value instanceof Boolean ? null : "must be true or false";
            case "datetime" -> date(value);
            case "radio", "select" -> choice(field, value, options);
            default -> value instanceof String || value instanceof Number || value instanceof Boolean ? null
                    : "must be a plain value";
        };
    }

    private static String text(Field field, Object value) {
        if (!(value instanceof String text)) {
            return "must be text";
        }
        if (field.maxLength() != null && text.length() > field.maxLength()) {
            return "at most " + field.maxLength() + " characters";
        }
        // the input contract's one text rule: a textarea may have lines and tabs, a text field is one line
        return org.precisionaid.web.input.TextRule.violation(text, "textarea".equals(field.type()));
    }

    private static String number(Field field, Object value) {
        if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
            return "must be a number";
        }
        BigDecimal decimal = new BigDecimal(number.toString());
        if (field.min() != null && decimal.compareTo(field.min()) < 0) {
            return "must be at least " + field.min().toPlainString();
        }
        if (field.max() != null && decimal.compareTo(field.max()) > 0) {
            return "must be at most " + field.max().toPlainString();
        }
        if (field.decimalDigits() != null && Math.max(0, decimal.stripTrailingZeros().scale()) > field.decimalDigits()) {
            return field.decimalDigits() == 0 ? "must be a whole number"
                    : "at most " + field.decimalDigits() + " decimal places";
        }
        return null;
    }

    private static String date(Object value) {
        if (value instanceof Date) {
            return null;
        }
        if (value instanceof String text && text.trim().length() >= 10) {
            try {
                LocalDate.parse(text.trim().substring(0, 10));
                return null;
            } catch (DateTimeParseException notADate) {
                // falls through to the rule
            }
        }
        return "must be a date (yyyy-MM-dd)";
    }

    private static String choice(Field field, Object value, Function<String, Object> options) {
        if (!(value instanceof String) && !(value instanceof Number)) {
            return "must be one of the form's choices";
        }
        Set<String> allowed = field.valuesKey() == null ? field.values() : offered(options.apply(field.valuesKey()));
        if (!allowed.contains(value.toString())) {
            return field.valuesKey() == null ? "choose one of " + allowed
                    : "choose one of the options the form offered (" + field.valuesKey() + ")";
        }
        return null;
    }

    /** The values of the options the server put into the case ({@code [{label, value}]}, as JSON text, Spin or a list). */
    private static Set<String> offered(Object options) {
        Set<String> values = new LinkedHashSet<>();
        if (options == null) {
            return values;
        }
        if (options instanceof Collection<?> list) {
            for (Object option : list) {
                if (option instanceof Map<?, ?> map && map.get("value") != null) {
                    values.add(map.get("value").toString());
                }
            }
            return values;
        }
        try {
            JSON.readTree(options.toString()).forEach(option -> values.add(option.path("value").asText()));
        } catch (IOException notJson) {
            // no options the form could show: nothing may be chosen
        }
        return values;
    }

    static BigDecimal decimal(JsonNode node) {
        return node.isNumber() ? node.decimalValue() : null;
    }

    static Integer integer(JsonNode node) {
        return node.isNumber() ? node.intValue() : null;
    }
}
