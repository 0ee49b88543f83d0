package org.guichet.server.domain.stats;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsTest {

    @Test
    void figures_from_summed_rollup_columns() {
        // three called tickets: waits 30, 600, 1500 s against targets of 20 min; one no-show, two served
        Map<String, Number> columns = new HashMap<>();
        columns.put("issued", 4);
        columns.put("served", 2);
        columns.put("no_show", 1);
        columns.put("cancelled", 1);
        columns.put("wait_n", 3);
        columns.put("wait_sum", 2130L);
        columns.put("wait_max", 1500);
        columns.put("wait_within", 2);
        columns.put("w1", 1);   // (0, 60]
        columns.put("w10", 1);  // (540, 600]
        columns.put("w25", 1);  // (1440, 1500]
        columns.put("service_n", 2);
        columns.put("service_sum", 900L);
        columns.put("v8", 2);   // (420, 480]
        Metrics metrics = Metrics.fromRollup("all", null, columns::get, 10);
        assertThat(metrics.tickets()).isEqualTo(4);
        assertThat(metrics.waitTime().average()).isEqualTo(710.0);
        assertThat(metrics.waitTime().median()).isEqualTo(570.0);
        assertThat(metrics.waitTime().max()).isEqualTo(1500);
        assertThat(metrics.withinTargetShare()).isEqualTo(0.6667);
        // 10 minutes or less: 30 and 600
        assertThat(metrics.withinThreshold()).isEqualTo(2);
        assertThat(metrics.serviceTime().average()).isEqualTo(450.0);
        assertThat(metrics.serviceTime().median()).as("both in (420, 480], at 435 and 465").isEqualTo(450.0);
        assertThat(metrics.walkTime()).isEqualTo(DurationStats.NONE);
        assertThat(metrics.exactPercentiles()).isFalse();
    }
}
