package org.precisionaid.assistance;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PairingRepository extends JpaRepository<Pairing, Long> {

    @Query("select p from Pairing p where p.householdId = :householdId order by p.startedAt, p.id")
    List<Pairing> history(@Param("householdId") long householdId);

    @Query("select p from Pairing p where p.householdId = :householdId and p.endedAt is null")
    Optional<Pairing> current(@Param("householdId") long householdId);
}
