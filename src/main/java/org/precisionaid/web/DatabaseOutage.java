package org.precisionaid.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.List;

/**
 * Recognises an unreachable database in an exception's causes, so that every entry point answers it the same way:
 * 503 with a problem detail that says nothing was saved, and no stack trace. The pool reconnects by itself.
 */
public final class DatabaseOutage {

    public static final String TITLE = "数据库暂时不可用 / Database unavailable";
    public static final String DETAIL = "数据库暂时无法连接，本次操作未保存，请稍后重试 / The database cannot be reached "
            + "at the moment; nothing was saved. Try again in a minute.";

    /** Texts of the engine's REST answers when its JDBC connection failed. */
    public static final List<String> MESSAGE_MARKERS = List.of("Connection is not available", "Connection refused",
            "connection attempt failed", "Could not open JDBC Connection", "HikariPool", "I/O error occurred while sending",
            "This connection has been closed", "terminating connection due to administrator command");

    private DatabaseOutage() {
    }

    public static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof org.springframework.dao.DataAccessResourceFailureException
                    || cause instanceof org.springframework.transaction.CannotCreateTransactionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true; // SQL state class 08: connection exception
            }
            if (cause.getMessage() != null && MESSAGE_MARKERS.stream().anyMatch(cause.getMessage()::contains)) {
                return true;
            }
        }
        return false;
    }
}
