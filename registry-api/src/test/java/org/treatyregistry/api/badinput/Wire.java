package org.treatyregistry.api.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A raw HTTP/1.1 client for hostile requests: any method, any bytes, any or no Content-Type, paths sent exactly as
 * written (no normalisation of {@code ..} or percent-escapes).
 */
final class Wire {

    /** A request as it goes on the wire. {@code contentType} null sends no Content-Type header. */
    record Req(String method, String path, String contentType, byte[] body, Map<String, String> headers) {

        static Req get(String path) {
            return new Req("GET", path, null, null, Map.of());
        }

        static Req post(String path, String json) {
            return new Req("POST", path, "application/json", json.getBytes(StandardCharsets.UTF_8), Map.of());
        }

        static Req postBytes(String path, byte[] body) {
            return new Req("POST", path, "application/json", body, Map.of());
        }

        Req method(String m) {
            return new Req(m, path, contentType, body, headers);
        }

        Req type(String ct) {
            return new Req(method, path, ct, body, headers);
        }

        Req header(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Req(method, path, contentType, body, h);
        }
    }

    record Reply(int status, String body, String contentType, Map<String, List<String>> headers) {

        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (status " + status + ", " + contentType + "): " + abbreviate(body), e);
            }
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().get(0))
                    .findFirst().orElse(null);
        }
    }

    static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    Wire(String base) {
        this.base = base;
    }

    Reply send(Req req) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + req.path())).timeout(Duration.ofSeconds(60))
                .method(req.method(), req.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(req.body()));
        if (req.contentType() != null) {
            b.header("Content-Type", req.contentType());
        }
        req.headers().forEach(b::header);
        // signed in as the test administrator: bad input is judged after authentication, as a real client meets it
        b.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((org.treatyregistry.api.support.TestCredentials.ADMIN
                + ":" + org.treatyregistry.api.support.TestCredentials.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        try {
            HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8),
                    r.headers().firstValue("Content-Type").orElse(""), r.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(req.method() + " " + abbreviate(req.path()) + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Reply get(String path) {
        return send(Req.get(path));
    }

    Reply post(String path, String json) {
        return send(Req.post(path, json));
    }

    /** A multipart/form-data body with one file part. */
    static byte[] multipart(String boundary, String partName, String filename, byte[] content) {
        String head = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"" + partName + "\"" + (filename == null ? "" : "; filename=\"" + filename + "\"") + "\r\n"
                + "Content-Type: application/json\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        byte[] h = head.getBytes(StandardCharsets.UTF_8);
        byte[] t = tail.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[h.length + content.length + t.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(content, 0, all, h.length, content.length);
        System.arraycopy(t, 0, all, h.length + content.length, t.length);
        return all;
    }

    static Req multipartPost(String path, String partName, String filename, byte[] content) {
        String boundary = "----treaty-registry-bad-input-7f3a";
        return new Req("POST", path, "multipart/form-data; boundary=" + boundary, multipart(boundary, partName, filename, content), Map.of());
    }

    static String abbreviate(String s) {
        return s == null || s.length() <= 300 ? s : s.substring(0, 300) + "... (" + s.length() + " chars)";
    }
}
