package org.guichet.hardware.gpio;

import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static com.pi4j.io.gpio.digital.DigitalState.HIGH;
import static com.pi4j.io.gpio.digital.DigitalState.LOW;
import static org.assertj.core.api.Assertions.assertThat;

class StatusLightTest {

    private static final StatusLightPins PINS = new StatusLightPins(5, 6, 13);

    @RegisterExtension
    final MockGpio gpio = new MockGpio();

    private DigitalOutput lamp(LampColor color) {
        return gpio.context().io(StatusLight.outputIdFor(color), DigitalOutput.class);
    }

    private List<DigitalState> greenAmberRed() {
        return List.of(lamp(LampColor.GREEN).state(), lamp(LampColor.AMBER).state(), lamp(LampColor.RED).state());
    }

    @Test
    void lamps_sit_on_their_pins_and_start_off() {
        try (StatusLight light = new StatusLight(gpio.context(), PINS)) {
            assertThat(lamp(LampColor.GREEN).config().address()).isEqualTo(5);
            assertThat(lamp(LampColor.AMBER).config().address()).isEqualTo(6);
            assertThat(lamp(LampColor.RED).config().address()).isEqualTo(13);
            assertThat(greenAmberRed()).containsExactly(LOW, LOW, LOW);
            assertThat(light.current()).isEmpty();
        }
    }

    @ParameterizedTest
    @CsvSource({
            "READY,        HIGH, LOW,  LOW",
            "PRINTING,     LOW,  HIGH, LOW",
            "OUT_OF_ORDER, LOW,  LOW,  HIGH",
            "OFFLINE,      LOW,  HIGH, HIGH"})
    void each_state_lights_its_lamps(KioskLightState state, DigitalState green, DigitalState amber, DigitalState red) {
        try (StatusLight light = new StatusLight(gpio.context(), PINS)) {
            light.show(KioskLightState.READY);
            light.show(KioskLightState.OFFLINE);

            light.show(state);

            assertThat(greenAmberRed()).containsExactly(green, amber, red);
            assertThat(light.current()).contains(state);
        }
    }

    @Test
    void active_low_wiring_inverts_every_level() {
        try (StatusLight light = new StatusLight(gpio.context(), new StatusLightPins(5, 6, 13, true))) {
            assertThat(greenAmberRed()).containsExactly(HIGH, HIGH, HIGH);

            light.show(KioskLightState.READY);

            assertThat(greenAmberRed()).containsExactly(LOW, HIGH, HIGH);
        }
    }

    @Test
    void closing_turns_every_lamp_off_and_releases_the_outputs() {
        StatusLight light = new StatusLight(gpio.context(), PINS);
        light.show(KioskLightState.OFFLINE);
        List<DigitalOutput> lamps = List.of(lamp(LampColor.GREEN), lamp(LampColor.AMBER), lamp(LampColor.RED));

        light.close();

        assertThat(lamps).extracting(DigitalOutput::state).containsOnly(LOW);
        assertThat(gpio.context().registry().exists(StatusLight.outputIdFor(LampColor.RED))).isFalse();
        assertThat(light.current()).isEmpty();
    }
}
