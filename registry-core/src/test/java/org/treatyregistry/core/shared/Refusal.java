package org.treatyregistry.core.shared;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

import java.util.Objects;

/**
 * Hamcrest matchers for domain refusals, for {@code fixture.when(...).expectException(Refusal.of(...))}:
 * a {@link RegistryException} with the given kind, error code and field.
 */
public final class Refusal {

    private Refusal() {
    }

    public static Matcher<Object> of(ErrorKind kind, String errorCode, String field) {
        return new TypeSafeDiagnosingMatcher<>(Object.class) {
            @Override
            protected boolean matchesSafely(Object item, Description mismatch) {
                if (!(item instanceof RegistryException e)) {
                    mismatch.appendText("was ").appendValue(item);
                    return false;
                }
                boolean matches = e.kind() == kind && errorCode.equals(e.errorCode()) && Objects.equals(field, e.field());
                if (!matches) {
                    mismatch.appendText("was a RegistryException " + e.kind() + "/" + e.errorCode() + " on field " + e.field()
                            + ": " + e.getMessage());
                }
                return matches;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a RegistryException " + kind + "/" + errorCode + " on field " + field);
            }
        };
    }

    public static Matcher<Object> invalid(String errorCode, String field) {
        return of(ErrorKind.INVALID, errorCode, field);
    }

    public static Matcher<Object> conflict(String errorCode, String field) {
        return of(ErrorKind.CONFLICT, errorCode, field);
    }

    public static Matcher<Object> notFound(String errorCode, String field) {
        return of(ErrorKind.NOT_FOUND, errorCode, field);
    }
}
