package org.precisionaid.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.math.BigDecimal;
import org.precisionaid.project.FundBook;
import org.precisionaid.project.Money;
import org.precisionaid.region.OfficialRole;
import org.precisionaid.region.Region;
import org.precisionaid.region.RegionLevel;
import org.precisionaid.region.RegionService;
import org.precisionaid.security.OfficialDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The visitor's world: Tacheng prefecture with two counties, three townships each, four villages each,
 * and one official per role and region, all with the password {@value #PASSWORD}. Only in the demo profile.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "precision-aid.demo", havingValue = "true")
public class DemoData implements ApplicationRunner {

    public static final String PASSWORD = "demo";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final RegionService regions;
    private final OfficialDirectory officials;
    private final FundBook funds;

    public DemoData(RegionService regions, OfficialDirectory officials, FundBook funds) {
        this.regions = regions;
        this.officials = officials;
        this.funds = funds;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        List<Region> loaded = new ArrayList<>();
        for (String[] row : readRegions()) {
            loaded.add(regions.exists(row[0]) ? regions.get(row[0]) : regions.create(row[0], row[1], row[2]));
        }
        int created = 0;
        for (Region region : loaded) {
            for (OfficialRole role : rolesAt(region.getLevel())) {
                String userId = userId(region, role);
                if (!officials.exists(userId)) {
                    String[] label = role.label().split(" / ");
                    officials.createDemoOfficial(userId, region.getNameZh() + label[0],
                            region.getNameEn() + " " + label[1], PASSWORD, region.getCode(), role.key());
                    created++;
                }
            }
        }
        int fundRows = 0;
        for (String[] row : readCsv("demo/funds.csv", 4)) {
            int year = Integer.parseInt(row[2].trim());
            if (funds.available(row[0], row[1], year) == 0) {
                funds.setAvailable(row[0], row[1], year, Money.fen(new BigDecimal(row[3].trim())));
                fundRows++;
            }
        }
        log.info("Demo data: {} regions, {} new officials (password '{}'), {} new fund rows", loaded.size(), created,
                PASSWORD, fundRows);
    }

    /** e.g. township.654224101 — the role, a dot, the region's significant digits. */
    public static String userId(Region region, OfficialRole role) {
        return role.key() + "." + region.getCode().substring(0, region.getLevel().significantDigits());
    }

    static List<OfficialRole> rolesAt(RegionLevel level) {
        return switch (level) {
            case VILLAGE -> List.of(OfficialRole.CLERK, OfficialRole.VILLAGE);
            case TOWNSHIP -> List.of(OfficialRole.TOWNSHIP);
            case COUNTY -> countyRoles();
            case CITY -> List.of(OfficialRole.CITY, OfficialRole.AUDITOR);
            case PROVINCE -> List.of();
        };
    }

    /** The county office, its auditor, and the county bureaus of project funding (leading group, finance, lead units). */
    static List<OfficialRole> countyRoles() {
        List<OfficialRole> roles = new ArrayList<>();
        for (OfficialRole role : OfficialRole.values()) {
            if (role.level() == RegionLevel.COUNTY || role == OfficialRole.AUDITOR) {
                roles.add(role);
            }
        }
        return roles;
    }

    private static List<String[]> readRegions() throws IOException {
        return readCsv("demo/regions.csv", 3);
    }

    private static List<String[]> readCsv(String resource, int columns) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split(",", columns));
                }
            }
        }
        return rows;
    }
}
