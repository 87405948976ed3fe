package org.treatyregistry.core.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class StateCodeTest {

    @Test
    void canNameAStateByItsIsoAlpha3Code() {
        StateCode kaz = StateCode.of("KAZ");

        assertThat(kaz.value()).isEqualTo("KAZ");
        assertThat(kaz.toString()).isEqualTo("KAZ");
        assertThat(kaz).isEqualTo(new StateCode("KAZ"));
        assertThat(StateCode.of("VCT").value()).isEqualTo("VCT");
    }

    @Test
    void acceptsACodeWrittenInLowerCaseOrWithSpacesAsItsCanonicalForm() {
        assertThat(StateCode.of("kaz")).isEqualTo(new StateCode("KAZ"));
        assertThat(StateCode.of(" Kaz ").value()).isEqualTo("KAZ");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"XXX", "KZ", "KAZA", "", "Kazakhstan"})
    void cannotNameAnUnknownState(String code) {
        RegistryException e = catchThrowableOfType(RegistryException.class, () -> StateCode.of(code));

        assertThat(e).isNotNull();
        assertThat(e.errorCode()).isEqualTo("UNKNOWN_STATE");
        assertThat(e.kind()).isEqualTo(ErrorKind.INVALID);
        assertThat(e.field()).isEqualTo("state");
        assertThat(e.getMessage()).contains("'" + code + "' is not an ISO 3166-1 alpha-3 state code");
    }

    @Test
    void isWrittenAsItsBareCodeInJson() throws Exception {
        assertThat(Json.write(StateCode.of("KAZ"))).isEqualTo("\"KAZ\"");
        assertThat(Json.mapper().readValue("\"KAZ\"", StateCode.class)).isEqualTo(StateCode.of("KAZ"));
    }

    @Test
    void anUnknownStateInJsonIsRefusedWithItsErrorCode() {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> Json.mapper().readValue("\"XXX\"", StateCode.class));

        assertThat(thrown).hasRootCauseInstanceOf(RegistryException.class);
        RegistryException cause = (RegistryException) org.assertj.core.util.Throwables.getRootCause(thrown);
        assertThat(cause.errorCode()).isEqualTo("UNKNOWN_STATE");
    }
}
