package org.treatyregistry.api.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.treatyregistry.api.support.Http;
import org.treatyregistry.api.support.RunningRegistry;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.treatyregistry.api.e2e.Problems.expectProblem;

/** Who may do what, on the real application. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class SecurityEndToEndTest {

    private RunningRegistry registry;
    private Http admin;

    @BeforeAll
    void start() throws Exception {
        registry = RunningRegistry.embedded(Files.createTempDirectory("registry-security-").resolve("data"), true).start();
        admin = registry.http();
        createUser("desk1", "DESK");
        createUser("auditor1", "AUDITOR");
        createUser("liaison1", "LIAISON");
    }

    @AfterAll
    void stop() {
        registry.stop();
    }

    private void createUser(String name, String role) {
        Http.Response created = admin.post("/api/admin/users", """
                {"username": "%s", "password": "%s-password-123", "roles": ["%s"], "mustChangePassword": false}""".formatted(name, name, role));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private Http as(String name) {
        return admin.as(name, name + "-password-123");
    }

    @Test
    void nothingButHealthAndTheLoginPageIsOpen() {
        Http anonymous = admin.anonymous();
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        assertThat(anonymous.get("/login").status()).isEqualTo(200);
        for (String path : new String[]{"/api/calendar", "/api/states/KAZ/history", "/api/states/KAZ/calendar.ics", "/v3/api-docs",
                "/api/audit/verification", "/api/admin/projections"}) {
            Http.Response response = anonymous.get(path);
            assertThat(response.status()).as(path).isEqualTo(401);
            assertThat(response.contentType()).as(path).startsWith("application/problem+json");
            assertThat(response.json().path("errorCode").asText()).isEqualTo("UNAUTHENTICATED");
        }
        expectProblem(anonymous.post("/api/states/FRA/participations/CAT/ratification", "{\"action\":\"RATIFICATION\"}"), 401, "UNAUTHENTICATED", null);
        assertThat(anonymous.get("/states/KAZ/calendar").status()).as("a page sends the browser to sign in").isEqualTo(302);
    }

    @Test
    void eachRoleMayDoItsOwnWorkAndNoMore() {
        // the desk records, and the event records who did
        Http.Response recorded = as("desk1").post("/api/states/ITA/participations/CRPD/ratification",
                "{\"action\":\"RATIFICATION\",\"depositedOn\":\"2009-05-15\"}");
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        JsonNode entry = admin.get("/api/states/ITA/history?instrument=CRPD").json().path("items").get(0);
        assertThat(entry.path("recordedBy").asText()).isEqualTo("desk1");
        expectProblem(as("desk1").post("/api/admin/projections/rebuild", ""), 403, "FORBIDDEN", null);

        // the auditor reads everything, writes nothing
        assertThat(as("auditor1").get("/api/states/ITA/history").status()).isEqualTo(200);
        assertThat(as("auditor1").get("/api/audit/verification").status()).isEqualTo(200);
        assertThat(as("auditor1").getBytes("/api/states/KAZ/audit-pack?date=2020-01-01")).isNotEmpty();
        expectProblem(as("auditor1").post("/api/states/ITA/participations/CAT/ratification",
                "{\"action\":\"RATIFICATION\",\"depositedOn\":\"1989-01-12\"}"), 403, "FORBIDDEN", null);

        // the liaison reads calendars and exports
        assertThat(as("liaison1").get("/api/states/KAZ/calendar").status()).isEqualTo(200);
        assertThat(as("liaison1").get("/api/states/KAZ/calendar.ics").status()).isEqualTo(200);
        assertThat(as("liaison1").get("/api/states/KAZ/calendar.csv").status()).isEqualTo(200);
        expectProblem(as("liaison1").get("/api/states/KAZ/history"), 403, "FORBIDDEN", null);
        expectProblem(as("liaison1").get("/api/audit/verification"), 403, "FORBIDDEN", null);
        expectProblem(as("liaison1").post("/api/states/ITA/participations/CAT/ratification",
                "{\"action\":\"RATIFICATION\",\"depositedOn\":\"1989-01-12\"}"), 403, "FORBIDDEN", null);

        // the administrator manages users and rebuilds
        assertThat(admin.post("/api/admin/projections/rebuild", "").status()).isEqualTo(202);
        expectProblem(as("desk1").post("/api/admin/users", "{\"username\":\"x\",\"password\":\"yyyyyyyyyyyyy\",\"roles\":[\"ADMIN\"]}"),
                403, "FORBIDDEN", null);
    }

    @Test
    void aRememberedPasswordFollowsEveryChangeToTheAccount() {
        createUser("remembered1", "DESK");
        Http old = as("remembered1");
        // the first request proves the password with bcrypt; the next ones are answered from memory
        assertThat(old.get("/api/states/KAZ/calendar").status()).isEqualTo(200);
        assertThat(old.get("/api/states/KAZ/calendar").status()).isEqualTo(200);
        assertThat(admin.as("remembered1", "remembered1-password-124").get("/api/states/KAZ/calendar").status())
                .as("a wrong password is refused while the right one is remembered").isEqualTo(401);

        // roles are read on every request
        assertThat(admin.put("/api/admin/users/remembered1/roles", "{\"roles\": [\"LIAISON\"]}").status()).isEqualTo(200);
        expectProblem(old.get("/api/states/KAZ/history"), 403, "FORBIDDEN", null);

        // a new password replaces the remembered one at once
        Http.Response changed = old.post("/api/account/password",
                "{\"currentPassword\": \"remembered1-password-123\", \"newPassword\": \"remembered1-new-password-456\"}");
        assertThat(changed.status()).as(changed.body()).isIn(200, 204);
        assertThat(old.get("/api/states/KAZ/calendar").status()).as("the old password, remembered before the change").isEqualTo(401);
        Http renewed = admin.as("remembered1", "remembered1-new-password-456");
        assertThat(renewed.get("/api/states/KAZ/calendar").status()).isEqualTo(200);

        // a disabled account is refused even with the password just remembered
        assertThat(admin.post("/api/admin/users/remembered1/disable", "").status()).isIn(200, 204);
        assertThat(renewed.get("/api/states/KAZ/calendar").status()).isEqualTo(401);
    }

    @Test
    void passwordsAreStoredAsBcryptHashes() {
        String hash = registry.jdbc().queryForObject("SELECT password_hash FROM app_user WHERE username = 'desk1'", String.class);
        assertThat(hash).startsWith("{bcrypt}$2a$").doesNotContain("desk1-password-123");
        expectProblem(admin.post("/api/admin/users", "{\"username\":\"weak\",\"password\":\"short\",\"roles\":[\"DESK\"]}"),
                400, "WEAK_PASSWORD", "password");
        assertThat(admin.as("desk1", "wrong-password-000").get("/api/states/KAZ/calendar").status()).isEqualTo(401);
    }

    @Test
    void aFeedTokenOpensTheCalendarFeedOnlyUntilRevoked() {
        Http.Response issued = as("liaison1").post("/api/account/feed-tokens", "{\"label\":\"Outlook\"}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String token = issued.json().path("token").asText();
        String id = issued.json().path("id").asText();
        Http anonymous = admin.anonymous();
        Http.Response feed = anonymous.get("/api/states/KAZ/calendar.ics?token=" + token);
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.body()).startsWith("BEGIN:VCALENDAR");
        assertThat(anonymous.get("/api/states/KAZ/history?token=" + token).status()).as("a token opens feeds only").isEqualTo(401);
        assertThat(anonymous.get("/api/states/KAZ/calendar.ics?token=not-a-token").status()).isEqualTo(401);
        assertThat(as("liaison1").get("/api/account/feed-tokens").body()).doesNotContain(token);

        assertThat(as("liaison1").delete("/api/account/feed-tokens/" + id).status()).isEqualTo(204);
        assertThat(anonymous.get("/api/states/KAZ/calendar.ics?token=" + token).status()).isEqualTo(401);
    }

    @Test
    void aBrowserSessionMustSendTheCsrfToken() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        String base = admin.base();
        String loginPage = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(csrf.find()).as("the login form carries a CSRF token").isTrue();
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=desk1&password=" + URLEncoder.encode("desk1-password-123", StandardCharsets.UTF_8)
                        + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");

        String body = "{\"action\":\"RATIFICATION\",\"depositedOn\":\"1991-09-05\"}";
        HttpResponse<String> withoutToken = browser.send(HttpRequest.newBuilder(URI.create(base + "/api/states/ESP/participations/CRC/ratification"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withoutToken.statusCode()).as("a forged cross-site request").isEqualTo(403);

        String xsrf = cookies.getCookieStore().get(URI.create(base)).stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .findFirst().orElseThrow().getValue();
        HttpResponse<String> withToken = browser.send(HttpRequest.newBuilder(URI.create(base + "/api/states/ESP/participations/CRC/ratification"))
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", xsrf)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(201);
    }

    @Test
    void theFirstStartPrintsAGeneratedAdminPasswordThatMustBeChanged(CapturedOutput output) throws Exception {
        try (RunningRegistry fresh = RunningRegistry.embedded(Files.createTempDirectory("registry-first-").resolve("data"), false)
                .with("registry.security.initial-admin-password", "").start()) {
            Matcher printed = Pattern.compile("password: (\\S{20})").matcher(output.getOut());
            assertThat(printed.find()).as("the generated password is printed").isTrue();
            String password = printed.group(1);
            Http generated = fresh.http().as("admin", password);
            expectProblem(generated.get("/api/states/KAZ/calendar"), 403, "PASSWORD_CHANGE_REQUIRED", null);
            assertThat(generated.get("/api/account").json().path("mustChangePassword").asBoolean()).isTrue();
            Http.Response changed = generated.post("/api/account/password",
                    "{\"currentPassword\":\"" + password + "\",\"newPassword\":\"a-new-password-for-admin\"}");
            assertThat(changed.status()).as(changed.body()).isEqualTo(204);
            assertThat(fresh.http().as("admin", "a-new-password-for-admin").get("/api/states/KAZ/calendar").status()).isEqualTo(200);
            assertThat(fresh.http().as("admin", password).get("/api/states/KAZ/calendar").status()).isEqualTo(401);
        }
    }
}
