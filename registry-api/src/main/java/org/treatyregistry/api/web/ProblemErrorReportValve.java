package org.treatyregistry.api.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import java.io.IOException;
import java.io.Writer;

/**
 * What Tomcat itself refuses before the application sees the request (an encoded slash or NUL in the path, an
 * over-long header) is answered as problem details too, instead of Tomcat's HTML page.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.isCommitted() || response.getContentWritten() > 0) {
            return;
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                String code = status == 400 ? "MALFORMED_REQUEST" : "HTTP_" + status;
                writer.write("{\"type\":\"urn:treaty-registry:problem:" + code + "\",\"title\":\"Request refused\",\"status\":" + status
                        + ",\"detail\":\"the request is malformed (its address or headers cannot be read): an encoded slash,"
                        + " backslash or NUL in the path, or a header larger than allowed\",\"errorCode\":\"" + code + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ignored) {
            // the client is gone; nothing more to say
        }
    }
}
