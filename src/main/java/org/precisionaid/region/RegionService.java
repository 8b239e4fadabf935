package org.precisionaid.region;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.precisionaid.web.ConflictException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
public class RegionService {

    private final RegionRepository regions;

    public RegionService(RegionRepository regions) {
        this.regions = regions;
    }

    public Region get(String code) {
        RegionCode regionCode = RegionCode.of(code);
        return regions.findById(regionCode.value()).orElseThrow(() -> new UnknownRegionException(code));
    }

    public boolean exists(String code) {
        return regions.existsById(RegionCode.of(code).value());
    }

    public List<Region> children(String parentCode) {
        get(parentCode);
        return regions.findByParentCodeOrderByCode(parentCode);
    }

    /** The whole tree (or the subtree under {@code rootCode}) as nested nodes. */
    public List<RegionNode> tree(String rootCode) {
        List<Region> all = regions.findAllByOrderByCode();
        Map<String, RegionNode> nodes = new LinkedHashMap<>();
        all.forEach(region -> nodes.put(region.getCode(), RegionNode.of(region)));
        List<RegionNode> roots = new ArrayList<>();
        for (Region region : all) {
            RegionNode parent = region.getParentCode() == null ? null : nodes.get(region.getParentCode());
            if (parent == null) {
                roots.add(nodes.get(region.getCode()));
            } else {
                parent.children().add(nodes.get(region.getCode()));
            }
        }
        if (rootCode == null) {
            return roots;
        }
        get(rootCode);
        return List.of(nodes.get(rootCode));
    }

    /**
     * Adds a region after checking that its code is well formed and its parent exists and is the region
     * directly above it (a village's parent is the township whose 9 digits it starts with).
     */
    @Transactional
    public Region create(String code, String nameZh, String nameEn) {
        RegionCode regionCode = RegionCode.of(code);
        if (regions.existsById(regionCode.value())) {
            throw new ConflictException("region " + code + " already exists");
        }
        RegionCode parent = regionCode.parent();
        String parentCode = null;
        if (parent != null && regions.existsById(parent.value())) {
            parentCode = parent.value();
        } else if (parent != null && !regionCode.level().isAbove(RegionLevel.COUNTY)) {
            // a province or city may be the top of a deployment; counties and below hang under a known region
            throw new UnknownRegionException(parent.value());
        }
        return regions.save(new Region(regionCode, parentCode, nameZh, nameEn));
    }

    public long count() {
        return regions.count();
    }
}
