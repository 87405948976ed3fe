package org.treatyregistry.api.security;

/**
 * What a user may do. DESK records facts; AUDITOR reads everything, including history, as-of views and audit packs;
 * LIAISON reads calendars and exports; ADMIN manages users and rebuilds the read models.
 */
public enum Role {
    DESK, AUDITOR, LIAISON, ADMIN
}
