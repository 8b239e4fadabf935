package org.precisionaid.village;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.precisionaid.registry.Codes;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface VillageFileRepository extends JpaRepository<VillageFile, String> {

    /** The file's row, locked until the transaction ends: one exit application of a village at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select f from VillageFile f where f.villageCode = :code")
    Optional<VillageFile> lock(@Param("code") String villageCode);

    @Query("select f from VillageFile f where f.villageCode like concat(:prefix, '%') order by f.villageCode")
    List<VillageFile> findInRegion(@Param("prefix") String prefix);

    /** Members of the village's households in this status (the poor population: REGISTERED, not exited). */
    @Query("select count(m) from Member m where m.household.villageCode = :code and m.household.status = :status")
    long countMembers(@Param("code") String villageCode, @Param("status") Codes.Status status);

    @Query("""
            select m.household.villageCode, count(m) from Member m
            where m.household.villageCode like concat(:prefix, '%') and m.household.status = :status
            group by m.household.villageCode""")
    List<Object[]> countMembersByVillage(@Param("prefix") String prefix, @Param("status") Codes.Status status);
}
