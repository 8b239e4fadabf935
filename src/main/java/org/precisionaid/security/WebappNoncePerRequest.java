package org.precisionaid.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the webapps' Content-Security-Policy nonce with the request that made it. Camunda 7.24 keeps it in one
 * attribute of the whole servlet context: its header filter writes a new nonce there for every request, and the page
 * filter reads it back a moment later to stamp the page's {@code <script>} tags. When another request (another
 * official, or the same browser's other calls) passes the header filter in between, the page carries another nonce
 * than its header, the browser refuses every script, and Tasklist stays on its spinner until reloaded. Here each
 * request sees a servlet context of its own for that one attribute; everything else is the real context.
 */
class WebappNoncePerRequest extends OncePerRequestFilter {

    /** Camunda's {@code ContentSecurityPolicyProvider.ATTR_CSP_FILTER_NONCE}. */
    static final String NONCE = "org.camunda.bpm.csp.nonce";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ServletContext own = ownNonce(request);
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public ServletContext getServletContext() {
                return own;
            }
        }, response);
    }

    private static ServletContext ownNonce(HttpServletRequest request) {
        ServletContext shared = request.getServletContext();
        String key = WebappNoncePerRequest.class.getName() + ".nonce";
        return (ServletContext) Proxy.newProxyInstance(ServletContext.class.getClassLoader(),
                new Class<?>[] {ServletContext.class}, (proxy, method, args) -> {
                    boolean nonce = args != null && args.length > 0 && NONCE.equals(args[0]);
                    if (nonce && method.getName().equals("setAttribute")) {
                        request.setAttribute(key, args[1]);
                        return null;
                    }
                    if (nonce && method.getName().equals("getAttribute")) {
                        return request.getAttribute(key);
                    }
                    try {
                        return method.invoke(shared, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
