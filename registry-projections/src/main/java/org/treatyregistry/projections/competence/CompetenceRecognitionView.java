package org.treatyregistry.projections.competence;

/**
 * Whether a treaty body can act on a state under a mechanism, since when and on what basis.
 *
 * @param status RECOGNIZED, OPTED_OUT or WITHDRAWN
 * @param basis  e.g. "ICERD art. 14 (declaration)" or "ICCPR-OP1 art. 1 (protocol ratification)"
 */
public record CompetenceRecognitionView(String state, String body, String bodyName, String mechanism, String basis,
                                        String acceptanceMode, String status, String effectiveFrom, String declaredOn,
                                        String withdrawnOn, String source) {
}
