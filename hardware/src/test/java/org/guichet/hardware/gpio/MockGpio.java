package org.guichet.hardware.gpio;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension giving each test a Pi4J context on the mock plugin's GPIO providers only (no hardware, no
 * auto-detection), shut down after the test.
 */
final class MockGpio implements BeforeEachCallback, AfterEachCallback {

    private Context context;

    @Override
    public void beforeEach(ExtensionContext test) {
        context = Pi4J.newContextBuilder()
                .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance())
                .build();
    }

    @Override
    public void afterEach(ExtensionContext test) {
        context.shutdown();
    }

    Context context() {
        return context;
    }
}
