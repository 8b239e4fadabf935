package org.precisionaid.security.engine;

import java.util.regex.Pattern;

/**
 * The only expressions a task query may carry, and only in a stored filter: the functions Tasklist's shared
 * filters use ({@code ${currentUser()}}, {@code ${currentUserGroups()}}) and date arithmetic on {@code now()} /
 * {@code dateTime()}. An expression a user sends with a query (ad hoc, or extending a filter) is never evaluated.
 */
public final class QueryExpressions {

    private static final String DATE_STEP = "\\.(?:plus|minus)(?:Years|Months|Weeks|Days|Hours|Minutes|Seconds)\\(\\s*\\d{1,5}\\s*\\)";
    private static final Pattern ALLOWED = Pattern.compile("\\$\\{\\s*(?:currentUser\\(\\)|currentUserGroups\\(\\)"
            + "|now\\(\\)|dateTime\\(\\)(?:" + DATE_STEP + ")*(?:\\.withTimeAtStartOfDay\\(\\))?(?:\\.toDate\\(\\))?)\\s*\\}");

    public static final String RULE = "only ${currentUser()}, ${currentUserGroups()}, ${now()} and "
            + "${dateTime()} with plus/minus steps are allowed, and only in a saved filter";

    private QueryExpressions() {
    }

    /** Whether a stored filter may hold this expression. */
    public static boolean isAllowedInStoredQuery(String expression) {
        return expression != null && ALLOWED.matcher(expression.strip()).matches();
    }

    /** Whether a text would be taken as an expression by the engine's expression language. */
    public static boolean looksLikeExpression(String text) {
        return text != null && (text.contains("${") || text.contains("#{"));
    }

    /**
     * The REST field that carries the expression a task query keeps under {@code queryMethod}:
     * {@code taskCandidateGroup} → {@code candidateGroupExpression}, {@code dueBefore} → {@code dueBeforeExpression}.
     */
    public static String restField(String queryMethod) {
        String name = queryMethod;
        if (name.startsWith("task") && name.length() > 4 && Character.isUpperCase(name.charAt(4))) {
            name = Character.toLowerCase(name.charAt(4)) + name.substring(5);
        }
        if (name.equals("candidateGroupIn")) {
            name = "candidateGroups";
        }
        return name + "Expression";
    }
}
