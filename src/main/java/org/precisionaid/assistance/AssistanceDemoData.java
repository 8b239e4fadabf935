package org.precisionaid.assistance;

import java.util.List;
import org.precisionaid.security.OfficialDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo assisting units and cadres for Toli and Yumin counties (after the demo regions and officials). Cadres
 * with a login are {@code cadre.<county>.<nn>}, password as every demo account; ranks cover Tacheng's quotas
 * (prefecture 3, county 2, township 1) and the default for staff cadres. Names and phones are invented.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "precision-aid.demo", havingValue = "true")
class AssistanceDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AssistanceDemoData.class);

    record DemoCadre(String county, String nn, String name, String latin, CadreRank rank, String unitRegion,
                     String unit, String phone, boolean login) {
    }

    static final List<DemoCadre> CADRES = List.of(
            new DemoCadre("654224", "01", "马建华", "Ma Jianhua", CadreRank.PREFECTURE, "654200000000",
                    "塔城地区行政公署办公室", "13809010001", true),
            new DemoCadre("654224", "02", "刘志强", "Liu Zhiqiang", CadreRank.COUNTY, "654224000000",
                    "托里县农业农村局", "13809010002", true),
            new DemoCadre("654224", "03", "努尔兰·哈森", "Nurlan Hasen", CadreRank.TOWNSHIP, "654224101000",
                    "铁厂沟镇人民政府", "13809010003", true),
            new DemoCadre("654224", "04", "李秀梅", "Li Xiumei", CadreRank.STAFF, "654224000000",
                    "托里县人力资源和社会保障局", "13809010004", false),
            new DemoCadre("654225", "01", "阿依达娜·木拉提", "Aidana Murat", CadreRank.COUNTY, "654225000000",
                    "裕民县人力资源和社会保障局", "13809020001", true),
            new DemoCadre("654225", "02", "张伟", "Zhang Wei", CadreRank.TOWNSHIP, "654225101000",
                    "吉也克镇人民政府", "13809020002", true),
            new DemoCadre("654225", "03", "赵丽", "Zhao Li", CadreRank.STAFF, "654225000000",
                    "裕民县农业农村局", "13809020003", false));

    private final AssistanceService assistance;
    private final AssistingUnitRepository units;
    private final CadreRepository cadres;
    private final OfficialDirectory officials;

    AssistanceDemoData(AssistanceService assistance, AssistingUnitRepository units, CadreRepository cadres,
            OfficialDirectory officials) {
        this.assistance = assistance;
        this.units = units;
        this.cadres = cadres;
        this.officials = officials;
    }

    @Override
    public void run(ApplicationArguments args) {
        int created = 0;
        for (DemoCadre demo : CADRES) {
            String userId = userId(demo);
            AssistingUnit unit = units.findByRegionCodeAndName(demo.unitRegion(), demo.unit())
                    .orElseGet(() -> assistance.createUnit(demo.unit(), demo.unitRegion()));
            if (cadres.existsByNameAndUnit(demo.name(), unit)) {
                continue;
            }
            String countyCode = demo.county() + "000000";
            if (demo.login() && !officials.exists(userId)) {
                officials.createDemoOfficial(userId, demo.name(), demo.latin(), org.precisionaid.demo.DemoData.PASSWORD,
                        countyCode, "cadre");
            }
            assistance.createCadre(demo.name(), demo.latin(), demo.rank().name(), unit.getId(), countyCode,
                    demo.phone(), demo.login() ? userId : null);
            created++;
        }
        log.info("Demo assistance: {} new cadres", created);
    }

    static String userId(DemoCadre demo) {
        return "cadre." + demo.county() + "." + demo.nn();
    }
}
