package org.precisionaid.assistance;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CadreRepository extends JpaRepository<Cadre, Long> {

    /** The cadre's row, locked until the transaction ends: pairings of one cadre are counted one at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Cadre c where c.id = :id")
    Optional<Cadre> lockById(@Param("id") long id);

    @Query("""
            select c from Cadre c where c.countyCode like concat(:prefix, '%')
              and (:activeOnly = false or c.active = true)
            order by c.countyCode, c.rank, c.name, c.id""")
    List<Cadre> findInRegion(@Param("prefix") String countyPrefix, @Param("activeOnly") boolean activeOnly,
            Pageable page);

    /**
     * The same list narrowed by a search: {@code text} (already lower-case, LIKE wildcards escaped with !) in his
     * name, Latin name or unit's name, one of {@code ranks}, and the unit ({@code unitId} 0: any).
     */
    @Query("""
            select c from Cadre c where c.countyCode like concat(:prefix, '%')
              and (:activeOnly = false or c.active = true)
              and (lower(c.name) like concat('%', :text, '%') escape '!'
                   or lower(c.nameLatin) like concat('%', :text, '%') escape '!'
                   or lower(c.unit.name) like concat('%', :text, '%') escape '!')
              and c.rank in :ranks
              and (:unitId = 0 or c.unit.id = :unitId)
            order by c.countyCode, c.rank, c.name, c.id""")
    List<Cadre> search(@Param("prefix") String countyPrefix, @Param("activeOnly") boolean activeOnly,
            @Param("text") String text, @Param("ranks") java.util.Collection<CadreRank> ranks,
            @Param("unitId") long unitId, Pageable page);

    Optional<Cadre> findByUserId(String userId);

    boolean existsByNameAndUnit(String name, AssistingUnit unit);
}
