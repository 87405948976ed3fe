package org.treatyregistry.projections.upr;

import java.util.List;

public record UprCycleList(List<UprCycleView> items) {
}
