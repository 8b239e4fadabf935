package org.precisionaid.registry;

import java.util.List;
import java.util.regex.Pattern;
import org.precisionaid.region.OfficialRole;
import org.springframework.security.core.Authentication;

/**
 * Who reads a household's ID numbers and phone in full, and the one masking everyone else gets (ADR 0019): in full for
 * the county poverty-alleviation office and the auditors whose region covers the household, and for the clerk of the
 * household's own village — the officials whose work is the register itself. Everyone else who may see the household
 * (village committee, township, county bureaus and leading group, city office, administrator) reads
 * {@link ResidentId#mask} and {@link PhoneNumber#mask}, the masking of the Excel export and of the public pages.
 */
public final class PersonalData {

    /** Groups whose members read the personal data of the households under their region in full. */
    private static final List<String> IN_FULL = List.of(OfficialRole.COUNTY.key(), OfficialRole.AUDITOR.key(),
            OfficialRole.CLERK.key());
    private static final String GROUP = "GROUP_";
    private static final Pattern ID_NUMBER = Pattern.compile("\\d{17}[\\dXx]");
    private static final Pattern PHONE = Pattern.compile("1\\d{10}");

    private PersonalData() {
    }

    /**
     * Whether the caller reads in full the personal data of everything within {@code region} (a 12-digit village code,
     * or the prefix of a region, e.g. {@code 654224} for a whole county): he is in the county office's or an auditor's
     * group of a region that contains it, or in the clerk's group of that very village.
     */
    public static boolean inFull(Authentication user, String region) {
        if (user == null || region == null) {
            return false;
        }
        return user.getAuthorities().stream().map(Object::toString)
                .filter(authority -> authority.startsWith(GROUP))
                .map(authority -> authority.substring(GROUP.length()))
                .filter(group -> IN_FULL.contains(group.substring(0, Math.max(0, group.lastIndexOf('-')))))
                .map(group -> group.substring(group.lastIndexOf('-') + 1))
                .anyMatch(prefix -> !prefix.isEmpty() && prefix.chars().allMatch(Character::isDigit)
                        && region.startsWith(prefix));
    }

    public static String idNumber(String idNumber, boolean full) {
        return full ? idNumber : ResidentId.mask(idNumber);
    }

    public static String phone(String phone, boolean full) {
        return full ? phone : PhoneNumber.mask(phone);
    }

    /** Free text (a reason, a finding) may quote an ID number or a mobile number: both masked in it. */
    public static String text(String text, boolean full) {
        if (full || text == null) {
            return text;
        }
        String ids = ID_NUMBER.matcher(text).replaceAll(match -> ResidentId.mask(match.group()));
        return PHONE.matcher(ids).replaceAll(match -> PhoneNumber.mask(match.group()));
    }
}
