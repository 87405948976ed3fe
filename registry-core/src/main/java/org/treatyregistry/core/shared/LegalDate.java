package org.treatyregistry.core.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.Objects;

/**
 * A date with a legal meaning (deposit, entry into force, due date), known to the day, the month or the year.
 * The date is normalised to the first day of its period so that two records of "2014" are equal;
 * {@link #latest()} gives the last day of the period, which is what "overdue" is measured against.
 */
public record LegalDate(LocalDate date, DatePrecision precision) implements Comparable<LegalDate> {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public LegalDate(@JsonProperty("date") LocalDate date, @JsonProperty("precision") DatePrecision precision) {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(precision, "precision");
        this.precision = precision;
        this.date = switch (precision) {
            case DAY -> date;
            case MONTH -> date.withDayOfMonth(1);
            case YEAR -> date.withDayOfYear(1);
        };
    }

    public static LegalDate ofDay(LocalDate date) {
        return new LegalDate(date, DatePrecision.DAY);
    }

    public static LegalDate ofDay(int year, int month, int day) {
        return ofDay(LocalDate.of(year, month, day));
    }

    public static LegalDate ofMonth(int year, int month) {
        return new LegalDate(LocalDate.of(year, month, 1), DatePrecision.MONTH);
    }

    public static LegalDate ofYear(int year) {
        return new LegalDate(LocalDate.of(year, 1, 1), DatePrecision.YEAR);
    }

    /** Parses "2014-05-21", "2014-05" or "2014"; the form gives the precision. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static LegalDate parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("a date is required");
        }
        String t = text.strip();
        try {
            if (t.matches("\\d{4}")) {
                return ofYear(Integer.parseInt(t));
            }
            if (t.matches("\\d{4}-\\d{2}")) {
                YearMonth ym = YearMonth.parse(t);
                return ofMonth(ym.getYear(), ym.getMonthValue());
            }
            if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return ofDay(LocalDate.parse(t));
            }
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a real date: " + e.getMessage());
        }
        throw new IllegalArgumentException("'" + text + "' is not a date: use YYYY-MM-DD, YYYY-MM or YYYY");
    }

    /** First day of the period. */
    @JsonIgnore
    public LocalDate earliest() {
        return date;
    }

    /** Last day of the period. */
    @JsonIgnore
    public LocalDate latest() {
        return switch (precision) {
            case DAY -> date;
            case MONTH -> YearMonth.from(date).atEndOfMonth();
            case YEAR -> date.withDayOfYear(date.lengthOfYear());
        };
    }

    @JsonIgnore
    public boolean isExact() {
        return precision == DatePrecision.DAY;
    }

    /**
     * Adds whole years. For a day-precision date this keeps the anniversary (the UN counts reporting periods
     * from the entry-into-force anniversary); for coarser dates the precision is kept.
     */
    public LegalDate plusYears(int years) {
        return new LegalDate(date.plusYears(years), precision);
    }

    public LegalDate plus(Period period) {
        return new LegalDate(date.plus(period), precision);
    }

    public boolean isBefore(LocalDate day) {
        return latest().isBefore(day);
    }

    /** ISO-like text that shows the precision: 2014-05-21, 2014-05 or 2014. */
    public String text() {
        return switch (precision) {
            case DAY -> date.toString();
            case MONTH -> YearMonth.from(date).toString();
            case YEAR -> Integer.toString(date.getYear());
        };
    }

    @Override
    public int compareTo(LegalDate other) {
        int c = date.compareTo(other.date);
        return c != 0 ? c : latest().compareTo(other.latest());
    }

    @Override
    public String toString() {
        return text();
    }
}
