package org.precisionaid.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.precisionaid.assistance.AssistanceService;
import org.precisionaid.region.RegionService;
import org.precisionaid.registry.Household;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.security.OfficialDirectory;
import org.precisionaid.village.VillageFileForm;

/**
 * Villages of their own for the village-exit and scoring tests: each test gets a new village under the township of
 * {@link Applications#VILLAGE} with its own clerk and committee, so the poor population of a village is what the test
 * put there. Households use the seeds 15000-15499 (unique ID numbers).
 */
public final class Villages {

    public static final String TOWNSHIP = Applications.VILLAGE.substring(0, 9);
    public static final String COUNTY = Applications.VILLAGE.substring(0, 6);
    private static final AtomicInteger VILLAGES = new AtomicInteger(300);
    private static final AtomicLong SEEDS = new AtomicLong(15_000);

    private Villages() {
    }

    /** A new village (code {@code <township>3nn}) with {@code clerk.<code>} and {@code village.<code>} (password demo). */
    public static synchronized String fresh(RegionService regions, OfficialDirectory officials) {
        int n = VILLAGES.getAndIncrement();
        String code = TOWNSHIP + String.format("%03d", n);
        regions.create(code, "测试村" + n, "Test Village " + n);
        officials.createDemoOfficial("clerk." + code, "测试村" + n + "文书", "Clerk " + n, "demo", code, "clerk");
        officials.createDemoOfficial("village." + code, "测试村" + n + "村委会", "Committee " + n, "demo", code, "village");
        return code;
    }

    /** A village file with every infrastructure indicator met and the given population and collective income. */
    public static VillageFileForm file(int agriculturalPopulation, long collectiveIncomeYuan) {
        return file(agriculturalPopulation, collectiveIncomeYuan, true);
    }

    public static VillageFileForm file(int agriculturalPopulation, long collectiveIncomeYuan, boolean broadband) {
        int population = agriculturalPopulation + 20;
        return new VillageFileForm(population / 4, population, agriculturalPopulation, new BigDecimal("86.40"),
                new BigDecimal("12500"), true, true, true, true, broadband, true, true, "肉羊养殖 / sheep farming",
                collectiveIncomeYuan, LocalDate.now().getYear(), 11_800L, null, null, null, null);
    }

    /** A registered household of four in the village, its file card planned to exit in the given year. */
    public static Household registered(HouseholdService households, String village, int plannedExitYear) {
        Household household = households.submit(Applications.eligible(village, nextSeed()), "test");
        households.classify(household.getId(), "DEVELOPMENT", "test household");
        households.register(household.getId(), "养殖扶持 / livestock support", plannedExitYear, "test");
        return households.get(household.getApplicationNo());
    }

    /** As {@link #registered(HouseholdService, String, int)}, paired with the cadre. */
    public static Household paired(HouseholdService households, AssistanceService assistance, String village,
            int plannedExitYear, long cadreId) {
        Household household = registered(households, village, plannedExitYear);
        assistance.pairAtRegistration(household.getId(), cadreId, "test");
        return household;
    }

    static long nextSeed() {
        long seed = SEEDS.getAndIncrement();
        if (seed >= 15_500) {
            throw new IllegalStateException("the village tests' seeds 15000-15499 are used up");
        }
        return seed;
    }
}
