package org.treatyregistry.api.reminders;

/** A way of telling the desk: e-mail or webhook. */
interface ReminderChannel {

    /** EMAIL or WEBHOOK, as stored with each delivery. */
    String name();

    boolean configured(ReminderSettings settings);

    /** Where a delivery goes (recipients, URL), for the record. */
    String target(ReminderSettings settings);

    Result deliver(ReminderMessage message, ReminderSettings settings, int attempt);

    /** @param httpStatus the webhook's answer, if one came */
    record Result(boolean delivered, Integer httpStatus, String error) {

        static Result ok(Integer httpStatus) {
            return new Result(true, httpStatus, null);
        }

        static Result failed(Integer httpStatus, String error) {
            return new Result(false, httpStatus, error);
        }
    }
}
