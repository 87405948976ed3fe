package org.treatyregistry.api.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain HTTP client for the registry under test: real requests over loopback, JSON answers. */
public final class Http {

    public record Response(int status, String body, String contentType, java.util.Map<String, String> headers) {

        public Response(int status, String body, String contentType) {
            this(status, body, contentType, java.util.Map.of());
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(java.util.Map.Entry::getValue)
                    .findFirst().orElse(null);
        }

        public JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (status " + status + "): " + body, e);
            }
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String authorization;

    /** A client signed in as the test administrator (see {@link TestCredentials}). */
    public Http(String base) {
        this(base, TestCredentials.ADMIN, TestCredentials.ADMIN_PASSWORD);
    }

    public Http(String base, String user, String password) {
        this.base = base;
        this.authorization = user == null ? null : "Basic " + java.util.Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The same registry, as another user. */
    public Http as(String user, String password) {
        return new Http(base, user, password);
    }

    /** The same registry, without signing in. */
    public Http anonymous() {
        return new Http(base, null, null);
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    public String base() {
        return base;
    }

    /** A binary download (zip), as bytes. */
    public byte[] getBytes(String path) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET();
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Response post(String path, String json) {
        return post(path, json, "application/json");
    }

    /** A JSON POST with extra request headers (Idempotency-Key, If-Match). */
    public Response post(String path, String json, java.util.Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return send(request);
    }

    public Response put(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response post(String path, String body, String contentType) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Response send(HttpRequest.Builder request) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            java.util.Map<String, String> headers = new java.util.HashMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name, values.get(0)));
            return new Response(response.statusCode(), response.body(), response.headers().firstValue("Content-Type").orElse(""), headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
