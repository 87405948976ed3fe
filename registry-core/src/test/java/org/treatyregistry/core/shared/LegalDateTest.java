package org.treatyregistry.core.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LegalDateTest {

    @Test
    void canParseAYearAsAYearPrecisionDate() {
        LegalDate date = LegalDate.parse("2014");

        assertThat(date.precision()).isEqualTo(DatePrecision.YEAR);
        assertThat(date.earliest()).isEqualTo(LocalDate.of(2014, 1, 1));
        assertThat(date.latest()).isEqualTo(LocalDate.of(2014, 12, 31));
        assertThat(date.isExact()).isFalse();
        assertThat(date.text()).isEqualTo("2014");
        assertThat(date).isEqualTo(LegalDate.ofYear(2014));
    }

    @Test
    void canParseAMonthAsAMonthPrecisionDate() {
        LegalDate date = LegalDate.parse("2014-05");

        assertThat(date.precision()).isEqualTo(DatePrecision.MONTH);
        assertThat(date.earliest()).isEqualTo(LocalDate.of(2014, 5, 1));
        assertThat(date.latest()).isEqualTo(LocalDate.of(2014, 5, 31));
        assertThat(date.text()).isEqualTo("2014-05");
        assertThat(date).isEqualTo(LegalDate.ofMonth(2014, 5));
    }

    @Test
    void canParseADayAsAnExactDate() {
        LegalDate date = LegalDate.parse("2014-05-21");

        assertThat(date.precision()).isEqualTo(DatePrecision.DAY);
        assertThat(date.isExact()).isTrue();
        assertThat(date.earliest()).isEqualTo(date.latest()).isEqualTo(LocalDate.of(2014, 5, 21));
        assertThat(date.text()).isEqualTo("2014-05-21");
        assertThat(date.toString()).isEqualTo("2014-05-21");
        assertThat(date).isEqualTo(LegalDate.ofDay(2014, 5, 21));
    }

    @Test
    void surroundingWhitespaceIsIgnored() {
        assertThat(LegalDate.parse(" 2014-05 ")).isEqualTo(LegalDate.ofMonth(2014, 5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2014-13-01", "2014-02-30", "2015-02-29", "2014-13"})
    void cannotParseADateThatDoesNotExist(String text) {
        assertThatThrownBy(() -> LegalDate.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "' is not a real date");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "", "14", "2014/05/21", "21-05-2014", "2014-5-21", "2014-05-21T00:00"})
    void cannotParseTextThatIsNotADate(String text) {
        assertThatThrownBy(() -> LegalDate.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a date: use YYYY-MM-DD, YYYY-MM or YYYY");
    }

    @Test
    void cannotParseNothing() {
        assertThatThrownBy(() -> LegalDate.parse(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a date is required");
    }

    @Test
    void leapDayParsesInALeapYear() {
        assertThat(LegalDate.parse("2016-02-29").latest()).isEqualTo(LocalDate.of(2016, 2, 29));
        assertThat(LegalDate.parse("2016-02").latest()).isEqualTo(LocalDate.of(2016, 2, 29));
        assertThat(LegalDate.parse("2016").latest()).isEqualTo(LocalDate.of(2016, 12, 31));
    }

    @Test
    void aCoarseDateIsNormalisedToTheStartOfItsPeriodSoThatEqualPeriodsAreEqual() {
        assertThat(new LegalDate(LocalDate.of(2014, 8, 17), DatePrecision.YEAR)).isEqualTo(LegalDate.ofYear(2014));
        assertThat(new LegalDate(LocalDate.of(2014, 8, 17), DatePrecision.MONTH)).isEqualTo(LegalDate.ofMonth(2014, 8));
        assertThat(new LegalDate(LocalDate.of(2014, 8, 17), DatePrecision.MONTH)).isNotEqualTo(LegalDate.ofDay(2014, 8, 1));
    }

    @Test
    void cannotBuildADateWithoutDayOrPrecision() {
        assertThatThrownBy(() -> new LegalDate(null, DatePrecision.DAY)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new LegalDate(LocalDate.of(2014, 1, 1), null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void latestOfAYearIsTheLastDayOfTheYear() {
        assertThat(LegalDate.ofYear(2017).latest()).isEqualTo(LocalDate.of(2017, 12, 31));
        assertThat(LegalDate.ofYear(2020).latest()).isEqualTo(LocalDate.of(2020, 12, 31));
    }

    @Test
    void latestOfAMonthIsTheLastDayOfTheMonth() {
        assertThat(LegalDate.ofMonth(2015, 2).latest()).isEqualTo(LocalDate.of(2015, 2, 28));
        assertThat(LegalDate.ofMonth(2015, 4).latest()).isEqualTo(LocalDate.of(2015, 4, 30));
        assertThat(LegalDate.ofMonth(2015, 12).latest()).isEqualTo(LocalDate.of(2015, 12, 31));
    }

    @Test
    void plusYearsKeepsTheAnniversaryOfAnExactDate() {
        // CRPD, Kazakhstan: entry into force 21 May 2015, initial report due 21 May 2017
        assertThat(LegalDate.parse("2015-05-21").plusYears(2)).isEqualTo(LegalDate.parse("2017-05-21"));
    }

    @Test
    void plusYearsKeepsThePrecisionOfACoarseDate() {
        LegalDate year = LegalDate.parse("1994").plusYears(2);
        LegalDate month = LegalDate.parse("1998-09").plusYears(1);

        assertThat(year).isEqualTo(LegalDate.ofYear(1996));
        assertThat(year.precision()).isEqualTo(DatePrecision.YEAR);
        assertThat(month).isEqualTo(LegalDate.ofMonth(1999, 9));
        assertThat(month.precision()).isEqualTo(DatePrecision.MONTH);
    }

    @Test
    void plusYearsFromALeapDayFallsOnTheLastDayOfFebruary() {
        assertThat(LegalDate.parse("2016-02-29").plusYears(1)).isEqualTo(LegalDate.parse("2017-02-28"));
    }

    @Test
    void plusAPeriodKeepsThePrecision() {
        assertThat(LegalDate.parse("2006-01-24").plus(Period.ofMonths(3))).isEqualTo(LegalDate.parse("2006-04-24"));
        assertThat(LegalDate.parse("2006-01").plus(Period.ofMonths(3))).isEqualTo(LegalDate.parse("2006-04"));
    }

    @Test
    void isBeforeMeasuresFromTheEndOfThePeriod() {
        LocalDate day = LocalDate.of(2014, 6, 1);

        assertThat(LegalDate.parse("2014-05-31").isBefore(day)).isTrue();
        assertThat(LegalDate.parse("2014-05").isBefore(day)).isTrue();
        assertThat(LegalDate.parse("2014-06").isBefore(day)).isFalse();
        assertThat(LegalDate.parse("2014").isBefore(day)).isFalse();
    }

    @Test
    void datesOrderByStartThenByEndOfTheirPeriod() {
        List<LegalDate> dates = new ArrayList<>(List.of(LegalDate.parse("2014-05-21"), LegalDate.parse("2014"),
                LegalDate.parse("2014-01-01"), LegalDate.parse("2013-12-31"), LegalDate.parse("2014-01")));
        Collections.sort(dates);

        assertThat(dates).extracting(LegalDate::text)
                .containsExactly("2013-12-31", "2014-01-01", "2014-01", "2014", "2014-05-21");
    }

    @Test
    void isSerialisedWithItsPrecisionAndReadBack() throws Exception {
        ObjectMapper mapper = Json.mapper();
        for (String text : List.of("2014", "2014-05", "2014-05-21")) {
            LegalDate date = LegalDate.parse(text);
            String json = mapper.writeValueAsString(date);

            assertThat(json).contains("\"precision\":\"" + date.precision().name() + "\"")
                    .contains("\"date\":\"" + date.earliest() + "\"");
            assertThat(mapper.readValue(json, LegalDate.class)).isEqualTo(date);
        }
    }

    @Test
    void canBeReadFromItsTextForm() throws Exception {
        ObjectMapper mapper = Json.mapper();

        assertThat(mapper.readValue("\"2014\"", LegalDate.class)).isEqualTo(LegalDate.ofYear(2014));
        assertThat(mapper.readValue("\"2014-05\"", LegalDate.class)).isEqualTo(LegalDate.ofMonth(2014, 5));
        assertThat(mapper.readValue("\"2014-05-21\"", LegalDate.class)).isEqualTo(LegalDate.ofDay(2014, 5, 21));
    }

    @Test
    void cannotBeReadFromTextThatIsNotARealDate() {
        assertThatThrownBy(() -> Json.mapper().readValue("\"2014-02-30\"", LegalDate.class))
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .hasStackTraceContaining("is not a real date");
    }
}
