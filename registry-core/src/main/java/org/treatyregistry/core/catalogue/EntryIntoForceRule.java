package org.treatyregistry.core.catalogue;

import java.time.LocalDate;

/** How an instrument's entry into force for a state follows from the deposit of its instrument. */
public enum EntryIntoForceRule {
    /** "on the thirtieth day after the date of deposit": deposit + 30 calendar days (26 Aug 1998 gives 25 Sep 1998). */
    THIRTIETH_DAY_AFTER_DEPOSIT("on the thirtieth day after the date of deposit"),
    /** "one month after the date of deposit": same day of the month, one month on. */
    ONE_MONTH_AFTER_DEPOSIT("one month after the date of deposit"),
    /** "three months after the date of deposit": same day of the month, three months on (24 Jan 2006 gives 24 Apr 2006). */
    THREE_MONTHS_AFTER_DEPOSIT("three months after the date of deposit"),
    /** ICMW art. 87(2): the first day of the month following a period of three months after deposit. */
    FIRST_DAY_OF_MONTH_AFTER_THREE_MONTHS("on the first day of the month following a period of three months after the date of deposit");

    private final String wording;

    EntryIntoForceRule(String wording) {
        this.wording = wording;
    }

    public String wording() {
        return wording;
    }

    public LocalDate apply(LocalDate deposit) {
        return switch (this) {
            case THIRTIETH_DAY_AFTER_DEPOSIT -> deposit.plusDays(30);
            case ONE_MONTH_AFTER_DEPOSIT -> deposit.plusMonths(1);
            case THREE_MONTHS_AFTER_DEPOSIT -> deposit.plusMonths(3);
            case FIRST_DAY_OF_MONTH_AFTER_THREE_MONTHS -> deposit.plusMonths(3).withDayOfMonth(1).plusMonths(1);
        };
    }
}
