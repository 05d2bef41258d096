package se.coop.app.web;

import java.io.IOException;
import java.io.PrintWriter;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import se.coop.api.ErrorCode;

/**
 * Answers what Tomcat refuses before Coop sees it (an address with an encoded {@code /} or a control character, a
 * malformed request line) as problem+json, like every other refusal of Coop's, instead of Tomcat's HTML error page.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        ErrorCode code = ProblemResponses.codeFor(status);
        String detail = switch (status) {
            case 505 -> "Coop speaks HTTP/1.1 (and HTTP/1.0); this request's HTTP version is not one of them.";
            case 501 -> "The request uses a transfer coding or method Coop does not implement.";
            case 413, 431 -> "The request's headers or address are too large.";
            default ->
                code == ErrorCode.INTERNAL_ERROR
                        ? "Coop could not complete the request; nothing was changed."
                        : "The request is not valid HTTP for Coop: its request line, an address with an encoded '/'"
                                + " or a control character, or a header.";
        };
        String body = "{\"type\":\"" + ProblemResponses.type(code) + "\",\"title\":\"" + ProblemResponses.title(code)
                + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\",\"errorCode\":\"" + code.name()
                + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response is already on its way; nothing more can be said
        }
    }
}
