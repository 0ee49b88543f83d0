package org.guichet.server.domain.stats;

import java.time.LocalDate;

/**
 * Visitors' answers of one group: how many, their mean score, how many gave 4 or 5 ("satisfied"), and how many gave
 * each score ({@code distribution[0]} for 1 … {@code [4]} for 5).
 */
public record SatisfactionFigures(String key, long answers, Double average, long satisfied, long[] distribution) {

    public static SatisfactionFigures none(String key) {
        return new SatisfactionFigures(key, 0, null, 0, new long[5]);
    }

    /** Share of answers that were 4 or 5, rounded to 4 decimals; null without answers. */
    public Double satisfiedShare() {
        return answers == 0 ? null : Math.round(10000.0 * satisfied / answers) / 10000.0;
    }

    /** Mean score rounded to 2 decimals; null without answers. */
    public Double averageScore() {
        return average == null ? null : Math.round(average * 100) / 100.0;
    }

    /** A comment given with an answer, with where and when the visit was. */
    public record Comment(int score, String comment, String serviceId, String counterId, LocalDate day) {
    }
}
