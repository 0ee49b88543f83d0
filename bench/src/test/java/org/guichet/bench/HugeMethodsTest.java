package org.guichet.bench;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;

class HugeMethodsTest {

    @Test
    void reads_the_option_this_jvm_was_started_with() {
        boolean optionGiven = ManagementFactory.getRuntimeMXBean().getInputArguments().contains(HugeMethods.OPTION);

        assertThat(HugeMethods.leftInterpreted()).contains(!optionGiven);
        assertThat(HugeMethods.describe())
                .isEqualTo(optionGiven ? "huge methods compiled (-XX:-DontCompileHugeMethods)"
                        : "huge methods interpreted (no -XX:-DontCompileHugeMethods)");
    }
}
