package org.guichet.hardware.printer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Test double of a network ESC/POS printer on 127.0.0.1: records every byte it receives and answers DLE EOT n with
 * the byte scripted for n; questions without a scripted answer get no answer at all. Answers can be withheld and
 * sent when the test says, to play a printer that answers too late.
 */
final class FakeNetworkPrinter implements AutoCloseable {

    private final ServerSocket server;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final Map<Integer, Integer> answers = new ConcurrentHashMap<>();
    private final BlockingQueue<Integer> withheldAnswers = new LinkedBlockingQueue<>();
    private volatile boolean withholding;
    private volatile OutputStream toClient;
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

    /** From now on, scripted answers are kept back until {@link #sendWithheldAnswer()}. */
    FakeNetworkPrinter withholdAnswers() {
        withholding = true;
        return this;
    }

    FakeNetworkPrinter answerAtOnce() {
        withholding = false;
        return this;
    }

    /** Sends the oldest answer kept back, once its question has arrived. */
    void sendWithheldAnswer() throws IOException, InterruptedException {
        Integer answer = withheldAnswers.poll(10, TimeUnit.SECONDS);
        if (answer == null) {
            throw new AssertionError("no question came whose answer could be withheld");
        }
        toClient.write(answer);
        toClient.flush();
    }

    /** Every byte received so far, status questions included. */
    byte[] received() {
        synchronized (received) {
            return received.toByteArray();
        }
    }

    /** Waits until at least the given number of bytes arrived, and returns all received. */
    byte[] awaitReceived(int atLeast) {
        return Await.until(atLeast + " bytes at the printer", this::received, bytes -> bytes.length >= atLeast);
    }

    private void serve() {
        try (Socket client = server.accept()) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            toClient = out;
            int previous = -1;
            int beforePrevious = -1;
            int value;
            while ((value = in.read()) >= 0) {
                synchronized (received) {
                    received.write(value);
                }
                if (beforePrevious == DleEotStatusParser.DLE && previous == DleEotStatusParser.EOT) {
                    Integer answer = answers.get(value);
                    if (answer != null && withholding) {
                        withheldAnswers.add(answer);
                    } else if (answer != null) {
                        out.write(answer);
                        out.flush();
                    }
                    value = -1;
                }
                beforePrevious = previous;
                previous = value;
            }
        } catch (IOException e) {
            // the test closed the printer or the connection
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        thread.interrupt();
    }
}
