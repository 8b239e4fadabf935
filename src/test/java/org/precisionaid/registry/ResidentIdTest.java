package org.precisionaid.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.precisionaid.registry.Codes.Sex;

class ResidentIdTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @Test
    void readsSexAndBirthDateFromAValidNumberWithXAsCheckCharacter() {
        ResidentId.Result result = ResidentId.parse("65422419800312001X", TODAY);
        assertThat(result.error()).isNull();
        ResidentId id = result.id().orElseThrow();
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1980, 3, 12));
        assertThat(id.sex()).isEqualTo(Sex.MALE);   // 17th digit 1: odd
        assertThat(ResidentId.parse("654224198211050028", TODAY).id().orElseThrow().sex()).isEqualTo(Sex.FEMALE);
    }

    @Test
    void aLowerCaseXIsAccepted() {
        assertThat(ResidentId.parse("65422419800312001x", TODAY).id()).contains(new ResidentId("65422419800312001X"));
    }

    @ParameterizedTest
    @CsvSource({
            "654224198003120011, check character",
            "65422419800312001, 18 characters",
            "6542241980031200AX, 18 characters",
            "654224198002300019, calendar date",
            "654224203001010013, not plausible"})
    void brokenNumbersAreRejectedNamingTheRule(String number, String rule) {
        ResidentId.Result result = ResidentId.parse(number, TODAY);
        assertThat(result.id()).isEmpty();
        assertThat(result.error()).contains(rule);
    }

    @Test
    void publishedNumbersShowAreaAndLastFourOnly() {
        assertThat(ResidentId.mask("65422419800312001X")).isEqualTo("654224********001X");
    }
}
