package org.precisionaid.project;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface FundAvailabilityRepository extends JpaRepository<FundAvailability, FundAvailability.Key> {

    /** The row, locked until the transaction ends: two approvals in one county and year commit one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from FundAvailability a where a.countyCode = :county and a.fundSource = :source and a.fundYear = :year")
    Optional<FundAvailability> lock(@Param("county") String county, @Param("source") String source,
            @Param("year") int year);

    List<FundAvailability> findByCountyCodeAndFundYearOrderByFundSource(String countyCode, int fundYear);
}
