package org.precisionaid.project;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;

/** Yuan as people write them, fen as the registry keeps them. */
public final class Money {

    /** No single project or line beyond one billion yuan: a typo, not a project. */
    public static final BigDecimal MAX_YUAN = new BigDecimal("1000000000");

    private Money() {
    }

    /** Whole fen, or {@code null} when the amount has more than two decimals. */
    public static Long fen(BigDecimal yuan) {
        BigDecimal fen = yuan.movePointRight(2);
        return fen.stripTrailingZeros().scale() > 0 ? null : fen.longValueExact();
    }

    public static BigDecimal yuan(long fen) {
        return BigDecimal.valueOf(fen, 2);
    }

    /** 1,234,567.89 */
    public static String format(long fen) {
        return new DecimalFormat("#,##0.00").format(yuan(fen).setScale(2, RoundingMode.UNNECESSARY));
    }
}
