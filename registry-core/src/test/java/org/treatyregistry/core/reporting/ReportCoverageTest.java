package org.treatyregistry.core.reporting;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.treatyregistry.core.shared.RegistryException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ReportCoverageTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1 | 1 | initial report",
            "2 | 2 | 2nd periodic report",
            "3 | 3 | 3rd periodic report",
            "11 | 11 | 11th periodic report",
            "21 | 21 | 21st periodic report",
            "2 | 4 | combined 2nd to 4th periodic reports",
            "8 | 10 | combined 8th to 10th periodic reports",
            "1 | 3 | combined initial to 3rd reports",
            "12 | 13 | combined 12th to 13th periodic reports"})
    void labelsReportsAsTheUnDoes(int from, int to, String label) {
        assertThat(new ReportCoverage(from, to).label()).isEqualTo(label);
    }

    @Test
    void coverageComparesAndCombines() {
        ReportCoverage twoToFour = new ReportCoverage(2, 4);

        assertThat(twoToFour.overlaps(ReportCoverage.single(4))).isTrue();
        assertThat(twoToFour.overlaps(ReportCoverage.single(5))).isFalse();
        assertThat(twoToFour.contains(3)).isTrue();
        assertThat(twoToFour.contains(1)).isFalse();
        assertThat(twoToFour.union(new ReportCoverage(5, 6))).isEqualTo(new ReportCoverage(2, 6));
        assertThat(twoToFour.toString()).isEqualTo("2-4");
        assertThat(ReportCoverage.single(2).toString()).isEqualTo("2");
    }

    @Test
    void refusesCoverageThatCannotExist() {
        assertThat(catchThrowableOfType(RegistryException.class, () -> new ReportCoverage(0, 1)).field()).isEqualTo("covers.from");
        assertThat(catchThrowableOfType(RegistryException.class, () -> new ReportCoverage(4, 2)).errorCode()).isEqualTo("INVALID_COVERAGE");
        assertThat(catchThrowableOfType(RegistryException.class, () -> new ReportCoverage(4, 2)).field()).isEqualTo("covers.to");
        assertThat(catchThrowableOfType(RegistryException.class, () -> new ReportCoverage(1, 22)).errorCode()).isEqualTo("INVALID_COVERAGE");
        assertThat(new ReportCoverage(1, 21).to()).isEqualTo(21);
    }
}
