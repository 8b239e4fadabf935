package org.precisionaid.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import org.precisionaid.security.engine.QueryExpressions;
import org.precisionaid.web.ApiExceptionHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first of three locks against code run through queries (ADR 0006), at the HTTP door of both engine APIs
 * ({@code /engine-rest} and the webapps' {@code /camunda/api/engine}): a request whose query string or JSON body
 * carries an {@code ...Expression} field with anything but the functions saved filters use is answered 400 with a
 * problem detail naming the field, before Camunda reads it — also where Camunda would silently drop the field
 * (history queries). The engine's own checks ({@code QueryExpressionGuard}, {@code GuardedExpressionManager})
 * stand behind it for every other caller.
 */
public class EngineRequestExpressionFilter extends OncePerRequestFilter {

    private static final int MAX_INSPECTED_BODY = 2 * 1024 * 1024;

    private final ObjectMapper json;

    public EngineRequestExpressionFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !isEngineApi(request);
    }

    /** Camunda's engine REST API, as clients call it and as the webapps call it. */
    static boolean isEngineApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/engine-rest/") || path.startsWith("/camunda/api/engine/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            for (String value : parameter.getValue()) {
                if (isRefused(parameter.getKey(), value)) {
                    refuse(request, response, parameter.getKey());
                    return;
                }
            }
        }
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase().contains("json")) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_INSPECTED_BODY + 1);
        if (body.length <= MAX_INSPECTED_BODY) {
            Optional<String> field = refusedField(body);
            if (field.isPresent()) {
                refuse(request, response, field.get());
                return;
            }
        }
        // a body larger than what is inspected is not JSON a query would send; it passes on whole
        chain.doFilter(new CachedBodyRequest(request,
                new SequenceInputStream(new ByteArrayInputStream(body), request.getInputStream())), response);
    }

    private Optional<String> refusedField(byte[] body) {
        try {
            return find(json.readTree(body), "");
        } catch (IOException notJson) {
            return Optional.empty(); // Camunda answers malformed JSON itself
        }
    }

    private static Optional<String> find(JsonNode node, String path) {
        if (node == null) {
            return Optional.empty();
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (field.getValue().isTextual() && isRefused(field.getKey(), field.getValue().asText())) {
                    return Optional.of(fieldPath);
                }
                Optional<String> inner = find(field.getValue(), fieldPath);
                if (inner.isPresent()) {
                    return inner;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<String> inner = find(node.get(i), path + "[" + i + "]");
                if (inner.isPresent()) {
                    return inner;
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isRefused(String name, String value) {
        return name.endsWith("Expression") && QueryExpressions.looksLikeExpression(value)
                && !QueryExpressions.isAllowedInStoredQuery(value);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String field) throws IOException {
        SecurityLog.refused(request.getRemoteUser(), request.getMethod() + " " + request.getRequestURI(),
                "expression in query field " + field);
        ProblemDetail problem = ApiExceptionHandler.problem(HttpStatus.BAD_REQUEST, "expression-refused",
                "查询中不允许表达式 / Expression not allowed in a query", field + ": " + QueryExpressions.RULE,
                Map.of("errors", Map.of(field, QueryExpressions.RULE)));
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), problem);
    }

    /** The request with its body read once here and again by Camunda. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final InputStream in;

        CachedBodyRequest(HttpServletRequest request, InputStream body) {
            super(request);
            this.in = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    try {
                        return in.available() == 0;
                    } catch (IOException e) {
                        return true;
                    }
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
