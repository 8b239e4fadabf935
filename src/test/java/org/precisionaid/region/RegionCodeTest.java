package org.precisionaid.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegionCodeTest {

    @ParameterizedTest
    @CsvSource({
            "650000000000, PROVINCE",
            "654200000000, CITY",
            "654224000000, COUNTY",
            "654224101000, TOWNSHIP",
            "654224101201, VILLAGE"})
    void levelFollowsFromTheTrailingZeros(String code, RegionLevel level) {
        assertThat(RegionCode.of(code).level()).isEqualTo(level);
    }

    @Test
    void aVillageKnowsItsTownshipCountyAndCity() {
        RegionCode village = RegionCode.of("654224101201");
        assertThat(village.parent()).isEqualTo(RegionCode.of("654224101000"));
        assertThat(village.ancestor(RegionLevel.COUNTY)).isEqualTo(RegionCode.of("654224000000"));
        assertThat(village.prefix(RegionLevel.TOWNSHIP)).isEqualTo("654224101");
        assertThat(village.isWithin(RegionCode.of("654224000000"))).isTrue();
        assertThat(village.isWithin(RegionCode.of("654224100000"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "6542241012011", "65422410120X", "", "000000000000"})
    void malformedCodesAreRejectedNamingTheValue(String code) {
        assertThatThrownBy(() -> RegionCode.of(code))
                .isInstanceOf(InvalidRegionCodeException.class)
                .hasMessageContaining("'" + code + "'")
                .hasMessageContaining("12-digit");
    }
}
