package org.treatyregistry.core.reporting;

import org.treatyregistry.core.shared.LegalDate;

/** Information the committee asks for on selected recommendations, with the date printed in the concluding observations. */
public record FollowUpRequest(String paragraphs, LegalDate due) {
}
