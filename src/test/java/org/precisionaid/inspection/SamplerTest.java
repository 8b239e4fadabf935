package org.precisionaid.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The sample rule: reproducible with its seed, stratified per village, a minimum per village, never above n. */
class SamplerTest {

    private static final BigDecimal FIVE = new BigDecimal("5");

    /** Three real villages of 铁厂沟镇 (托里县) with 200, 40 and 3 households. */
    private static SortedMap<String, List<Long>> population() {
        SortedMap<String, List<Long>> population = new TreeMap<>();
        population.put("654224101201", LongStream.rangeClosed(1, 200).boxed().toList());
        population.put("654224101202", LongStream.rangeClosed(1001, 1040).boxed().toList());
        population.put("654224101203", List.of(2001L, 2002L, 2003L));
        return population;
    }

    @Test
    void theSameSeedDrawsTheSameHouseholdsAndAnotherSeedOthers() {
        List<Sampler.Drawn> first = Sampler.draw(42L, FIVE, 3, population());
        assertThat(Sampler.draw(42L, FIVE, 3, population())).isEqualTo(first);
        assertThat(Sampler.draw(43L, FIVE, 3, population())).isNotEqualTo(first);
    }

    @Test
    void eachVillageGivesItsShareButAtLeastTheMinimumAndNeverMoreThanItHas() {
        Map<String, Long> perVillage = Sampler.draw(7L, FIVE, 3, population()).stream()
                .collect(Collectors.groupingBy(Sampler.Drawn::villageCode, Collectors.counting()));
        // 5 % of 200 = 10; 5 % of 40 = 2, raised to the minimum 3; a village of 3 gives all 3
        assertThat(perVillage).containsEntry("654224101201", 10L).containsEntry("654224101202", 3L)
                .containsEntry("654224101203", 3L);
        assertThat(Sampler.quota(3, FIVE, 5)).isEqualTo(3);
        assertThat(Sampler.quota(41, FIVE, 0)).as("ceil(2.05)").isEqualTo(3);
        assertThat(Sampler.quota(0, FIVE, 3)).isZero();
    }

    @Test
    void everyHouseholdDrawnIsOfItsVillageAndDrawnOnce() {
        List<Sampler.Drawn> drawn = Sampler.draw(99L, new BigDecimal("50"), 0, population());
        assertThat(drawn).doesNotHaveDuplicates();
        drawn.forEach(d -> assertThat(population().get(d.villageCode())).contains(d.householdId()));
        assertThat(drawn).hasSize(100 + 20 + 2);
    }

    @Test
    void aVillageAddedToTheRegistryDoesNotChangeAnotherVillagesDraw() {
        SortedMap<String, List<Long>> grown = population();
        grown.put("654224101200", LongStream.rangeClosed(5001, 5030).boxed().toList());
        List<Sampler.Drawn> before = Sampler.draw(5L, FIVE, 3, population());
        List<Sampler.Drawn> after = Sampler.draw(5L, FIVE, 3, grown);
        assertThat(after.stream().filter(d -> !d.villageCode().equals("654224101200")).toList()).isEqualTo(before);
    }

    @Test
    void overManySeedsEveryHouseholdOfAVillageIsSometimesDrawn() {
        SortedMap<String, List<Long>> village = new TreeMap<>(Map.of("654224101201",
                LongStream.rangeClosed(1, 20).boxed().toList()));
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (long seed = 0; seed < 200; seed++) {
            Sampler.draw(seed, FIVE, 0, village).forEach(d -> seen.add(d.householdId()));
        }
        assertThat(seen).hasSize(20);
    }
}
