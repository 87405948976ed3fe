package org.treatyregistry.api.config;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.treatyregistry.api.admin.ProjectionAdmin;
import org.treatyregistry.api.support.RunningRegistry;
import org.treatyregistry.core.catalogue.InstrumentCode;
import org.treatyregistry.core.ratification.RecordReservationCommand;
import org.treatyregistry.core.ratification.ReservationKind;
import org.treatyregistry.core.shared.LegalDate;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.core.shared.StateCode;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** With Axon's timeouts off, the registry still reports slow commands and slow projection batches (threshold 0 here). */
@ExtendWith(OutputCaptureExtension.class)
class SlowHandlingWiringTest {

    @TempDir
    Path dir;

    @Test
    void slowCommandsAndProjectionBatchesAreLogged(CapturedOutput output) {
        try (RunningRegistry registry = RunningRegistry.embedded(dir, true).with("registry.slow-handling-warning", "PT0S").start()) {
            registry.bean(CommandGateway.class).sendAndWait(new RecordReservationCommand(StateCode.of("KAZ"), InstrumentCode.of("ICCPR"),
                    "slow-handling wiring", ReservationKind.DECLARATION, "2", "Text", LegalDate.ofDay(LocalDate.of(2024, 5, 2)),
                    Source.document("C.N.1.2024.TREATIES")));
            assertThat(registry.bean(ProjectionAdmin.class).awaitCaughtUp(Duration.ofMinutes(1))).isTrue();
            assertThat(output.getOut()).contains("handling RecordReservationCommand took")
                    // a thread of the projection processor (the log pattern shortens its name to "-projections]-0")
                    .containsPattern("projections\\]-\\d+\\] o\\.t\\.api\\.config\\.SlowHandlingLog +: handling \\w+Event took");
        }
    }
}
