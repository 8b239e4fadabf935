package org.precisionaid.region;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/regions")
public class RegionController {

    private final RegionService regions;
    private final CandidateGroups groups;

    public RegionController(RegionService regions, CandidateGroups groups) {
        this.regions = regions;
        this.groups = groups;
    }

    /** Without a parameter: the whole tree. With {@code parent}: the direct children of that region. */
    @GetMapping
    public List<?> list(@RequestParam(required = false) String parent, @RequestParam(required = false) String root) {
        if (parent != null) {
            return regions.children(parent).stream().map(RegionNode::of).map(RegionController::flat).toList();
        }
        return regions.tree(root);
    }

    @GetMapping("/{code}")
    public RegionNode get(@PathVariable String code) {
        return flat(RegionNode.of(regions.get(code)));
    }

    /** Which Camunda group carries the given role for this region, e.g. township-654224101. */
    @GetMapping("/{code}/groups/{role}")
    public GroupView group(@PathVariable String code, @PathVariable String role) {
        Region region = regions.get(code);
        OfficialRole officialRole = OfficialRole.fromKey(role);
        return new GroupView(groups.forRegion(region.code(), officialRole), officialRole.key(), region.getCode());
    }

    public record GroupView(String groupId, String role, String regionCode) {
    }

    private static RegionNode flat(RegionNode node) {
        return new RegionNode(node.code(), node.level(), node.parentCode(), node.nameZh(), node.nameEn(), null);
    }
}
