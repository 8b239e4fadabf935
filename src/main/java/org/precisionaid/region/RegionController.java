package org.precisionaid.region;

import java.io.IOException;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
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

    private final RegionImport importer;

    public RegionController(RegionService regions, CandidateGroups groups, RegionImport importer) {
        this.regions = regions;
        this.groups = groups;
        this.importer = importer;
    }

    /**
     * An administrator imports a division list ({@code code,name_zh,name_en}, UTF-8) sent as the body
     * ({@code Content-Type: text/csv}); all or nothing, see {@link RegionImport}.
     */
    @PostMapping(path = "/import", consumes = {"text/csv", "text/plain"})
    @PreAuthorize("hasRole('ADMIN')")
    public RegionImport.Result importCsv(jakarta.servlet.http.HttpServletRequest request) throws IOException {
        // never more than the limit in memory: a declared larger body is refused unread, an undeclared one cut off
        if (request.getContentLengthLong() > RegionImport.MAX_BYTES) {
            throw RegionImport.tooLarge(String.valueOf(request.getContentLengthLong()));
        }
        return importer.importCsv(request.getInputStream().readNBytes(RegionImport.MAX_BYTES + 1));
    }

    /** The same as a form upload: the CSV in the part {@code file}. */
    @PostMapping(path = "/import", consumes = "multipart/form-data")
    @PreAuthorize("hasRole('ADMIN')")
    public RegionImport.Result importUpload(@RequestPart("file") MultipartFile file) throws IOException {
        return importer.importCsv(file.getBytes());
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
