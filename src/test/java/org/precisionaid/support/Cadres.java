package org.precisionaid.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.precisionaid.assistance.AssistanceService;
import org.precisionaid.assistance.CadreRank;

/**
 * Cadres of their own for tests, so that tests sharing the one context never compete for the demo cadres'
 * quota. A staff cadre in Tacheng takes 5 households (default row of cadre_quota), a township-rank cadre 1.
 */
public final class Cadres {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Map<String, Long> POOL = new ConcurrentHashMap<>();

    private Cadres() {
    }

    /** A new active cadre of the county (6 digits) with a unit of his own and no households yet. */
    public static long fresh(AssistanceService assistance, String county, CadreRank rank) {
        return fresh(assistance, county, rank, null);
    }

    public static long fresh(AssistanceService assistance, String county, CadreRank rank, String userId) {
        int n = SEQUENCE.incrementAndGet();
        long unit = assistance.createUnit("测试单位" + n + " / Test unit " + n, county + "000000").getId();
        return assistance.createCadre("测试干部" + n, "Test Cadre " + n, rank.name(), unit, county + "000000",
                "1380000" + String.format("%04d", n % 10000), userId).getId();
    }

    /**
     * A staff cadre for the n-th of many households: one cadre per five households of the county, per application
     * context (the H2 and the PostgreSQL contexts share this JVM but not their cadres).
     */
    public static long forHousehold(AssistanceService assistance, String county, long n) {
        return POOL.computeIfAbsent(System.identityHashCode(assistance) + "/" + county + "/" + n / 5,
                key -> fresh(assistance, county, CadreRank.STAFF));
    }
}
