package org.treatyregistry.api.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.ZoneId;

/**
 * @param dataDir     where the embedded default keeps its database
 * @param timeZone    the zone in which "today" is taken
 * @param dueSoonDays an open item due within this many days is DUE_SOON
 */
@ConfigurationProperties("registry")
public record RegistryProperties(String dataDir, ZoneId timeZone, int dueSoonDays, Demo demo,
                                 @org.springframework.boot.context.properties.bind.Name("import") Import importing,
                                 Calendar calendar) {

    /** @param publicUrl where users reach the registry; @param alarmDays VALARM lead times in iCalendar exports */
    public record Calendar(String publicUrl, java.util.List<Integer> alarmDays) {
    }

    public record Demo(boolean importOnEmptyStore, String resource) {
    }

    public record Import(int maxRecords) {
    }
}
