package org.treatyregistry.projections.upr;

public record UprCycleView(String state, int cycle, String workingGroupSession, String reviewedOn, String nationalReport,
                           String outcomeReport, String midTermReport, String midTermSubmittedOn, String source) {
}
