package org.treatyregistry.api.support;

/**
 * The administrator every test registry starts with (registry.security.initial-admin-password), so that the tests
 * exercise the real sign-in. Never used outside the tests.
 */
public final class TestCredentials {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "test-admin-password-not-for-production";

    private TestCredentials() {
    }
}
