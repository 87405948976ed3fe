package org.treatyregistry.core.reporting;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.treatyregistry.core.catalogue.InstrumentCode;
import org.treatyregistry.core.ratification.ConsentAction;
import org.treatyregistry.core.ratification.Participation;
import org.treatyregistry.core.ratification.RecordRatificationCommand;
import org.treatyregistry.core.ratification.TreatyRatifiedEvent;
import org.treatyregistry.core.shared.LegalDate;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.core.shared.StateCode;

import java.util.concurrent.atomic.AtomicReference;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.matches;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;

/**
 * Runs real commands through aggregate fixtures and hands back the single event each recorded, so that rule tests
 * start from the dates the aggregates compute (entry into force, initial due date) rather than from hand-written events.
 */
final class Recorded {

    static final StateCode KAZ = StateCode.of("KAZ");

    private Recorded() {
    }

    /** The ratification event the Participation aggregate records for a deposit. */
    static TreatyRatifiedEvent ratification(String instrument, ConsentAction action, String deposit) {
        return single(TreatyRatifiedEvent.class, new AggregateTestFixture<>(Participation.class),
                new RecordRatificationCommand(KAZ, InstrumentCode.of(instrument), action, LegalDate.parse(deposit), null,
                        Source.document("UNTC")));
    }

    /** The opening the ReportingObligation aggregate records for a ratification, as the policy would send it. */
    static ReportingObligationOpenedEvent opening(TreatyRatifiedEvent ratified) {
        return single(ReportingObligationOpenedEvent.class, new AggregateTestFixture<>(ReportingObligation.class),
                new OpenReportingObligationCommand(ratified.state(), ratified.instrument(), ratified.entryIntoForce(),
                        ratified.entryIntoForceBasis()));
    }

    private static <T> T single(Class<T> type, AggregateTestFixture<?> fixture, Object command) {
        AtomicReference<T> recorded = new AtomicReference<>();
        fixture.givenNoPriorActivity()
                .when(command)
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(payloadsMatching(exactSequenceOf(matches(payload -> {
                    if (type.isInstance(payload)) {
                        recorded.set(type.cast(payload));
                        return true;
                    }
                    return false;
                }), andNoMore())));
        return recorded.get();
    }
}
