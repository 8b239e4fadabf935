package org.precisionaid.inspection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SplittableRandom;

/**
 * The sample rule of a round, reproducible from its seed: households are stratified by village; in each village of
 * {@code n} households, {@code max(ceil(p·n), minimum)} are drawn, at most {@code n}. Each village draws from its own
 * generator, seeded from the round's seed and the village code, over its households ordered by id (a stable key), by
 * a partial Fisher–Yates shuffle — so the same seed over the same registry gives the same households, and a village
 * added to the registry later does not change another village's draw.
 */
public final class Sampler {

    /** A household drawn, in the order of the draw. */
    public record Drawn(String villageCode, long householdId) {
    }

    private Sampler() {
    }

    /** How many of a village's {@code n} households are drawn. */
    public static int quota(int n, BigDecimal percent, int minimum) {
        int byShare = percent.multiply(BigDecimal.valueOf(n)).divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING)
                .intValueExact();
        return Math.min(n, Math.max(byShare, minimum));
    }

    /** @param population per village code (iterated in code order), the households' ids in ascending order */
    public static List<Drawn> draw(long seed, BigDecimal percent, int minimum, SortedMap<String, List<Long>> population) {
        List<Drawn> drawn = new ArrayList<>();
        for (Map.Entry<String, List<Long>> village : population.entrySet()) {
            long[] ids = village.getValue().stream().mapToLong(Long::longValue).toArray();
            int k = quota(ids.length, percent, minimum);
            SplittableRandom random = new SplittableRandom(seed ^ mix(Long.parseLong(village.getKey())));
            for (int i = 0; i < k; i++) {
                int j = i + random.nextInt(ids.length - i);
                long chosen = ids[j];
                ids[j] = ids[i];
                ids[i] = chosen;
                drawn.add(new Drawn(village.getKey(), chosen));
            }
        }
        return drawn;
    }

    /** Spreads the village code over all 64 bits (the SplitMix64 finaliser), so neighbouring codes draw apart. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
