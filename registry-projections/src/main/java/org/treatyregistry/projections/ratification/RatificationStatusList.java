package org.treatyregistry.projections.ratification;

import java.util.List;

public record RatificationStatusList(List<RatificationStatus> items) {
}
