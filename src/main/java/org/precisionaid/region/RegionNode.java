package org.precisionaid.region;

import java.util.ArrayList;
import java.util.List;

public record RegionNode(String code, RegionLevel level, String parentCode, String nameZh, String nameEn,
                         List<RegionNode> children) {

    static RegionNode of(Region region) {
        return new RegionNode(region.getCode(), region.getLevel(), region.getParentCode(), region.getNameZh(),
                region.getNameEn(), new ArrayList<>());
    }
}
