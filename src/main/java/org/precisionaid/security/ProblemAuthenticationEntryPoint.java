package org.precisionaid.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.precisionaid.web.ApiExceptionHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 as problem details, never a stack trace or a login page for API clients. */
public class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ObjectMapper json;

    public ProblemAuthenticationEntryPoint(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof org.springframework.security.authentication.AuthenticationServiceException) {
            // the password could not be checked at all (the database is down): not a wrong password
            org.slf4j.LoggerFactory.getLogger(ProblemAuthenticationEntryPoint.class)
                    .warn("login could not be checked: {}", e.getCause() == null ? e : e.getCause().toString());
            write(response, ApiExceptionHandler.problem(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
                    org.precisionaid.web.DatabaseOutage.TITLE, org.precisionaid.web.DatabaseOutage.DETAIL, Map.of()));
            return;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"Precision Aid\"");
        write(response, ApiExceptionHandler.problem(HttpStatus.UNAUTHORIZED, "unauthorized",
                "需要登录 / Login required",
                "Send a valid user name and password (HTTP Basic); " + e.getMessage(), Map.of()));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        SecurityLog.refused(request.getRemoteUser(), request.getMethod() + " " + request.getRequestURI(), "no permission");
        write(response, ApiExceptionHandler.problem(HttpStatus.FORBIDDEN, "forbidden", "无权限 / Forbidden",
                "Your account may not do this", Map.of()));
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
