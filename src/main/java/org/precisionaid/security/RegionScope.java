package org.precisionaid.security;

import java.util.List;
import org.springframework.security.core.Authentication;

/**
 * The regions an authenticated official may see, as code prefixes taken from his groups
 * ({@code township-654224101} → {@code 654224101}). Administrators see everything.
 */
public record RegionScope(boolean everything, List<String> prefixes) {

    private static final String CADRE_GROUP_PREFIX = org.precisionaid.region.OfficialRole.CADRE.key() + "-";

    public static RegionScope of(Authentication authentication) {
        boolean admin = authentication.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
        List<String> prefixes = authentication.getAuthorities().stream()
                .map(Object::toString)
                .filter(a -> a.startsWith(CamundaIdentityAuthenticationProvider.GROUP_PREFIX))
                // a cadre's group names his county, but he sees only the households paired with him
                .filter(a -> !a.startsWith(CamundaIdentityAuthenticationProvider.GROUP_PREFIX + CADRE_GROUP_PREFIX))
                .map(a -> a.substring(a.lastIndexOf('-') + 1))
                .filter(prefix -> prefix.chars().allMatch(Character::isDigit) && !prefix.isEmpty())
                .distinct()
                .toList();
        return new RegionScope(admin, prefixes);
    }

    public boolean covers(String regionCode) {
        return everything || prefixes.stream().anyMatch(regionCode::startsWith);
    }

    /** The user holds one of these roles in some region (or is an administrator): which screens to offer him. */
    public static boolean hasRole(Authentication authentication, org.precisionaid.region.OfficialRole... roles) {
        return authentication.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority())
                || java.util.Arrays.stream(roles).anyMatch(role -> a.getAuthority()
                        .startsWith(CamundaIdentityAuthenticationProvider.GROUP_PREFIX + role.key() + "-")));
    }

    /** The user is in the group of this role for this exact region (e.g. clerk of the village). */
    public static boolean memberOf(Authentication authentication, String groupId) {
        return authentication.getAuthorities().stream()
                .anyMatch(a -> (CamundaIdentityAuthenticationProvider.GROUP_PREFIX + groupId).equals(a.getAuthority())
                        || "ROLE_ADMIN".equals(a.getAuthority()));
    }
}
