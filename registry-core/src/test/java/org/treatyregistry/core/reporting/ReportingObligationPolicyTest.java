package org.treatyregistry.core.reporting;

import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.treatyregistry.core.catalogue.InstrumentCode;
import org.treatyregistry.core.ratification.ConsentAction;
import org.treatyregistry.core.ratification.InstrumentSignedEvent;
import org.treatyregistry.core.ratification.ParticipationFactCorrectedEvent;
import org.treatyregistry.core.ratification.ParticipationId;
import org.treatyregistry.core.ratification.TreatyRatifiedEvent;
import org.treatyregistry.core.shared.CommandOutcome;
import org.treatyregistry.core.shared.LegalDate;
import org.treatyregistry.core.shared.RegistryException;
import org.treatyregistry.core.shared.StateCode;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The policy's annotated handlers, invoked as Axon invokes them, sending through a real SimpleCommandBus and
 * DefaultCommandGateway to a real handler that records what it received (see ReportingObligationPolicyIntegrationTest
 * for the policy wired to the real aggregates).
 */
class ReportingObligationPolicyTest {

    private static final StateCode KAZ = StateCode.of("KAZ");
    private static final String ICCPR_BASIS = "ICCPR art. 49(2): three months after the date of deposit";

    private final List<OpenReportingObligationCommand> received = new CopyOnWriteArrayList<>();
    private RegistryException refuseWith;
    private AnnotationEventHandlerAdapter policy;

    @BeforeEach
    void setUp() {
        SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
        commandBus.subscribe(OpenReportingObligationCommand.class.getName(), message -> {
            OpenReportingObligationCommand command = (OpenReportingObligationCommand) message.getPayload();
            received.add(command);
            if (refuseWith != null) {
                throw refuseWith;
            }
            return CommandOutcome.recorded(command.obligationId());
        });
        policy = new AnnotationEventHandlerAdapter(new ReportingObligationPolicy(DefaultCommandGateway.builder().commandBus(commandBus).build()));
    }

    private void publish(Object event) throws Exception {
        GenericEventMessage<Object> message = new GenericEventMessage<>(event);
        if (policy.canHandle(message)) {
            policy.handle(message);
        }
    }

    private static LegalDate d(String text) {
        return text == null ? null : LegalDate.parse(text);
    }

    private static TreatyRatifiedEvent ratified(String instrument, String deposit, String eif, String basis) {
        InstrumentCode code = InstrumentCode.of(instrument);
        return new TreatyRatifiedEvent(ParticipationId.of(KAZ, code), KAZ, code, ConsentAction.RATIFICATION, d(deposit), d(eif), basis, null);
    }

    @Test
    void opensTheObligationWhenAnInstrumentWithReportsEntersIntoForce() throws Exception {
        publish(ratified("ICCPR", "2006-01-24", "2006-04-24", ICCPR_BASIS));

        assertThat(received).containsExactly(new OpenReportingObligationCommand(KAZ, InstrumentCode.of("ICCPR"), d("2006-04-24"), ICCPR_BASIS));
    }

    @Test
    void opensTheObligationOfAProtocolWithAnInitialReportOfItsOwn() throws Exception {
        publish(ratified("OPSC", "2001-12-10", "2002-01-18", "OPSC general entry into force"));

        assertThat(received).extracting(OpenReportingObligationCommand::instrument).containsExactly(InstrumentCode.of("OPSC"));
    }

    @Test
    void opensTheObligationWithAnEntryIntoForceKnownOnlyToTheYear() throws Exception {
        publish(ratified("CAT", "1998-08", "1998", "CAT art. 27(2) (deposit known to the month)"));

        assertThat(received).extracting(OpenReportingObligationCommand::entryIntoForce).containsExactly(d("1998"));
    }

    @Test
    void sendsNothingWhileTheEntryIntoForceIsUnknown() throws Exception {
        publish(ratified("CRC", "1994", null, "undetermined"));
        publish(ratified("CEDAW", null, null, "unknown: no deposit date recorded"));

        assertThat(received).isEmpty();
    }

    @Test
    void sendsNothingForAnInstrumentWithoutReportsOfItsOwn() throws Exception {
        publish(ratified("ICCPR-OP1", "2009-06-30", "2009-09-30", "ICCPR-OP1 art. 9(2)"));
        publish(ratified("ICCPR-OP2", "2022-03-24", "2022-06-24", "ICCPR-OP2 art. 8(2)"));
        publish(ratified("OP-CAT", "2008-10-22", "2008-11-21", "OP-CAT art. 28(2)"));

        assertThat(received).isEmpty();
    }

    @Test
    void followsACorrectedRatification() throws Exception {
        TreatyRatifiedEvent corrected = ratified("ICCPR", "2006-01-24", "2006-04-24", ICCPR_BASIS);
        publish(new ParticipationFactCorrectedEvent(corrected.participationId(), KAZ, corrected.instrument(), 0, "deposit was 24 Jan",
                null, corrected));

        assertThat(received).containsExactly(new OpenReportingObligationCommand(KAZ, InstrumentCode.of("ICCPR"), d("2006-04-24"), ICCPR_BASIS));
    }

    @Test
    void ignoresCorrectionsOfOtherFactsAndOtherEvents() throws Exception {
        InstrumentSignedEvent signed = new InstrumentSignedEvent(ParticipationId.of(KAZ, InstrumentCode.of("ICCPR-OP1")), KAZ,
                InstrumentCode.of("ICCPR-OP1"), d("2007-09-25"), null);
        publish(signed);
        publish(new ParticipationFactCorrectedEvent(signed.participationId(), KAZ, signed.instrument(), 0, "typo", null, signed));

        assertThat(received).isEmpty();
        assertThat(policy.canHandle(new GenericEventMessage<>(signed))).isFalse();
    }

    @Test
    void aRefusedOpeningReachesThePublisher() {
        refuseWith = RegistryException.conflict("ENTRY_INTO_FORCE_CONFLICT", "entryIntoForce", "refused");

        assertThatThrownBy(() -> publish(ratified("ICCPR", "2006-01-24", "2006-04-24", ICCPR_BASIS)))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo("ENTRY_INTO_FORCE_CONFLICT"));
        assertThat(received).hasSize(1);
    }

    @Test
    void isNeverReplayed() {
        assertThat(policy.supportsReset()).isFalse();
    }
}
