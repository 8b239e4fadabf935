package org.precisionaid.web.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What every value of a request body must be before any feature sees it: text by {@link TextRule} (trimmed), decimal
 * numbers of a sane size (the field's own column is checked by its validator), dates between
 * {@link #EARLIEST} and {@link #LATEST}. A refused value becomes an {@link InputRefusal} named by its JSON path.
 */
public class InputModule extends SimpleModule {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);
    /** Digits before the point and after it that any decimal of ours may have (fen amounts fit in a long). */
    public static final int MAX_INTEGER_DIGITS = 15;
    public static final int MAX_FRACTION_DIGITS = 6;

    public InputModule() {
        super("precision-aid-input-contract");
        addDeserializer(String.class, new Text(false));
        addDeserializer(BigDecimal.class, new Decimal());
        addDeserializer(LocalDate.class, new Date());
    }

    /** Text: {@link TextRule}, multi-line where the field carries {@link MultiLine}. */
    static final class Text extends StdScalarDeserializer<String> implements ContextualDeserializer {

        private final boolean multiLine;

        Text(boolean multiLine) {
            super(String.class);
            this.multiLine = multiLine;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            boolean multi = property != null && property.getAnnotation(MultiLine.class) != null;
            return multi == multiLine ? this : new Text(multi);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String raw = StringDeserializer.instance.deserialize(parser, context);
            if (raw == null) {
                return null;
            }
            String violation = TextRule.violation(raw, multiLine);
            if (violation != null) {
                throw new InputRefusal(parser, String.class, violation);
            }
            return TextRule.clean(raw, multiLine);
        }
    }

    /** A decimal of at most {@link #MAX_INTEGER_DIGITS} digits before the point and {@link #MAX_FRACTION_DIGITS} after. */
    static final class Decimal extends StdScalarDeserializer<BigDecimal> {

        Decimal() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            BigDecimal value = NumberDeserializers.BigDecimalDeserializer.instance.deserialize(parser, context);
            if (value == null) {
                return null;
            }
            String rule = Numbers.outOfRange(value, MAX_INTEGER_DIGITS, MAX_FRACTION_DIGITS);
            if (rule != null) {
                throw new InputRefusal(parser, BigDecimal.class, rule);
            }
            return value;
        }
    }

    /** A date (yyyy-MM-dd) between {@link #EARLIEST} and {@link #LATEST}. */
    static final class Date extends StdScalarDeserializer<LocalDate> {

        Date() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            // Jackson's own reader trims, and String.trim() also drops control characters: "2026-12-02\b" would pass
            if (parser.currentToken() == com.fasterxml.jackson.core.JsonToken.VALUE_STRING
                    && !parser.getText().isEmpty() && !parser.getText().matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new InputRefusal(parser, LocalDate.class, "must be a date as yyyy-MM-dd");
            }
            LocalDate date = LocalDateDeserializer.INSTANCE.deserialize(parser, context);
            if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
                throw new InputRefusal(parser, LocalDate.class, "must be a date between " + EARLIEST + " and " + LATEST);
            }
            return date;
        }
    }
}
