package se.coop.app.web;

import java.io.IOException;
import java.io.PrintWriter;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

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
        String title = status >= 500 ? "Internal error" : "Bad request";
        String code = status >= 500 ? "INTERNAL_ERROR" : "MALFORMED_REQUEST";
        String detail = status >= 500
                ? "Coop could not complete the request; nothing was changed."
                : "The request is not valid HTTP for Coop: its address may hold an encoded '/' or '\\\\', or a"
                        + " control character.";
        String body = "{\"type\":\"urn:coop:problem:"
                + code.toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                + "\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail
                + "\",\"errorCode\":\"" + code + "\"}";
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
