package org.precisionaid.registry;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;
import org.precisionaid.registry.Codes.Sex;

/**
 * An 18-digit resident identity number (GB 11643-1999): 6 digits area, 8 digits birth date, 3 digits
 * sequence (odd for men), and a check character by ISO 7064 MOD 11-2 where 10 is written {@code X}.
 */
public record ResidentId(String value) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final Pattern SHAPE = Pattern.compile("\\d{17}[\\dX]");
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    /** Parses and checks; the problem, if any, as a sentence naming the rule. */
    public static Result parse(String raw, LocalDate today) {
        String value = raw == null ? "" : raw.trim().toUpperCase();
        if (!SHAPE.matcher(value).matches()) {
            return Result.error("must be 18 characters: 17 digits and a digit or X as check character");
        }
        if (checkCharacter(value) != value.charAt(17)) {
            return Result.error("check character does not match (GB 11643, ISO 7064 MOD 11-2)");
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
                    Integer.parseInt(value.substring(12, 14)));
        } catch (DateTimeException e) {
            return Result.error("digits 7-14 are not a calendar date");
        }
        if (birth.isAfter(today) || birth.isBefore(EARLIEST_BIRTH)) {
            return Result.error("birth date " + birth + " is not plausible");
        }
        return new Result(Optional.of(new ResidentId(value)), null);
    }

    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    public LocalDate birthDate() {
        return LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
                Integer.parseInt(value.substring(12, 14)));
    }

    public Sex sex() {
        return (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    /** For anything published: area code and the last four characters only, e.g. 654224********123X. */
    public static String mask(String idNumber) {
        if (idNumber == null || idNumber.length() != 18) {
            return "******************";
        }
        return idNumber.substring(0, 6) + "********" + idNumber.substring(14);
    }

    public record Result(Optional<ResidentId> id, String error) {
        static Result error(String message) {
            return new Result(Optional.empty(), message);
        }
    }
}
