package org.guichet.hardware.gpio;

/** Told once per physical press. Called on Pi4J's event thread: return quickly. */
@FunctionalInterface
public interface ButtonPressListener {
    void onPress(String buttonId);
}
