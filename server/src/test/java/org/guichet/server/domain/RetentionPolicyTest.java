package org.guichet.server.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetentionPolicyTest {

    @Test
    void each_cutoff_is_its_period_before_now_and_tickets_go_by_whole_days() {
        RetentionPolicy.Cutoffs cutoffs = new RetentionPolicy(30, 90, 13)
                .cutoffs(Instant.parse("2027-04-12T09:30:00Z"));

        assertThat(cutoffs.notesBefore()).isEqualTo(Instant.parse("2027-03-13T09:30:00Z"));
        assertThat(cutoffs.pseudonymiseBefore()).isEqualTo(Instant.parse("2027-01-12T09:30:00Z"));
        assertThat(cutoffs.deleteBeforeDay()).isEqualTo(LocalDate.of(2026, 3, 12));
    }

    @Test
    void the_defaults_are_30_days_90_days_and_13_months() {
        assertThat(RetentionPolicy.defaults()).isEqualTo(new RetentionPolicy(30, 90, 13));
    }

    @Test
    void periods_that_contradict_each_other_are_refused() {
        assertThatThrownBy(() -> new RetentionPolicy(0, 90, 13)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetentionPolicy(100, 90, 13)).hasMessageContaining("notesDays");
        assertThatThrownBy(() -> new RetentionPolicy(30, 500, 13)).hasMessageContaining("pseudonymiseAfterDays");
    }
}
