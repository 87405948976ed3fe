package org.treatyregistry.core.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistryExceptionTest {

    @Test
    void eachFactoryGivesItsKind() {
        assertThat(RegistryException.invalid("A", "f", "m").kind()).isEqualTo(ErrorKind.INVALID);
        assertThat(RegistryException.notFound("A", "f", "m").kind()).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(RegistryException.conflict("A", "f", "m").kind()).isEqualTo(ErrorKind.CONFLICT);
    }

    @Test
    void detailsCarryTheRefusalAcrossTheCommandBusAndBack() {
        RegistryException original = RegistryException.conflict("ALREADY_PARTY", "instrument", "KAZ is already party to ICCPR");

        RegistryError details = original.toDetails();
        RegistryException restored = RegistryException.fromDetails(Json.roundTrip(details));

        assertThat(details).isEqualTo(new RegistryError(ErrorKind.CONFLICT, "ALREADY_PARTY", "instrument", "KAZ is already party to ICCPR"));
        assertThat(restored.kind()).isEqualTo(ErrorKind.CONFLICT);
        assertThat(restored.errorCode()).isEqualTo("ALREADY_PARTY");
        assertThat(restored.field()).isEqualTo("instrument");
        assertThat(restored.getMessage()).isEqualTo("KAZ is already party to ICCPR");
    }

    @Test
    void aRefusalAboutTheWholeCommandHasNoField() {
        assertThat(RegistryException.invalid("A", null, "m").field()).isNull();
    }

    @Test
    void aRefusalNeedsAKindAndACode() {
        assertThatThrownBy(() -> new RegistryException(null, "A", null, "m")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new RegistryException(ErrorKind.INVALID, null, null, "m")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void anOutcomeSaysWhetherAFactWasRecorded() {
        assertThat(CommandOutcome.recorded("KAZ:ICCPR")).isEqualTo(new CommandOutcome("KAZ:ICCPR", CommandOutcome.Result.RECORDED));
        assertThat(CommandOutcome.alreadyRecorded("KAZ:ICCPR").result()).isEqualTo(CommandOutcome.Result.ALREADY_RECORDED);
        assertThat(Source.document("CCPR/C/KAZ/1")).isEqualTo(new Source("CCPR/C/KAZ/1", null, null));
        assertThat(Source.none()).isEqualTo(new Source(null, null, null));
    }
}
