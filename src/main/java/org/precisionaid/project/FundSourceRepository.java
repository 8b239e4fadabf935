package org.precisionaid.project;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface FundSourceRepository extends JpaRepository<FundSource, String> {

    List<FundSource> findAllByOrderByPosition();
}
