package org.treatyregistry.api.reminders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A real HTTP receiver on 127.0.0.1 (random port) that checks each request as a webhook consumer would: the
 * {@code X-Registry-Signature} must be the HMAC-SHA256 of the exact body under the shared secret (else 401). It answers
 * {@link #answerWith(int)} (200 unless told otherwise) and keeps every request.
 */
final class WebhookReceiver implements AutoCloseable {

    /** @param answered the status this receiver answered */
    record Request(String noticeKey, String signature, String timestamp, String attempt, String body, JsonNode json,
                   boolean signatureValid, int answered) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String secret;
    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile int status = 200;

    WebhookReceiver(String secret) {
        this.secret = secret;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hooks/treaty-desk", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/treaty-desk";
    }

    void answerWith(int status) {
        this.status = status;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Request> requests(Predicate<Request> filter) {
        return requests.stream().filter(filter).toList();
    }

    /** Waits (bounded) until {@code count} requests matching the filter have arrived; returns whether they did. */
    synchronized boolean await(Predicate<Request> filter, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (requests(filter).size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            // woken by each request that arrives
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String signature = exchange.getRequestHeaders().getFirst("X-Registry-Signature");
        boolean valid = exchange.getRequestMethod().equals("POST") && signature != null && signature.startsWith("sha256=")
                && MessageDigest.isEqual(signature.substring(7).getBytes(StandardCharsets.US_ASCII),
                hmac(body).getBytes(StandardCharsets.US_ASCII));
        int answer = valid ? status : 401;
        JsonNode json = JSON.readTree(body);
        requests.add(new Request(exchange.getRequestHeaders().getFirst("X-Registry-Notice"), signature,
                exchange.getRequestHeaders().getFirst("X-Registry-Timestamp"),
                exchange.getRequestHeaders().getFirst("X-Registry-Delivery-Attempt"),
                new String(body, StandardCharsets.UTF_8), json, valid, answer));
        synchronized (this) {
            notifyAll();
        }
        byte[] reply = (answer == 200 ? "ok" : answer == 401 ? "bad signature" : "receiver unavailable").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer, reply.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply);
        }
    }

    private String hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
