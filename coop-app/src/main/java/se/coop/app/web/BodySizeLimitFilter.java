package se.coop.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import se.coop.api.ErrorCode;
import se.coop.documents.DocumentSettings;
import se.coop.web.UploadForms;

/**
 * Refuses request bodies over 256 KiB with 413: at once when {@code Content-Length} says so, and while reading for a
 * chunked body, which then fails with {@link BodyTooLargeException} for the error advice to answer. The one exception
 * is an upload: a {@code multipart/form-data} POST to the API's upload or a page's form with a file field may be as
 * large as a document may ({@code coop.documents.max-size}, and a little for the form's other fields), which the
 * servlet container's multipart limits hold it to; a multipart body anywhere else is refused (415).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class BodySizeLimitFilter extends OncePerRequestFilter {

    public static final long LIMIT = 256 * 1024;

    /** What a form's other fields and the multipart boundaries may add to the file itself. */
    public static final long FORM_ALLOWANCE = 1024 * 1024;

    private static final List<PathPattern> UPLOADS = java.util.stream.Stream.concat(
                    java.util.stream.Stream.of(UploadForms.API), UploadForms.PATHS.stream())
            .map(PathPatternParser.defaultInstance::parse)
            .toList();

    private final ProblemResponses problems;
    private final long uploadLimit;

    public BodySizeLimitFilter(ProblemResponses problems, DocumentSettings documents) {
        this.problems = problems;
        this.uploadLimit = documents.maxSize().toBytes() + FORM_ALLOWANCE;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            upload(request, response, chain);
            return;
        }
        if (request.getContentLengthLong() > LIMIT) {
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            if (path.startsWith("/api/") || path.startsWith("/actuator")) {
                problems.write(response, ErrorCode.PAYLOAD_TOO_LARGE, tooLarge());
            } else {
                // a person's form: a page says so, the body unread
                response.setStatus(413);
                request.getRequestDispatcher(UploadForms.FORM_TOO_LARGE).forward(unread(request), response);
            }
            return;
        }
        chain.doFilter(new LimitedRequest(request), response);
    }

    private void upload(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        PathContainer container = PathContainer.parsePath(path);
        boolean upload =
                request.getMethod().equals("POST") && UPLOADS.stream().anyMatch(pattern -> pattern.matches(container));
        if (!upload) {
            problems.write(
                    response,
                    ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "Coop takes multipart/form-data only where a file is uploaded: POST " + UploadForms.API
                            + " and the pages' forms with a file field.");
            return;
        }
        if (request.getContentLengthLong() > uploadLimit) {
            if (path.startsWith("/api/")) {
                problems.write(
                        response,
                        ErrorCode.PAYLOAD_TOO_LARGE,
                        "The upload is larger than Coop takes (coop.documents.max-size, "
                                + (uploadLimit - FORM_ALLOWANCE) / (1024 * 1024) + " MB); nothing was kept.");
            } else {
                // a person sent the form: a page says so, in their language, with the way back; the body is not read
                response.setStatus(413);
                request.setAttribute(UploadForms.TOO_LARGE, path);
                request.getRequestDispatcher(UploadForms.TOO_LARGE).forward(unread(request), response);
            }
            return;
        }
        chain.doFilter(request, response);
    }

    static String tooLarge() {
        return "The request body is larger than " + (LIMIT / 1024) + " KiB.";
    }

    /** Thrown while reading a body that has passed the limit. */
    public static class BodyTooLargeException extends IOException {

        private static final long serialVersionUID = 1L;

        BodyTooLargeException() {
            super(tooLarge());
        }
    }

    /** The request as the page saying it was too large sees it: a GET without a body to read. */
    /**
     * The request as a page forwarded to without its body, which is never read: a GET without content, fields or parts
     * (the container would otherwise parse the body the moment anything asked for a field).
     */
    public static HttpServletRequest unread(HttpServletRequest request) {
        return new Unread(request);
    }

    private static final class Unread extends HttpServletRequestWrapper {

        Unread(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getContentType() {
            return null;
        }

        @Override
        public long getContentLengthLong() {
            return 0;
        }

        @Override
        public int getContentLength() {
            return 0;
        }

        // nothing on the way to the page may read the body by asking for its fields: the container would parse it

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public java.util.Map<String, String[]> getParameterMap() {
            return java.util.Map.of();
        }

        @Override
        public java.util.Enumeration<String> getParameterNames() {
            return java.util.Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }

        @Override
        public java.util.Collection<jakarta.servlet.http.Part> getParts() {
            return java.util.List.of();
        }

        @Override
        public jakarta.servlet.http.Part getPart(String name) {
            return null;
        }

        @Override
        public jakarta.servlet.ServletInputStream getInputStream() throws IOException {
            throw new IOException("the body of a request answered unread is not read");
        }

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            throw new IOException("the body of a request answered unread is not read");
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private ServletInputStream limited;

        LimitedRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new LimitedStream(super.getInputStream());
            }
            return limited;
        }
    }

    private static final class LimitedStream extends ServletInputStream {

        private final ServletInputStream in;
        private long read;

        LimitedStream(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > LIMIT) {
                throw new BodyTooLargeException();
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
