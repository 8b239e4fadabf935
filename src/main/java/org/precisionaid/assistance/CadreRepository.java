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

    Optional<Cadre> findByUserId(String userId);

    boolean existsByNameAndUnit(String name, AssistingUnit unit);
}
