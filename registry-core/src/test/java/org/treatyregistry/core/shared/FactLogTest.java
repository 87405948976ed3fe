package org.treatyregistry.core.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FactLogTest {

    @Test
    void keepsFactsInTheOrderOfTheirSequenceNumbers() {
        FactLog<Object> log = new FactLog<>();
        log.record("first");
        log.record(42);
        log.record("third");

        assertThat(log.effective()).containsExactly("first", 42, "third");
        assertThat(log.bySequence()).containsOnlyKeys(0L, 1L, 2L);
        assertThat(log.ofType(String.class)).containsExactly("first", "third");
        assertThat(log.ofType(Integer.class)).containsExactly(42);
    }

    @Test
    void aCorrectionReplacesTheFactAtItsOriginalPosition() {
        FactLog<String> log = new FactLog<>();
        log.record("deposit 2006-01-25");
        log.record("reservation");
        log.replace(0, "deposit 2006-01-24");

        assertThat(log.effective()).containsExactly("deposit 2006-01-24", "reservation");
        assertThat(log.at(0)).contains("deposit 2006-01-24");
        assertThat(log.contains("deposit 2006-01-25")).isFalse();
        assertThat(log.contains("deposit 2006-01-24")).isTrue();
    }

    @Test
    void aFactRecordedTwiceIsStillInForceWhenOneOfItsRecordsIsCorrected() {
        FactLog<String> log = new FactLog<>();
        log.record("reservation");
        log.record("reservation");
        log.replace(0, "withdrawn reservation");

        assertThat(log.contains("reservation")).isTrue();
        log.replace(1, "withdrawn reservation");
        assertThat(log.contains("reservation")).isFalse();
        assertThat(log.contains("withdrawn reservation")).isTrue();
    }

    @Test
    void aCorrectionTakesTheSequenceNumberOfItsOwnEvent() {
        FactLog<String> log = new FactLog<>();
        log.record("ratification");              // event 0
        log.replace(0, "corrected ratification"); // event 1
        log.record("reservation");               // event 2

        assertThat(log.bySequence()).containsOnlyKeys(0L, 2L);
        assertThat(log.at(2)).contains("reservation");
        assertThat(log.at(1)).isEmpty();
    }

    @Test
    void saysWhenThereIsNoFactAtASequence() {
        FactLog<String> log = new FactLog<>();
        log.record("fact");

        assertThat(log.at(1)).isEmpty();
        assertThat(log.at(-1)).isEmpty();
    }

    @Test
    void bySequenceCannotBeModified() {
        FactLog<String> log = new FactLog<>();
        log.record("fact");

        assertThatThrownBy(() -> log.bySequence().put(1L, "other")).isInstanceOf(UnsupportedOperationException.class);
    }
}
