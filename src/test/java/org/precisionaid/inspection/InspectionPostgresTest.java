package org.precisionaid.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.precisionaid.assistance.AssistanceService;
import org.precisionaid.project.Project;
import org.precisionaid.project.ProjectService;
import org.precisionaid.region.RegionService;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.security.OfficialDirectory;
import org.precisionaid.support.PostgresTest;
import org.precisionaid.support.Projects;
import org.precisionaid.support.Villages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V31 on a real PostgreSQL: a round of households and projects is written, drawn again the same from its seed, and the
 * schema keeps every sampled case a household or a project, never neither.
 */
@PostgresTest
class InspectionPostgresTest {

    @Autowired InspectionService inspections;
    @Autowired InspectionStarter starter;
    @Autowired RegionService regions;
    @Autowired OfficialDirectory officials;
    @Autowired HouseholdService households;
    @Autowired AssistanceService assistance;
    @Autowired ProjectService projects;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aRoundOfHouseholdsAndProjectsIsKeptAndDrawnAgainTheSame() {
        int year = LocalDate.now().getYear();
        String village = Villages.fresh(regions, officials);
        Villages.registered(households, village, year + 1);
        String beneficiary = Projects.registered(households, assistance, village).getApplicationNo();
        Project project = projects.submit(Projects.sheep(village, List.of(beneficiary)), "test");
        projects.route(project.getId(), "agriculture", "county");
        projects.disclose(project.getId(), Instant.now(), "test");
        projects.allocate(project.getId(), "TL-CZ-PG-" + project.getId(), "test");

        InspectionRound round = starter.plan(inspections.check(new InspectionService.Plan(village, year,
                List.of("IDENTIFICATION", "PROJECTS"), new BigDecimal("50"), 1, 1)), "county.654224");
        assertThat(round.getPopulation()).isEqualTo(2);
        assertThat(round.getProjectPopulation()).isEqualTo(1);
        assertThat(round.getSampleSize()).as("one of two households, the one project").isEqualTo(2);
        List<InspectionSample> sample = inspections.samples(round.getId());
        assertThat(sample.get(1).getProjectId()).isEqualTo(project.getId());
        assertThat(sample.get(1).getHouseholdId()).isNull();

        InspectionService.Redraw redraw = inspections.redraw(inspections.round(round.getRoundNo()));
        assertThat(redraw.matches()).isTrue();
        assertThat(redraw.redrawnProjects()).containsExactly(project.getId());

        assertThatThrownBy(() -> jdbc.update("update inspection_sample set household_id = null where round_id = ?",
                round.getId())).isInstanceOf(DataIntegrityViolationException.class);
    }
}
