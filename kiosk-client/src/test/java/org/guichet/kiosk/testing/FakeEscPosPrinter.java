package org.guichet.kiosk.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A network ESC/POS printer on 127.0.0.1 for tests: records every byte received on any connection and answers the
 * real-time status question DLE EOT n with the byte currently scripted for n. Starts as a healthy printer.
 */
public final class FakeEscPosPrinter implements AutoCloseable {

    /** DLE EOT 1: online; 2: no offline cause; 4: paper fine. Fixed bits 1 and 4 set. */
    private static final int FINE = 0x12;
    private static final int OFFLINE = 0x12 | 0x08;
    private static final int STOPPED_AT_PAPER_END = 0x12 | 0x20;
    private static final int PAPER_END = 0x12 | 0x60;
    private static final int PAPER_NEAR_END = 0x12 | 0x0C;

    private final ServerSocket server;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final Map<Integer, Integer> answers = new ConcurrentHashMap<>();
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private volatile long lastByteNanos;

    public FakeEscPosPrinter() throws IOException {
        server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        paperLoaded();
        Thread acceptor = new Thread(this::acceptClients, "fake-escpos-printer");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String connectionSpec() {
        return "tcp:127.0.0.1:" + server.getLocalPort();
    }

    public FakeEscPosPrinter paperOut() {
        answers.put(1, OFFLINE);
        answers.put(2, STOPPED_AT_PAPER_END);
        answers.put(4, PAPER_END);
        return this;
    }

    public FakeEscPosPrinter paperNearEnd() {
        answers.put(1, FINE);
        answers.put(2, FINE);
        answers.put(4, PAPER_NEAR_END);
        return this;
    }

    public FakeEscPosPrinter paperLoaded() {
        answers.put(1, FINE);
        answers.put(2, FINE);
        answers.put(4, FINE);
        return this;
    }

    /** Closes every open connection, as a printer switched off and on again does; new ones are accepted. */
    public void dropConnections() throws IOException {
        for (Socket client : clients) {
            client.close();
        }
        clients.clear();
    }

    /** System.nanoTime() when the last byte arrived. */
    public long lastByteNanos() {
        return lastByteNanos;
    }

    public byte[] received() {
        synchronized (received) {
            return received.toByteArray();
        }
    }

    /** What was received, minus the status questions (DLE EOT n): the bytes of printed slips only. */
    public byte[] printedBytes() {
        byte[] all = received();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        for (int i = 0; i < all.length; i++) {
            if (i + 2 < all.length && all[i] == 0x10 && all[i + 1] == 0x04 && (all[i + 2] == 1 || all[i + 2] == 2
                    || all[i + 2] == 4)) {
                i += 2;
                continue;
            }
            printed.write(all[i]);
        }
        return printed.toByteArray();
    }

    public String printedText(Charset charset) {
        return new String(printedBytes(), charset);
    }

    private void acceptClients() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                clients.add(client);
                Thread reader = new Thread(() -> serve(client), "fake-escpos-client");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            int beforePrevious = -1;
            int previous = -1;
            int value;
            while ((value = in.read()) >= 0) {
                synchronized (received) {
                    received.write(value);
                }
                lastByteNanos = System.nanoTime();
                if (beforePrevious == 0x10 && previous == 0x04) {
                    Integer answer = answers.get(value);
                    if (answer != null) {
                        out.write(answer);
                        out.flush();
                    }
                    value = -1;
                }
                beforePrevious = previous;
                previous = value;
            }
        } catch (SocketException closed) {
            // the kiosk or the test closed the link
        } catch (IOException e) {
            // same
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket client : clients) {
            client.close();
        }
    }
}
