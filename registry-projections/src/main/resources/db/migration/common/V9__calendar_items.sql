-- The reporting calendar, materialised: the open items of every obligation's schedule (all but reviewed reports and
-- submitted follow-up information) as ReportingSchedule derives it for the day in
-- reporting_obligation.calendar_derived_on, one row per item. The derivation depends on the day (treaty-default chains
-- are extended up to it, and facts with a later legal date are left out), so the rows answer calendar queries about
-- open items on that day only; any other day, closed items, or an obligation derived on another day, are derived on
-- read (CalendarQueryHandler). Closed items are most of a long history, and are left out to keep rebuilds fast.
-- When the registry last recorded a fact of the obligation is reporting_obligation.updated_at.
-- NULL: not derived yet (the calendar rollover job derives it; until then the calendar is derived on read).
ALTER TABLE reporting_obligation ADD COLUMN calendar_derived_on DATE;

CREATE TABLE calendar_item (
    obligation_id           VARCHAR(120) NOT NULL,
    item_id                 VARCHAR(400) NOT NULL,
    uid                     VARCHAR(600) NOT NULL,
    -- orders exactly as the calendar does (due date, undated last, then uid as Java compares strings), in any
    -- collation: a fixed-width due part and the uid in lower-case hex digits (CalendarItems.sortKey)
    sort_key                VARCHAR(3100) NOT NULL,
    state_code              VARCHAR(3)   NOT NULL,
    instrument              VARCHAR(20)  NOT NULL,
    body                    VARCHAR(10)  NOT NULL,
    kind                    VARCHAR(20)  NOT NULL,
    -- the part of the item's status that does not depend on the day: DATED (UPCOMING, DUE_SOON or OVERDUE by the
    -- day asked for) or the status itself (SUBMITTED_AWAITING_REVIEW, REVIEWED_WITHOUT_REPORT, NO_DUE_DATE)
    phase                   VARCHAR(30)  NOT NULL,
    due_latest              DATE,
    due_date                DATE,
    due_precision           VARCHAR(5),
    label                   VARCHAR,
    covers_from             INT,
    covers_to               INT,
    basis_kind              VARCHAR(30),
    basis                   VARCHAR,
    report_procedure        VARCHAR(40),
    due_revision            INT          NOT NULL,
    submitted_symbol        VARCHAR,
    submitted_on_date       DATE,
    submitted_on_precision  VARCHAR(5),
    review_session          VARCHAR,
    reviewed_in_absence     VARCHAR,
    concluding_observations VARCHAR,
    -- a digest of the other columns: the projection rewrites only the items whose digest changed (ReadModelTable.hash)
    row_hash                VARCHAR(64)  NOT NULL,
    PRIMARY KEY (obligation_id, item_id)
);
CREATE INDEX calendar_item_order ON calendar_item (sort_key);
CREATE INDEX calendar_item_state ON calendar_item (state_code, sort_key);
-- finds the obligations not derived for today at once (CalendarQueryHandler asks on every query)
CREATE INDEX reporting_obligation_calendar ON reporting_obligation (calendar_derived_on);
