package org.precisionaid.project;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ProjectRepository extends JpaRepository<Project, Long> {

    Optional<Project> findByProjectNo(String projectNo);

    @Query("""
            select p from Project p
            where p.regionCode like concat(:regionPrefix, '%')
              and (:status is null or p.status = :status)
              and (:type is null or p.type = :type)
            order by p.projectNo""")
    List<Project> search(@Param("regionPrefix") String regionPrefix, @Param("status") ProjectCodes.Status status,
            @Param("type") ProjectCodes.ProjectType type, Pageable page);

    /** Budget of one source already committed in a county and year by projects at or past approval. */
    @Query("""
            select coalesce(sum(l.amountFen), 0) from BudgetLine l join l.project p
            where p.countyCode = :county and p.fundYear = :year and l.fundSource = :source
              and p.status in :committing and p.id <> :exceptProject""")
    long committed(@Param("county") String county, @Param("year") int year, @Param("source") String source,
            @Param("committing") Collection<ProjectCodes.Status> committing, @Param("exceptProject") long exceptProject);

    @Query("""
            select b from Beneficiary b join fetch b.project p
            where b.household.id = :householdId order by p.projectNo""")
    List<Beneficiary> benefitsOf(@Param("householdId") long householdId);

    /** Projects on the public page: those that reached disclosure, in the region (county, township or village). */
    @Query("""
            select distinct p from Project p left join p.beneficiaries b left join b.household h
            where p.status in :visible
              and (p.regionCode like concat(:regionPrefix, '%') or h.villageCode like concat(:regionPrefix, '%'))
            order by p.projectNo""")
    List<Project> published(@Param("regionPrefix") String regionPrefix,
            @Param("visible") Collection<ProjectCodes.Status> visible, Pageable page);
}
