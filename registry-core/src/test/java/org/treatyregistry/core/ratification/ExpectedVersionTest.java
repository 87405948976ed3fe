package org.treatyregistry.core.ratification;

import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.treatyregistry.core.catalogue.InstrumentCode;
import org.treatyregistry.core.shared.ExpectedVersion;
import org.treatyregistry.core.shared.LegalDate;
import org.treatyregistry.core.shared.StateCode;

/** A client that names the version it last saw is refused when the record has moved on, whatever the command. */
class ExpectedVersionTest {

    private static final StateCode COL = StateCode.of("COL");
    private static final InstrumentCode ICCPR = InstrumentCode.of("ICCPR");
    private static final String ID = ParticipationId.of(COL, ICCPR);
    private static final TreatyRatifiedEvent RATIFIED = new TreatyRatifiedEvent(ID, COL, ICCPR, ConsentAction.RATIFICATION,
            LegalDate.parse("1969-10-29"), LegalDate.parse("1976-03-23"), "ICCPR general entry into force", null);
    private static final RecordReservationCommand RESERVE = new RecordReservationCommand(COL, ICCPR, "a",
            ReservationKind.DECLARATION, null, "text", LegalDate.parse("2000-01-01"), null);

    private FixtureConfiguration<Participation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Participation.class);
    }

    @Test
    void canRecordWhenTheExpectedVersionIsCurrent() {
        fixture.given(RATIFIED)
                .when(RESERVE, MetaData.with(ExpectedVersion.METADATA_KEY, 0L))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ReservationEnteredEvent(ID, COL, ICCPR, "a", ReservationKind.DECLARATION, null, "text",
                        LegalDate.parse("2000-01-01"), null));
    }

    @Test
    void cannotRecordFromAStaleVersion() {
        fixture.given(RATIFIED, new ReservationEnteredEvent(ID, COL, ICCPR, "b", ReservationKind.DECLARATION, null, "other",
                        LegalDate.parse("1999-01-01"), null))
                .when(RESERVE, MetaData.with(ExpectedVersion.METADATA_KEY, 0L))
                .expectException(ConflictingAggregateVersionException.class)
                .expectNoEvents();
    }

    @Test
    void withoutAnExpectedVersionTheLastWriterIsNotChecked() {
        fixture.given(RATIFIED).when(RESERVE).expectSuccessfulHandlerExecution();
    }
}
