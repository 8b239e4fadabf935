package org.precisionaid.village;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.precisionaid.region.Region;
import org.precisionaid.region.RegionLevel;
import org.precisionaid.region.RegionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A village file for every village of the demo counties (default Toli, 654224), computed from the villages that exist
 * — not from a list of codes — so it follows whatever divisions are loaded (residents' committees in towns excluded). Figures are illustrative and vary by the
 * village's position: the 1st, 5th, ... village meets every exit condition, the 2nd, 6th, ... has exactly the 50,000
 * yuan collective income Tacheng asks for (also eligible), the 3rd, 7th, ... earns too little, the 4th, 8th, ... has
 * no broadband. Existing files are never overwritten.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "precision-aid.demo", havingValue = "true")
class VillageDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(VillageDemoData.class);
    private static final String[] INDUSTRIES = {"肉羊养殖、饲草种植 / Sheep and forage", "奶牛养殖、牧家乐 / Dairy cattle and farm stays",
            "小麦、油葵种植 / Wheat and sunflowers", "蜂蜜、红花种植 / Honey and safflower"};

    private final RegionService regions;
    private final VillageFileService files;
    private final List<String> counties;

    VillageDemoData(RegionService regions, VillageFileService files,
            @Value("${precision-aid.demo-village-file-counties:654224000000}") List<String> counties) {
        this.regions = regions;
        this.files = files;
        this.counties = counties;
    }

    @Override
    public void run(ApplicationArguments args) {
        int created = 0;
        for (String county : counties) {
            if (!regions.exists(county)) {
                continue;
            }
            List<Region> villages = villagesUnder(regions.get(county));
            for (int i = 0; i < villages.size(); i++) {
                String code = villages.get(i).getCode();
                if (files.find(code).isEmpty()) {
                    files.save(code, demoFile(code, i), "demo");
                    created++;
                }
            }
        }
        log.info("Demo village files: {} new", created);
    }

    static VillageFileForm demoFile(String code, int position) {
        int spread = Math.floorMod(code.hashCode(), 200);
        int households = 140 + spread;
        int population = households * 4 - spread % 37;
        int agricultural = population * 9 / 10;
        int profile = position % 4;
        long income = switch (profile) {
            case 0 -> 68_000;
            case 1 -> 50_000;
            case 2 -> 36_000;
            default -> 55_000;
        };
        int lastYear = LocalDate.now().getYear() - 1;
        return new VillageFileForm(households, population, agricultural, new BigDecimal(40 + spread % 90 + ".50"),
                new BigDecimal(6_000 + spread * 25), true, profile != 2, true, true, profile != 3, true, profile == 0,
                INDUSTRIES[spread % INDUSTRIES.length], income, lastYear, 9_000L + spread * 20L,
                profile == 2 ? "村集体经济薄弱 / weak collective economy" : null,
                profile == 3 ? "光纤入村 / fibre to the village" : null, lastYear + 1, null);
    }

    /** Villages (村委会 and the like, codes x2xx and above); residents' committees in towns (x0xx, x1xx) have no file. */
    private List<Region> villagesUnder(Region region) {
        if (region.getLevel() == RegionLevel.VILLAGE) {
            return region.getCode().charAt(9) >= '2' ? List.of(region) : List.of();
        }
        List<Region> villages = new ArrayList<>();
        for (Region child : regions.children(region.getCode())) {
            villages.addAll(villagesUnder(child));
        }
        return villages;
    }
}
