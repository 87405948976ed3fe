package org.treatyregistry.projections.competence;

import java.util.List;

public record CompetenceRecognitionList(List<CompetenceRecognitionView> items) {
}
