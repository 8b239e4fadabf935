package org.precisionaid.registry;

/** A phone number as anyone but its owner's own office may see it: 138****5678 (beside {@link ResidentId#mask}). */
public final class PhoneNumber {

    private PhoneNumber() {
    }

    public static String mask(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        String digits = phone.strip();
        return digits.length() < 7 ? "****" : digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
    }
}
