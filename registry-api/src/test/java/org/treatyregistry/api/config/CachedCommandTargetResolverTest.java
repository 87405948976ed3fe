package org.treatyregistry.api.config;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.junit.jupiter.api.Test;
import org.treatyregistry.core.catalogue.InstrumentCode;
import org.treatyregistry.core.ratification.RecordReservationCommand;
import org.treatyregistry.core.ratification.ReservationKind;
import org.treatyregistry.core.shared.LegalDate;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.core.shared.StateCode;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/** The cached resolver answers every command exactly as Axon's own, errors included, and again on the second ask. */
class CachedCommandTargetResolverTest {

    record OnAField(@TargetAggregateIdentifier String id, @TargetAggregateVersion Long version) {
    }

    record OnMethods(String state, String instrument) {
        @TargetAggregateIdentifier
        String target() {
            return state + ":" + instrument;
        }

        @TargetAggregateVersion
        String expected() {
            return instrument.length() > 3 ? "12" : "x";
        }
    }

    interface Identified {
        @TargetAggregateIdentifier
        default String target() {
            return "from-the-interface";
        }
    }

    record ThroughAnInterface(int version) implements Identified {
        @TargetAggregateVersion
        int expected() {
            return version;
        }
    }

    record Failing(String id) {
        @TargetAggregateIdentifier
        String target() {
            return Objects.requireNonNull(id, "no id");
        }
    }

    record Unannotated(String id) {
    }

    private final CommandTargetResolver axon = AnnotationCommandTargetResolver.builder().build();
    private final CommandTargetResolver cached = new CachedCommandTargetResolver();

    @Test
    void resolvesEveryCommandAsAxonDoes() {
        List<Object> commands = List.of(
                new RecordReservationCommand(StateCode.of("KAZ"), InstrumentCode.of("ICCPR"), "r", ReservationKind.DECLARATION, "2",
                        "text", LegalDate.ofDay(LocalDate.of(2024, 5, 2)), Source.document("C.N.2.2024.TREATIES")),
                new OnAField("a", 3L), new OnAField("a", null), new OnAField(null, 3L),
                new OnMethods("KAZ", "ICCPR"), new OnMethods("KAZ", "CAT"),
                new ThroughAnInterface(4), new Failing("x"), new Failing(null), new Unannotated("x"));
        for (Object command : commands) {
            for (int ask = 0; ask < 2; ask++) {
                assertThat(outcome(cached, command)).as(command + ", ask " + ask).isEqualTo(outcome(axon, command));
            }
        }
        assertThat(outcome(cached, new OnMethods("KAZ", "ICCPR"))).isEqualTo("KAZ:ICCPR@12");
        assertThat(outcome(cached, new OnMethods("KAZ", "CAT"))).startsWith("IllegalArgumentException: The value provided for the version");
        assertThat(outcome(cached, new ThroughAnInterface(4))).isEqualTo("from-the-interface@4");
    }

    private static String outcome(CommandTargetResolver resolver, Object command) {
        try {
            VersionedAggregateIdentifier target = resolver.resolveTarget(GenericCommandMessage.asCommandMessage(command));
            return target.getIdentifierValue() + "@" + target.getVersion();
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage() + " / " + (e.getCause() == null ? null : e.getCause().getClass().getSimpleName());
        }
    }
}
