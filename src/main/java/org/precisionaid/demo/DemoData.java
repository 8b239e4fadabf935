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
import org.precisionaid.region.RegionCode;
import org.precisionaid.region.RegionImport;
import org.precisionaid.region.RegionImportException;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The visitor's world: the real divisions of Tacheng prefecture (demo/regions.csv, every county, township and
 * village), and one official per role and region where the demo has staff ({@link #staffed}), all with the password
 * {@value #PASSWORD}. Only in the demo profile.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "precision-aid.demo", havingValue = "true")
public class DemoData implements ApplicationRunner {

    public static final String PASSWORD = "demo";
    /** The prefecture itself (city office, auditor). */
    static final String PREFECTURE = "654200000000";
    /** Counties whose county office, auditor and bureaus exist. */
    static final List<String> COUNTIES = List.of("654224", "654225");
    /** Subtrees whose every township and village has its officials: all of Toli, one township of Yumin (吉也克镇). */
    static final List<String> STAFFED_BELOW_COUNTY = List.of("654224", "654225101");
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final RegionService regions;
    private final RegionImport regionImport;
    private final OfficialDirectory officials;
    private final FundBook funds;

    private final TransactionTemplate transaction;

    public DemoData(RegionService regions, RegionImport regionImport, OfficialDirectory officials, FundBook funds,
            PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
        this.regions = regions;
        this.regionImport = regionImport;
        this.officials = officials;
        this.funds = funds;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        long started = System.nanoTime();
        String csv;
        try (var in = new ClassPathResource("demo/regions.csv").getInputStream()) {
            csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        RegionImport.Result imported;
        try {
            imported = regionImport.importCsv(csv);
        } catch (RegionImportException e) {
            throw new IllegalStateException("The demo regions do not fit the database (an older demo's invented "
                    + "regions? delete ./data to start over): " + e.getMessage(), e);
        }
        List<Region> loaded = new ArrayList<>();
        for (String[] row : readCsv("demo/regions.csv", 3)) {
            if (staffed(row[0])) {
                loaded.add(regions.get(row[0]));
            }
        }
        long regionsDone = System.nanoTime();
        // one transaction for the few hundred accounts, groups and grants instead of one each
        int created = transaction.execute(status -> {
            int count = 0;
            // every demo account shares the password "demo": hashed once, not once per account (0.9 s at first start)
            OfficialDirectory.DemoPassword password = null;
            for (Region region : loaded) {
                for (OfficialRole role : rolesAt(region.getLevel())) {
                    String userId = userId(region, role);
                    if (!officials.exists(userId)) {
                        if (password == null) {
                            password = officials.hashDemoPassword(PASSWORD);
                        }
                        String[] label = role.label().split(" / ");
                        officials.createDemoOfficial(userId, region.getNameZh() + label[0],
                                region.getNameEn() + " " + label[1], password, region.getCode(), role.key());
                        count++;
                    }
                }
            }
            return count;
        });
        long officialsDone = System.nanoTime();
        int fundRows = 0;
        for (String[] row : readCsv("demo/funds.csv", 4)) {
            int year = Integer.parseInt(row[2].trim());
            if (funds.available(row[0], row[1], year) == 0) {
                funds.setAvailable(row[0], row[1], year, Money.fen(new BigDecimal(row[3].trim())));
                fundRows++;
            }
        }
        log.info("Demo data: {} regions ({} new, {} ms), officials in {} of them ({} new, password '{}', {} ms), {} new "
                + "fund rows, in {} ms", imported.created() + imported.unchanged(), imported.created(),
                (regionsDone - started) / 1_000_000, loaded.size(), created, PASSWORD,
                (officialsDone - regionsDone) / 1_000_000, fundRows, (System.nanoTime() - started) / 1_000_000);
    }

    /** Whether the demo has officials for this region: the prefecture, the demo counties, and the staffed subtrees. */
    static boolean staffed(String code) {
        RegionCode region = RegionCode.of(code);
        return switch (region.level()) {
            case PROVINCE -> false;
            case CITY -> code.equals(PREFECTURE);
            case COUNTY -> COUNTIES.contains(region.prefix(RegionLevel.COUNTY));
            case TOWNSHIP, VILLAGE -> STAFFED_BELOW_COUNTY.stream().anyMatch(code::startsWith);
        };
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
