package org.precisionaid.region;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.precisionaid.web.FieldRuleException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The division names for the public pages' pickers (county → township → village), without login: statistical division
 * codes and names are public. Nothing else of a region (groups, officials) is shown, and nothing below a village.
 */
@RestController
public class PublicRegionController {

    private final RegionService regions;

    public PublicRegionController(RegionService regions) {
        this.regions = regions;
    }

    public record PublicRegion(String code, RegionLevel level, String nameZh, String nameEn) {
    }

    /** Without {@code parent}: every county of the deployment. With it: the townships of a county, the villages of a township. */
    @GetMapping("/public/regions")
    public List<PublicRegion> list(@RequestParam(required = false) String parent) {
        if (parent == null) {
            List<PublicRegion> counties = new ArrayList<>();
            collectCounties(regions.tree(null), counties);
            return counties;
        }
        Region region = regions.get(parent.strip());
        if (region.getLevel() != RegionLevel.COUNTY && region.getLevel() != RegionLevel.TOWNSHIP) {
            throw FieldRuleException.invalid(Map.of("parent", "must be a county or a township code, e.g. 654224000000"));
        }
        return regions.children(region.getCode()).stream()
                .map(child -> new PublicRegion(child.getCode(), child.getLevel(), child.getNameZh(), child.getNameEn()))
                .toList();
    }

    private static void collectCounties(List<RegionNode> nodes, List<PublicRegion> counties) {
        for (RegionNode node : nodes) {
            if (node.level() == RegionLevel.COUNTY) {
                counties.add(new PublicRegion(node.code(), node.level(), node.nameZh(), node.nameEn()));
            } else if (node.level().isAbove(RegionLevel.COUNTY)) {
                collectCounties(node.children(), counties);
            }
        }
    }
}
