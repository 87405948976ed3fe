package org.treatyregistry.core.shared;

/** How much of a legal date is known. UN documents often give only "due in 2014". */
public enum DatePrecision {
    DAY, MONTH, YEAR
}
