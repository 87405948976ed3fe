package org.treatyregistry.api.audit;

import java.time.Instant;

/**
 * The result of recomputing the hash chain.
 *
 * @param intact          every event matches its link and every link its predecessor
 * @param eventsChecked   how many events were checked before the first problem (all of them when intact)
 * @param headHash        the hash of the last link checked: an auditor can note it and compare it later
 * @param firstProblemAt  the global index of the first event (or link) that does not match, or null
 * @param problem         ALTERED (content differs from what was hashed), MISSING (a linked event is gone),
 *                        REPLACED (another event stands at a linked position: rows reordered or swapped),
 *                        UNCHAINED (an event no link covers: inserted outside the registry),
 *                        BROKEN_LINK (a link does not follow from its predecessor: the chain table was changed)
 * @param unsealed        events the registry committed that are not linked yet, because a transaction still in progress
 *                        holds an earlier position (PostgreSQL, docs/audit.md): not checked, and not a problem
 */
public record ChainVerification(boolean intact, long eventsChecked, String headHash, Long firstProblemAt,
                                String problem, String detail, Instant verifiedAt, long unsealed) {
}
