package org.precisionaid.region;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RegionRepository extends JpaRepository<Region, String> {

    List<Region> findByParentCodeOrderByCode(String parentCode);

    List<Region> findByParentCodeIsNullOrderByCode();

    List<Region> findAllByOrderByCode();
}
