package org.treatyregistry.api.recording;

import org.treatyregistry.core.competence.CorrectCompetenceFactCommand;
import org.treatyregistry.core.competence.RecognizeCompetenceCommand;
import org.treatyregistry.core.competence.RecordCompetenceOptOutCommand;
import org.treatyregistry.core.competence.WithdrawCompetenceCommand;
import org.treatyregistry.core.ratification.CorrectParticipationFactCommand;
import org.treatyregistry.core.ratification.RecordDenunciationCommand;
import org.treatyregistry.core.ratification.RecordRatificationCommand;
import org.treatyregistry.core.ratification.RecordReservationCommand;
import org.treatyregistry.core.ratification.RecordSignatureCommand;
import org.treatyregistry.core.ratification.WithdrawReservationCommand;
import org.treatyregistry.core.reporting.CorrectReportingFactCommand;
import org.treatyregistry.core.reporting.RecordConcludingObservationsCommand;
import org.treatyregistry.core.reporting.RecordFollowUpSubmissionCommand;
import org.treatyregistry.core.reporting.RecordListOfIssuesPriorToReportingCommand;
import org.treatyregistry.core.reporting.RecordReportSubmissionCommand;
import org.treatyregistry.core.reporting.RecordReviewCommand;
import org.treatyregistry.core.reporting.ReviseDueDateCommand;
import org.treatyregistry.core.upr.CorrectUprFactCommand;
import org.treatyregistry.core.upr.RecordUprMidTermReportCommand;
import org.treatyregistry.core.upr.RecordUprReviewCommand;

import java.util.Arrays;
import java.util.Optional;

/** Every kind of fact the desk can record, by the name used in import files, with the command it becomes. */
public enum FactKind {
    SIGNATURE("signature", RecordSignatureCommand.class),
    RATIFICATION("ratification", RecordRatificationCommand.class),
    RESERVATION("reservation", RecordReservationCommand.class),
    RESERVATION_WITHDRAWAL("reservation-withdrawal", WithdrawReservationCommand.class),
    DENUNCIATION("denunciation", RecordDenunciationCommand.class),
    PARTICIPATION_CORRECTION("participation-correction", CorrectParticipationFactCommand.class),
    COMPETENCE_RECOGNITION("competence-recognition", RecognizeCompetenceCommand.class),
    COMPETENCE_OPT_OUT("competence-opt-out", RecordCompetenceOptOutCommand.class),
    COMPETENCE_WITHDRAWAL("competence-withdrawal", WithdrawCompetenceCommand.class),
    COMPETENCE_CORRECTION("competence-correction", CorrectCompetenceFactCommand.class),
    REPORT("report", RecordReportSubmissionCommand.class),
    LOIPR("loipr", RecordListOfIssuesPriorToReportingCommand.class),
    REVIEW("review", RecordReviewCommand.class),
    CONCLUDING_OBSERVATIONS("concluding-observations", RecordConcludingObservationsCommand.class),
    FOLLOW_UP("follow-up", RecordFollowUpSubmissionCommand.class),
    DUE_DATE_REVISION("due-date-revision", ReviseDueDateCommand.class),
    REPORTING_CORRECTION("reporting-correction", CorrectReportingFactCommand.class),
    UPR_REVIEW("upr-review", RecordUprReviewCommand.class),
    UPR_MID_TERM_REPORT("upr-mid-term-report", RecordUprMidTermReportCommand.class),
    UPR_CORRECTION("upr-correction", CorrectUprFactCommand.class);

    private final String name;
    private final Class<?> commandType;

    FactKind(String name, Class<?> commandType) {
        this.name = name;
        this.commandType = commandType;
    }

    public String factName() {
        return name;
    }

    public Class<?> commandType() {
        return commandType;
    }

    public static Optional<FactKind> byName(String name) {
        return Arrays.stream(values()).filter(k -> k.name.equals(name)).findFirst();
    }
}
