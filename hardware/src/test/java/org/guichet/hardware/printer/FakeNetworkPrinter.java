package org.guichet.hardware.printer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Test double of a network ESC/POS printer on 127.0.0.1: records every byte it receives and answers DLE EOT n with
 * the byte scripted for n, optionally after a delay; questions without a scripted answer get no answer at all.
 */
final class FakeNetworkPrinter implements AutoCloseable {

    private final ServerSocket server;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final Map<Integer, Integer> answers = new ConcurrentHashMap<>();
    private volatile long answerDelayMillis;
    private final CountDownLatch connected = new CountDownLatch(1);
    private final Thread thread;

    FakeNetworkPrinter() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        thread = new Thread(this::serve, "fake-network-printer");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    String connectionSpec() {
        return "tcp:127.0.0.1:" + port();
    }

    FakeNetworkPrinter answer(int question, int answer) {
        answers.put(question, answer);
        return this;
    }

    FakeNetworkPrinter answerAfter(long delayMillis) {
        answerDelayMillis = delayMillis;
        return this;
    }

    FakeNetworkPrinter stopAnswering() {
        answers.clear();
        return this;
    }

    /** Every byte received so far, status questions included. */
    byte[] received() {
        synchronized (received) {
            return received.toByteArray();
        }
    }

    /** Waits until at least the given number of bytes arrived. */
    byte[] awaitReceived(int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (received().length < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return received();
    }

    private void serve() {
        try (Socket client = server.accept()) {
            connected.countDown();
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            int previous = -1;
            int beforePrevious = -1;
            int value;
            while ((value = in.read()) >= 0) {
                synchronized (received) {
                    received.write(value);
                }
                if (beforePrevious == DleEotStatusParser.DLE && previous == DleEotStatusParser.EOT) {
                    Integer answer = answers.get(value);
                    if (answer != null) {
                        if (answerDelayMillis > 0) {
                            Thread.sleep(answerDelayMillis);
                        }
                        out.write(answer);
                        out.flush();
                    }
                    value = -1;
                }
                beforePrevious = previous;
                previous = value;
            }
        } catch (IOException | InterruptedException e) {
            // the test closed the printer or the connection
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        thread.interrupt();
    }
}
