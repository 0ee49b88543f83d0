package org.guichet.hardware.printer;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** Raw TCP to a network printer (port 9100, "JetDirect"). Reads time out with the socket's SO_TIMEOUT. */
final class TcpPrinterConnection implements PrinterConnection {

    private final String host;
    private final int port;
    private final Socket socket;
    private final OutputStream output;
    private final InputStream input;

    TcpPrinterConnection(String host, int port, Duration connectTimeout, Duration readTimeout) throws IOException {
        this.host = host;
        this.port = port;
        this.socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), Math.toIntExact(connectTimeout.toMillis()));
            socket.setSoTimeout(Math.toIntExact(Math.max(1, readTimeout.toMillis())));
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            this.output = new BufferedOutputStream(socket.getOutputStream());
            this.input = socket.getInputStream();
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    @Override
    public OutputStream output() {
        return output;
    }

    @Override
    public InputStream input() {
        return input;
    }

    @Override
    public void finishJob() throws IOException {
        output.flush();
    }

    @Override
    public String description() {
        return "tcp:" + host + ":" + port;
    }

    @Override
    public void close() throws IOException {
        try {
            output.flush();
        } finally {
            socket.close();
        }
    }
}
