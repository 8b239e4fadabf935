package org.precisionaid.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A size limit for multipart bodies sent to the engine's REST doors ({@code /engine-rest/**}, {@code /camunda/api/**}):
 * Camunda reads them whole (task attachments, deployments), and Spring's multipart limits do not reach its Jersey
 * servlet. A body that declares more than the limit is answered 413 with a problem detail before a byte of it is read;
 * one sent without a length (chunked) is read up to the limit and answered the same when it goes beyond. Other bodies
 * (the JSON of ordinary engine calls) pass untouched.
 */
public class EngineMultipartLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final ObjectMapper json;

    public EngineMultipartLimitFilter(long maxBytes, ObjectMapper json) {
        this.maxBytes = maxBytes;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String contentType = request.getContentType();
        return contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            refuse(request, response, declared);
            return;
        }
        if (declared >= 0) {
            chain.doFilter(request, response); // the container reads no more than the declared length
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (body.length > maxBytes) {
            refuse(request, response, -1);
            return;
        }
        chain.doFilter(new Buffered(request, body), response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, long declared) throws IOException {
        String rule = "上传内容过大 / a multipart body sent to the engine may have at most " + maxBytes + " bytes"
                + (declared >= 0 ? ", this one has " + declared : "") + " (precision-aid.upload.engine-multipart-max)";
        ProblemDetail problem = ApiExceptionHandler.problem(HttpStatus.PAYLOAD_TOO_LARGE, "upload-too-large",
                "上传内容过大，未写入任何数据 / Upload too large, nothing written", "body: " + rule,
                Map.of("errors", Map.of("body", rule)));
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /** The request with its body, read here to count it, handed on as it came. */
    private static final class Buffered extends HttpServletRequestWrapper {
        private final byte[] body;

        Buffered(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }
    }
}
