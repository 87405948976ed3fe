package org.treatyregistry.core.catalogue;

/**
 * A procedure through which a treaty body can receive communications or act on a state, with its legal basis.
 *
 * @param body       the treaty body whose competence it is
 * @param type       individual communications, inter-state, inquiry, ...
 * @param instrument the instrument that creates the procedure (the protocol, or the treaty itself)
 * @param article    the article that creates it
 * @param mode       how the state accepts it
 * @param optOutArticle where an opt-out exists, the article that allows it
 */
public record CompetenceMechanism(TreatyBodyCode body, MechanismType type, InstrumentCode instrument, String article,
                                  AcceptanceMode mode, String optOutArticle) {

    public String citation() {
        return instrument.value() + " " + article;
    }
}
