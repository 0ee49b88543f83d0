package org.guichet.hardware.gpio;

import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ButtonPanelTest {

    private static final Duration DEBOUNCE = Duration.ofMillis(50);
    private static final Map<Integer, String> BUTTONS = Map.of(17, "service-A", 27, "service-B");

    @RegisterExtension
    final MockGpio gpio = new MockGpio();

    private final AtomicLong nowNanos = new AtomicLong(TimeUnit.SECONDS.toNanos(1000));
    private final List<String> presses = new CopyOnWriteArrayList<>();

    private ButtonPanel panelWiredTo(ButtonWiring wiring) {
        return new ButtonPanel(gpio.context(), new ButtonPanelConfig(BUTTONS, DEBOUNCE, wiring), presses::add,
                nowNanos::get);
    }

    private MockDigitalInput pin(int bcmPin) {
        return gpio.context().io(ButtonPanel.inputIdForPin(bcmPin), MockDigitalInput.class);
    }

    private void advanceMillis(long millis) {
        nowNanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    /** Sets the pin level then lets the given time pass. */
    private void level(int bcmPin, DigitalState state, long thenWaitMillis) {
        pin(bcmPin).mockState(state);
        advanceMillis(thenWaitMillis);
    }

    @Test
    void inputs_are_created_on_the_bcm_pins_with_pull_and_pi4j_debounce() {
        try (ButtonPanel panel = panelWiredTo(ButtonWiring.TO_GROUND_WITH_PULL_UP)) {
            DigitalInput input = gpio.context().io(ButtonPanel.inputIdForPin(17), DigitalInput.class);

            assertThat(input.config().address()).isEqualTo(17);
            assertThat(input.config().pull()).isEqualTo(PullResistance.PULL_UP);
            assertThat(input.config().debounce()).isEqualTo(50_000L);
            assertThat(panel.buttonIds()).containsExactlyInAnyOrder("service-A", "service-B");
        }
    }

    @Test
    void a_clean_press_to_ground_is_reported_once_with_its_button_id() {
        try (ButtonPanel panel = panelWiredTo(ButtonWiring.TO_GROUND_WITH_PULL_UP)) {
            level(17, DigitalState.HIGH, 500);

            level(17, DigitalState.LOW, 120);
            level(17, DigitalState.HIGH, 500);

            assertThat(presses).containsExactly("service-A");
        }
    }

    @Test
    void a_bouncing_press_and_release_give_exactly_one_press() {
        try (ButtonPanel panel = panelWiredTo(ButtonWiring.TO_3V3_WITH_PULL_DOWN)) {
            advanceMillis(500);

            level(27, DigitalState.HIGH, 1);
            level(27, DigitalState.LOW, 2);
            level(27, DigitalState.HIGH, 1);
            level(27, DigitalState.LOW, 3);
            level(27, DigitalState.HIGH, 200);
            level(27, DigitalState.LOW, 2);
            level(27, DigitalState.HIGH, 1);
            level(27, DigitalState.LOW, 500);

            assertThat(presses).containsExactly("service-B");
        }
    }

    @Test
    void a_second_press_after_a_still_release_is_a_new_press() {
        try (ButtonPanel panel = panelWiredTo(ButtonWiring.TO_3V3_WITH_PULL_DOWN)) {
            advanceMillis(500);

            level(17, DigitalState.HIGH, 100);
            level(17, DigitalState.LOW, DEBOUNCE.toMillis());
            level(17, DigitalState.HIGH, 100);
            level(17, DigitalState.LOW, 10);

            assertThat(presses).containsExactly("service-A", "service-A");
        }
    }

    @Test
    void a_press_right_after_a_release_within_the_debounce_time_is_a_bounce() {
        try (ButtonPanel panel = panelWiredTo(ButtonWiring.TO_3V3_WITH_PULL_DOWN)) {
            advanceMillis(500);

            level(17, DigitalState.HIGH, 100);
            level(17, DigitalState.LOW, DEBOUNCE.toMillis() - 1);
            level(17, DigitalState.HIGH, 100);

            assertThat(presses).containsExactly("service-A");
        }
    }

    @Test
    void buttons_debounce_independently() {
        try (ButtonPanel panel = panelWiredTo(ButtonWiring.TO_3V3_WITH_PULL_DOWN)) {
            advanceMillis(500);

            level(17, DigitalState.HIGH, 1);
            level(27, DigitalState.HIGH, 1);
            level(17, DigitalState.LOW, 1);
            level(27, DigitalState.LOW, 1);

            assertThat(presses).containsExactly("service-A", "service-B");
        }
    }

    @Test
    void a_failing_listener_does_not_stop_later_presses() {
        List<String> seen = new CopyOnWriteArrayList<>();
        ButtonPressListener failing = buttonId -> {
            seen.add(buttonId);
            throw new IllegalStateException("listener bug");
        };
        try (ButtonPanel panel = new ButtonPanel(gpio.context(),
                new ButtonPanelConfig(BUTTONS, DEBOUNCE, ButtonWiring.TO_3V3_WITH_PULL_DOWN), failing, nowNanos::get)) {
            advanceMillis(500);

            level(17, DigitalState.HIGH, 100);
            level(17, DigitalState.LOW, 100);
            level(17, DigitalState.HIGH, 100);

            assertThat(seen).containsExactly("service-A", "service-A");
        }
    }

    @Test
    void is_pressed_follows_the_wiring() {
        try (ButtonPanel panel = panelWiredTo(ButtonWiring.TO_GROUND_WITH_PULL_UP)) {
            level(17, DigitalState.HIGH, 0);
            assertThat(panel.isPressed("service-A")).isFalse();

            level(17, DigitalState.LOW, 0);
            assertThat(panel.isPressed("service-A")).isTrue();
            assertThatThrownBy(() -> panel.isPressed("service-Z")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void closing_releases_the_inputs_and_stops_reporting() {
        ButtonPanel panel = panelWiredTo(ButtonWiring.TO_3V3_WITH_PULL_DOWN);
        MockDigitalInput input = pin(17);

        panel.close();
        input.mockState(DigitalState.HIGH);

        assertThat(presses).isEmpty();
        assertThat(gpio.context().registry().exists(ButtonPanel.inputIdForPin(17))).isFalse();
    }

    @Test
    void configuration_rejects_duplicate_ids_and_pins_off_the_header() {
        assertThatThrownBy(() -> ButtonPanelConfig.of(Map.of(17, "same", 27, "same")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ButtonPanelConfig.of(Map.of(40, "A"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ButtonPanelConfig.of(Map.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
