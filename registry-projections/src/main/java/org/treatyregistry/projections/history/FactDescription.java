package org.treatyregistry.projections.history;

import org.treatyregistry.core.competence.CompetenceFactCorrectedEvent;
import org.treatyregistry.core.competence.CompetenceOptedOutEvent;
import org.treatyregistry.core.competence.CompetenceRecognizedEvent;
import org.treatyregistry.core.competence.CompetenceWithdrawnEvent;
import org.treatyregistry.core.ratification.InstrumentSignedEvent;
import org.treatyregistry.core.ratification.ParticipationFactCorrectedEvent;
import org.treatyregistry.core.ratification.ReservationEnteredEvent;
import org.treatyregistry.core.ratification.ReservationWithdrawnEvent;
import org.treatyregistry.core.ratification.TreatyDenouncedEvent;
import org.treatyregistry.core.ratification.TreatyRatifiedEvent;
import org.treatyregistry.core.reporting.ConcludingObservationsAdoptedEvent;
import org.treatyregistry.core.reporting.DueDateRevisedEvent;
import org.treatyregistry.core.reporting.FollowUpInformationSubmittedEvent;
import org.treatyregistry.core.reporting.ListOfIssuesPriorToReportingTransmittedEvent;
import org.treatyregistry.core.reporting.ReportSubmittedEvent;
import org.treatyregistry.core.reporting.ReportingFactCorrectedEvent;
import org.treatyregistry.core.reporting.ReportingObligationOpenedEvent;
import org.treatyregistry.core.reporting.ReviewHeldEvent;
import org.treatyregistry.core.reporting.ReportingSchedule;
import org.treatyregistry.core.shared.LegalDate;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.core.upr.UprFactCorrectedEvent;
import org.treatyregistry.core.upr.UprMidTermReportSubmittedEvent;
import org.treatyregistry.core.upr.UprReviewHeldEvent;

/** How an event reads in the history: its legal date, one line of text, and its source. */
public record FactDescription(LegalDate legalDate, String summary, Source source) {

    public static FactDescription of(Object event) {
        if (event instanceof InstrumentSignedEvent e) {
            return new FactDescription(e.signedOn(), "Signed " + e.instrument(), e.source());
        }
        if (event instanceof TreatyRatifiedEvent e) {
            return new FactDescription(e.depositedOn(), capital(e.action().name()) + " of " + e.instrument()
                    + (e.depositedOn() == null ? " (deposit date not recorded)" : " deposited " + e.depositedOn())
                    + (e.entryIntoForce() == null ? "; entry into force not determined" : "; in force for the state from " + e.entryIntoForce())
                    + " (" + e.entryIntoForceBasis() + ")", e.source());
        }
        if (event instanceof ReservationEnteredEvent e) {
            return new FactDescription(e.madeOn(), capital(e.kind().name()) + " '" + e.reference() + "' to " + e.instrument()
                    + (e.article() == null ? "" : " " + e.article()), e.source());
        }
        if (event instanceof ReservationWithdrawnEvent e) {
            return new FactDescription(e.withdrawnOn(), "Withdrew '" + e.reference() + "' (" + e.instrument() + ")", e.source());
        }
        if (event instanceof TreatyDenouncedEvent e) {
            return new FactDescription(e.notifiedOn(), "Denounced " + e.instrument()
                    + (e.effectiveOn() == null ? "" : ", effective " + e.effectiveOn()), e.source());
        }
        if (event instanceof CompetenceRecognizedEvent e) {
            return new FactDescription(e.effectiveFrom() != null ? e.effectiveFrom() : e.declaredOn(), e.body() + " competence ("
                    + e.mechanism().name().toLowerCase().replace('_', ' ') + ") recognised under " + e.instrument() + " " + e.article()
                    + (e.effectiveFrom() == null ? "; effective date not recorded" : ", effective " + e.effectiveFrom()), e.source());
        }
        if (event instanceof CompetenceOptedOutEvent e) {
            return new FactDescription(e.declaredOn(), "Opted out of " + e.body() + " " + e.mechanism().name().toLowerCase().replace('_', ' ')
                    + " (" + e.optOutArticle() + ")", e.source());
        }
        if (event instanceof CompetenceWithdrawnEvent e) {
            return new FactDescription(e.withdrawnOn(), "Withdrew recognition of " + e.body() + " "
                    + e.mechanism().name().toLowerCase().replace('_', ' '), e.source());
        }
        if (event instanceof ReportingObligationOpenedEvent e) {
            return new FactDescription(e.entryIntoForce(), "Reporting obligation to " + e.body() + " under " + e.instrument()
                    + " opened; initial report due " + e.initialReportDue() + " (" + e.initialReportBasis() + ")", null);
        }
        if (event instanceof ReportSubmittedEvent e) {
            String label = ReportingSchedule.label(e.instrument(), e.covers());
            return new FactDescription(e.receivedOn(), label.substring(0, 1).toUpperCase() + label.substring(1)
                    + " " + e.symbol() + (e.receivedOn() == null ? " submitted (date received not recorded)" : " received")
                    + (e.procedure() == null ? "" : " (" + e.procedure().name().toLowerCase() + " procedure)"), e.source());
        }
        if (event instanceof ListOfIssuesPriorToReportingTransmittedEvent e) {
            return new FactDescription(e.transmittedOn(), "List of issues prior to reporting " + e.symbol()
                    + " transmitted; reply (the " + ReportingSchedule.label(e.instrument(), e.covers()) + ") due " + e.replyDue(), e.source());
        }
        if (event instanceof ReviewHeldEvent e) {
            return new FactDescription(e.startedOn(), "Reviewed by the committee, " + e.session()
                    + (e.inAbsenceOfReport() ? ", in the absence of a report" : ": " + String.join(", ", e.reportSymbols())), e.source());
        }
        if (event instanceof ConcludingObservationsAdoptedEvent e) {
            return new FactDescription(e.adoptedOn(), "Concluding observations " + e.symbol() + " adopted"
                    + (e.nextReport() == null ? "" : "; " + ReportingSchedule.label(e.instrument(), e.nextReport().covers()) + " due " + e.nextReport().due())
                    + (e.followUp().isEmpty() ? "" : "; follow-up due " + e.followUp().get(0).due()), e.source());
        }
        if (event instanceof FollowUpInformationSubmittedEvent e) {
            return new FactDescription(e.receivedOn(), "Follow-up information " + e.symbol() + " on " + e.concludingObservations()
                    + " received", e.source());
        }
        if (event instanceof DueDateRevisedEvent e) {
            return new FactDescription(e.newDue(), "Due date of " + e.itemId() + " moved from " + e.previousDue() + " to "
                    + e.newDue() + ": " + e.reason(), e.source());
        }
        if (event instanceof UprReviewHeldEvent e) {
            return new FactDescription(e.reviewedOn(), "Universal Periodic Review, cycle " + e.cycle()
                    + (e.workingGroupSession() == null ? "" : ", Working Group " + e.workingGroupSession()), e.source());
        }
        if (event instanceof UprMidTermReportSubmittedEvent e) {
            return new FactDescription(e.submittedOn(), "UPR mid-term report, cycle " + e.cycle()
                    + (e.symbol() == null ? "" : " (" + e.symbol() + ")"), e.source());
        }
        if (event instanceof ParticipationFactCorrectedEvent e) {
            return correction(of(e.replacement()), e.correctsSequence(), e.reason(), e.source());
        }
        if (event instanceof CompetenceFactCorrectedEvent e) {
            return correction(of(e.replacement()), e.correctsSequence(), e.reason(), e.source());
        }
        if (event instanceof ReportingFactCorrectedEvent e) {
            return correction(of(e.replacement()), e.correctsSequence(), e.reason(), e.source());
        }
        if (event instanceof UprFactCorrectedEvent e) {
            return correction(of(e.replacement()), e.correctsSequence(), e.reason(), e.source());
        }
        return new FactDescription(null, event.getClass().getSimpleName(), null);
    }

    private static FactDescription correction(FactDescription replacement, long corrects, String reason, Source source) {
        return new FactDescription(replacement.legalDate(), "Correction of fact #" + corrects + ": " + replacement.summary()
                + " (reason: " + reason + ")", source != null ? source : replacement.source());
    }

    private static String capital(String enumName) {
        String lower = enumName.toLowerCase().replace('_', ' ');
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
