package org.precisionaid.announcement;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ObjectionRepository extends JpaRepository<Objection, Long> {

    Optional<Objection> findFirstByHouseholdIdAndStatusOrderByIdAsc(Long householdId, Objection.State status);

    List<Objection> findByHouseholdIdOrderById(Long householdId);
}
