package org.precisionaid.project;

import jakarta.persistence.EntityManager;
import org.springframework.stereotype.Component;

/** Gives out project numbers XM-<year>-<county>-<nnnn>, one counter per county and year, never twice. */
@Component
class ProjectCounter {

    private final EntityManager entityManager;

    ProjectCounter(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    String next(String countyCode, int year) {
        String county = countyCode.substring(0, 6);
        int updated = entityManager.createNativeQuery(
                        "update project_counter set last_no = last_no + 1 where county_code = ?1 and project_year = ?2")
                .setParameter(1, county).setParameter(2, year).executeUpdate();
        if (updated == 0) {
            entityManager.createNativeQuery(
                            "insert into project_counter (county_code, project_year, last_no) values (?1, ?2, 1)")
                    .setParameter(1, county).setParameter(2, year).executeUpdate();
        }
        Number last = (Number) entityManager.createNativeQuery(
                        "select last_no from project_counter where county_code = ?1 and project_year = ?2")
                .setParameter(1, county).setParameter(2, year).getSingleResult();
        return String.format("XM-%d-%s-%04d", year, county, last.intValue());
    }
}
