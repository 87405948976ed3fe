package org.treatyregistry.api.web;

import org.treatyregistry.core.catalogue.InstrumentCode;
import org.treatyregistry.core.catalogue.MechanismType;
import org.treatyregistry.core.catalogue.TreatyBodyCode;
import org.treatyregistry.core.reporting.ScheduleItem;
import org.treatyregistry.core.shared.RegistryException;
import org.treatyregistry.core.shared.StateCode;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Query-parameter validation: a filter that names nothing real is an error, not an empty answer. */
public final class Filters {

    private Filters() {
    }

    public static String state(String value) {
        return value == null || value.isBlank() ? null : StateCode.of(value.strip().toUpperCase()).value();
    }

    public static String instrument(String value) {
        return value == null || value.isBlank() ? null : InstrumentCode.of(value).value();
    }

    public static String body(String value) {
        return value == null || value.isBlank() ? null : TreatyBodyCode.of(value).value();
    }

    public static String mechanism(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return MechanismType.valueOf(value.strip().toUpperCase()).name();
        } catch (IllegalArgumentException e) {
            throw RegistryException.invalid("INVALID_VALUE", "mechanism", "'" + value + "' is not one of " + Arrays.toString(MechanismType.values()));
        }
    }

    public static Set<String> statuses(List<String> values) {
        Set<String> result = new LinkedHashSet<>();
        if (values == null) {
            return result;
        }
        for (String value : values) {
            for (String part : value.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    result.add(ScheduleItem.Status.valueOf(part.strip().toUpperCase()).name());
                } catch (IllegalArgumentException e) {
                    throw RegistryException.invalid("INVALID_VALUE", "status",
                            "'" + part + "' is not one of " + Arrays.toString(ScheduleItem.Status.values()));
                }
            }
        }
        return result;
    }

    public static Set<String> kinds(List<String> values) {
        Set<String> result = new LinkedHashSet<>();
        if (values == null) {
            return result;
        }
        for (String value : values) {
            for (String part : value.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    result.add(ScheduleItem.Kind.valueOf(part.strip().toUpperCase().replace('-', '_')).name());
                } catch (IllegalArgumentException e) {
                    throw RegistryException.invalid("INVALID_VALUE", "kind",
                            "'" + part + "' is not one of " + Arrays.toString(ScheduleItem.Kind.values()));
                }
            }
        }
        return result;
    }

    public static int page(int page) {
        if (page < 0) {
            throw RegistryException.invalid("INVALID_VALUE", "page", "page numbers start at 0");
        }
        return page;
    }

    public static int size(int size) {
        if (size < 1 || size > 1000) {
            throw RegistryException.invalid("INVALID_VALUE", "size", "size must be between 1 and 1000");
        }
        return size;
    }
}
