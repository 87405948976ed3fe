package org.treatyregistry.core.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RequireTest {

    @Test
    void aMissingValueIsRefusedNamingTheField() {
        RegistryException e = catchThrowableOfType(RegistryException.class, () -> Require.present(null, "depositedOn"));

        assertThat(e.errorCode()).isEqualTo("MISSING_FIELD");
        assertThat(e.kind()).isEqualTo(ErrorKind.INVALID);
        assertThat(e.field()).isEqualTo("depositedOn");
        assertThat(e.getMessage()).isEqualTo("depositedOn is required");
        assertThat(Require.present("x", "f")).isEqualTo("x");
    }

    @Test
    void blankTextIsRefused() {
        assertThat(catchThrowableOfType(RegistryException.class, () -> Require.text("  ", "reason")).errorCode())
                .isEqualTo("MISSING_FIELD");
        assertThat(catchThrowableOfType(RegistryException.class, () -> Require.text(null, "reason")).field())
                .isEqualTo("reason");
        assertThat(Require.text("late report", "reason")).isEqualTo("late report");
    }

    @Test
    void textLongerThan2000CharactersIsRefused() {
        assertThat(Require.text("x".repeat(2000), "text")).hasSize(2000);
        RegistryException e = catchThrowableOfType(RegistryException.class, () -> Require.text("x".repeat(2001), "text"));

        assertThat(e.errorCode()).isEqualTo("FIELD_TOO_LONG");
        assertThat(e.field()).isEqualTo("text");
    }

    @Test
    void aLaterDateEntirelyBeforeTheEarlierIsRefused() {
        RegistryException e = catchThrowableOfType(RegistryException.class, () -> Require.notAfter(
                LegalDate.parse("2006-01-24"), LegalDate.parse("2006-01-23"), "statedEntryIntoForce", "too early"));

        assertThat(e.errorCode()).isEqualTo("DATE_OUT_OF_ORDER");
        assertThat(e.field()).isEqualTo("statedEntryIntoForce");
        assertThat(e.getMessage()).isEqualTo("too early");
    }

    @Test
    void overlappingPeriodsAndMissingDatesAreNotOutOfOrder() {
        assertThatCode(() -> Require.notAfter(LegalDate.parse("2006-01-24"), LegalDate.parse("2006-01-24"), "f", "m"))
                .doesNotThrowAnyException();
        assertThatCode(() -> Require.notAfter(LegalDate.parse("2006-01-24"), LegalDate.parse("2006-01"), "f", "m"))
                .doesNotThrowAnyException();
        assertThatCode(() -> Require.notAfter(LegalDate.parse("2006"), LegalDate.parse("2006-01-01"), "f", "m"))
                .doesNotThrowAnyException();
        assertThatCode(() -> Require.notAfter(null, LegalDate.parse("2006"), "f", "m")).doesNotThrowAnyException();
        assertThatCode(() -> Require.notAfter(LegalDate.parse("2006"), null, "f", "m")).doesNotThrowAnyException();
    }
}
