package org.precisionaid.web.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The strict reading of a body, without the application: what each kind of bad value becomes, and its path. */
class StrictJsonTest {

    record Line(String source, BigDecimal amount) {
    }

    record Body(String name, @MultiLine String reason, Integer months, LocalDate start, List<Line> lines) {
    }

    private final ObjectMapper strict = StrictJson.strict(new ObjectMapper().registerModule(new JavaTimeModule()));

    private Body read(String json) throws Exception {
        return strict.readValue(json.replace('\'', '"'), Body.class);
    }

    private static String path(Throwable e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : ((JsonMappingException) e).getPath()) {
            path.append(r.getFieldName() != null ? (path.isEmpty() ? "" : ".") + r.getFieldName() : "[" + r.getIndex() + "]");
        }
        return path.toString();
    }

    @Test
    void aValidBodyIsReadWithItsTextTrimmedAndItsReasonOnSeveralLines() throws Exception {
        Body body = read("{'name':'  肉羊养殖 ','reason':'第一行\\r\\n\\t第二行','months':12,'start':'2026-03-01',"
                + "'lines':[{'source':'CENTRAL','amount':80000.5}]}");
        assertThat(body.name()).isEqualTo("肉羊养殖");
        assertThat(body.reason()).isEqualTo("第一行\n\t第二行");
        assertThat(body.lines().get(0).amount()).isEqualByComparingTo("80000.5");
    }

    @Test
    void unknownPropertiesAndNullsInListsAreRefusedByPath() {
        assertThatThrownBy(() -> read("{'lines':[{'source':'X','amonut':1}]}"))
                .isInstanceOf(UnrecognizedPropertyException.class).satisfies(e -> assertThat(path(e)).isEqualTo("lines[0].amonut"));
        assertThatThrownBy(() -> read("{'lines':[{'source':'X'},null]}"))
                .isInstanceOf(InvalidNullException.class).satisfies(e -> assertThat(path(e)).isEqualTo("lines[1]"));
        assertThatThrownBy(() -> read("{'name':'a','name':'b'}")).hasMessageContaining("Duplicate field 'name'");
    }

    @Test
    void wholeNumbersAreNeitherCutNorOverflowed() {
        assertThatThrownBy(() -> read("{'months':1.5}")).satisfies(e -> assertThat(path(e)).isEqualTo("months"));
        assertThatThrownBy(() -> read("{'months':10000000000}")).satisfies(e -> assertThat(path(e)).isEqualTo("months"));
    }

    @Test
    void controlCharactersAreRefusedOutsideMultiLineFields() {
        for (String bad : List.of("\\u0000", "\\u0007", "\\u001b[31m", "\\n", "\\t", "\\u0085", "\\ud800", "\\u202e")) {
            assertThatThrownBy(() -> read("{'name':'a" + bad + "b'}")).as(bad).isInstanceOf(InputRefusal.class)
                    .satisfies(e -> assertThat(path(e)).isEqualTo("name"));
        }
        assertThatThrownBy(() -> read("{'reason':'a\\u0000b'}")).isInstanceOf(InputRefusal.class);
        assertThatThrownBy(() -> read("{'lines':[{'source':'A\\u001bB'}]}"))
                .satisfies(e -> assertThat(path(e)).isEqualTo("lines[0].source"));
        // a date's reader trims, and trimming drops control characters too: refused before that
        assertThatThrownBy(() -> read("{'start':'2026-12-02\\b'}")).satisfies(e -> assertThat(path(e)).isEqualTo("start"));
    }

    @Test
    void decimalsAndDatesStayWithinSaneBounds() {
        assertThatThrownBy(() -> read("{'lines':[{'amount':1e400}]}"))
                .satisfies(e -> assertThat(((InputRefusal) e).rule()).contains("digits before the decimal point"));
        assertThatThrownBy(() -> read("{'lines':[{'amount':0.0000001}]}"))
                .satisfies(e -> assertThat(((InputRefusal) e).rule()).contains("after the decimal point"));
        assertThatThrownBy(() -> read("{'start':'0001-01-01'}")).satisfies(e -> assertThat(path(e)).isEqualTo("start"));
        assertThatThrownBy(() -> read("{'start':'+999999999-12-31'}")).isInstanceOf(JsonMappingException.class);
    }

    @Test
    void aColumnsScaleRefusesWhatItWouldRound() {
        assertThat(Numbers.outOfRange(new BigDecimal("0.0001"), 11, 3)).contains("3 digits after");
        assertThat(Numbers.outOfRange(new BigDecimal("1000000000000"), 11, 3)).contains("11 digits before");
        assertThat(Numbers.outOfRange(new BigDecimal("30.500"), 11, 3)).isNull();
        assertThat(Numbers.outOfRange(new BigDecimal("1E+3"), 11, 0)).isNull();
    }
}
