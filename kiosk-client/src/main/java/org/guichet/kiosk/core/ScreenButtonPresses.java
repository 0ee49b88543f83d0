package org.guichet.kiosk.core;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Presses of the screen buttons, passed on to whoever listens: the touch UI's open event streams. A press with no
 * page listening is dropped (there is no screen to drive). Presses arrive on Pi4J's thread; listeners return quickly.
 */
public final class ScreenButtonPresses {

    private final List<Consumer<ScreenButton>> listeners = new CopyOnWriteArrayList<>();

    public void press(ScreenButton button) {
        listeners.forEach(listener -> listener.accept(button));
    }

    /** Listens until the returned handle is run. */
    public Runnable listen(Consumer<ScreenButton> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public int listenerCount() {
        return listeners.size();
    }
}
