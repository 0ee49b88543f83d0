package org.guichet.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcessCpuTest {

    @Test
    void the_steal_is_the_eighth_figure_of_the_processors_line() {
        assertThat(ProcessCpu.stolenTicks("cpu  916538 19874 140003 5977775 14793 0 24433 202516 0 0"))
                .isEqualTo(202516);
        assertThatThrownBy(() -> ProcessCpu.stolenTicks("cpu0 1 2 3 4 5 6 7 8 9 10"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProcessCpu.stolenTicks("cpu 1 2 3")).isInstanceOf(IllegalArgumentException.class);
    }
}
