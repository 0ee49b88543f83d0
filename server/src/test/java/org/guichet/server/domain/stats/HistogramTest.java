package org.guichet.server.domain.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HistogramTest {

    @Test
    void buckets_hold_upper_edges_and_zero_has_its_own() {
        int[] edges = Histogram.MINUTE_EDGES;
        assertThat(Histogram.bucketCount(edges)).isEqualTo(86);
        assertThat(Histogram.bucketOf(edges, 0)).isZero();
        assertThat(Histogram.bucketOf(edges, 1)).isEqualTo(1);
        assertThat(Histogram.bucketOf(edges, 60)).isEqualTo(1);
        assertThat(Histogram.bucketOf(edges, 61)).isEqualTo(2);
        assertThat(Histogram.bucketOf(edges, 3600)).isEqualTo(60);
        assertThat(Histogram.bucketOf(edges, 3601)).isEqualTo(61);
        assertThat(Histogram.bucketOf(edges, 3900)).isEqualTo(61);
        assertThat(Histogram.bucketOf(edges, 10800)).isEqualTo(84);
        assertThat(Histogram.bucketOf(edges, 10801)).isEqualTo(85);
        assertThat(Histogram.bucketCount(Histogram.WALK_EDGES)).isEqualTo(32);
        assertThat(Histogram.bucketOf(Histogram.WALK_EDGES, 15)).isEqualTo(1);
        assertThat(Histogram.bucketOf(Histogram.WALK_EDGES, 301)).isEqualTo(21);
    }

    @Test
    void percentiles_interpolate_like_percentile_cont_with_values_spread_in_their_bucket() {
        Histogram waits = new Histogram(Histogram.MINUTE_EDGES);
        for (int seconds : new int[]{60, 60, 120, 300, 540, 720, 1080, 1680}) {
            waits.add(seconds);
        }
        assertThat(waits.total()).isEqualTo(8);
        // the two 60 s values sit in (0, 60] at 15 and 45; 120 at 90; 300 at 270; 540 at 510 ...
        assertThat(waits.percentile(0)).isEqualTo(15.0);
        assertThat(waits.percentile(0.5)).isEqualTo((270.0 + 510.0) / 2);
        assertThat(waits.percentile(0.9)).isEqualTo(1050.0 + 0.3 * 600);
        assertThat(waits.percentile(1)).isEqualTo(1650.0);
    }

    @Test
    void zero_values_and_values_beyond_the_last_edge() {
        Histogram histogram = new Histogram(Histogram.MINUTE_EDGES).add(0).add(0).add(20_000);
        assertThat(histogram.percentile(0.5)).isZero();
        assertThat(histogram.percentile(1)).as("a lower bound: the last edge").isEqualTo(10800.0);
        assertThat(new Histogram(Histogram.MINUTE_EDGES).percentile(0.5)).isNull();
    }

    @Test
    void counts_at_most_an_edge_are_exact() {
        Histogram waits = new Histogram(Histogram.MINUTE_EDGES);
        for (int seconds : new int[]{0, 599, 600, 601, 1200, 1201}) {
            waits.add(seconds);
        }
        assertThat(waits.countAtMost(600)).isEqualTo(3);
        assertThat(waits.countAtMost(1200)).isEqualTo(5);
        assertThat(waits.countAtMost(0)).isEqualTo(1);
        assertThatThrownBy(() -> waits.countAtMost(90)).isInstanceOf(IllegalArgumentException.class);
    }
}
