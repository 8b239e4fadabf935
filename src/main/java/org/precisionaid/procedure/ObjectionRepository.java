package org.precisionaid.procedure;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ObjectionRepository extends JpaRepository<Objection, Long> {

    Optional<Objection> findFirstByHouseholdIdAndStatusOrderByIdAsc(Long householdId, Objection.State status);

    Optional<Objection> findFirstByProjectIdAndStatusOrderByIdAsc(Long projectId, Objection.State status);

    Optional<Objection> findFirstByVillageExitIdAndStatusOrderByIdAsc(Long villageExitId, Objection.State status);

    List<Objection> findByHouseholdIdOrderById(Long householdId);

    List<Objection> findByProjectIdOrderById(Long projectId);

    List<Objection> findByVillageExitIdOrderById(Long villageExitId);

    Optional<Objection> findFirstByMonitoringCaseIdAndStatusOrderByIdAsc(Long monitoringCaseId, Objection.State status);

    List<Objection> findByMonitoringCaseIdOrderById(Long monitoringCaseId);

    long countByMonitoringCaseIdAndStatusIn(Long monitoringCaseId, Collection<Objection.State> states);

    long countByHouseholdIdAndStatusIn(Long householdId, Collection<Objection.State> states);

    long countByProjectIdAndStatusIn(Long projectId, Collection<Objection.State> states);

    long countByVillageExitIdAndStatusIn(Long villageExitId, Collection<Objection.State> states);
}
