package org.precisionaid.registry;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface HouseholdRepository extends JpaRepository<Household, Long> {

    Optional<Household> findByApplicationNo(String applicationNo);

    List<Household> findByVillageCodeAndStatusOrderByApplicationNo(String villageCode, Codes.Status status);

    /** Registered households of the village whose proposed exit is on notice now. */
    List<Household> findByVillageCodeAndStatusAndExitNoticeEndsAfterOrderByApplicationNo(String villageCode,
            Codes.Status status, java.time.Instant now);

    /** Households of the village that left poverty in the year (the county's announcement). */
    List<Household> findByVillageCodeAndStatusAndExitYearOrderByApplicationNo(String villageCode, Codes.Status status,
            Integer exitYear);

    /** Members with one of these ID numbers in an active household other than {@code householdId}. */
    @Query("""
            select m from Member m join fetch m.household h
            where m.idNumber in :idNumbers and h.status in :active and h.id <> :householdId""")
    List<Member> findActiveMembersElsewhere(@Param("idNumbers") Collection<String> idNumbers,
            @Param("active") Collection<Codes.Status> active, @Param("householdId") long householdId);

    @Query("""
            select distinct h from Household h left join h.members m
            where h.villageCode like concat(:regionPrefix, '%')
              and (:status is null or h.status = :status)
              and (:idNumber is null or m.idNumber = :idNumber)
            order by h.applicationNo""")
    List<Household> search(@Param("regionPrefix") String regionPrefix, @Param("status") Codes.Status status,
            @Param("idNumber") String idNumber, Pageable page);
}
