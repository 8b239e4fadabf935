package org.precisionaid.web.input;

import org.springframework.lang.Nullable;

/**
 * The one rule for text we accept from anyone (JSON bodies, engine form submissions, spreadsheet and CSV cells):
 * trimmed; no control characters (tab and newline only in a multi-line field; CR LF becomes LF); no unpaired
 * surrogate or non-character, which the database cannot keep in UTF-8; no bidirectional override, which can make a
 * public notice read other than it is stored. Length limits are the field's own (its column).
 */
public final class TextRule {

    private TextRule() {
    }

    /** The text trimmed, CR LF as LF. Call {@link #violation} first; this does not check. */
    public static String clean(String raw, boolean multiLine) {
        String text = multiLine ? raw.replace("\r\n", "\n") : raw;
        return text.strip();
    }

    /** Why the text is refused, or null when it is acceptable. */
    @Nullable
    public static String violation(String raw, boolean multiLine) {
        String text = multiLine ? raw.replace("\r\n", "\n") : raw;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                return "contains an unpaired surrogate at position " + (i + 1) + " (not valid UTF-8 text)";
            }
            if (c == '\n' || c == '\t') {
                if (!multiLine) {
                    return "must be one line: no line break or tab (position " + (i + 1) + ")";
                }
                continue;
            }
            if (Character.getType(c) == Character.CONTROL) {
                return String.format("contains the control character U+%04X at position %d", (int) c, i + 1);
            }
            if (c == '\uFFFE' || c == '\uFFFF' || (c >= '\uFDD0' && c <= '\uFDEF')) {
                return String.format("contains the non-character U+%04X at position %d", (int) c, i + 1);
            }
            if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
                return String.format("contains the bidirectional override U+%04X at position %d", (int) c, i + 1);
            }
        }
        return null;
    }
}
